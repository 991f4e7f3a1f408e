import type { WorkerConfig } from "@/server/config/worker-config";
import { getLogger } from "@/server/logging/logger";
import { openDatabase } from "@/server/storage/prisma/database";
import { authModeOf, sessionTtlMs } from "@/server/console/auth/auth-mode";
import { AuthService } from "@/server/console/auth/auth-service";
import { installAuth } from "@/server/console/auth/auth-slot";

const log = getLogger("tributary.auth");

/** The auth settings from the environment, read (and checked) at start: throws `config.invalid_value` naming the variable. */
export function authSettings(env: Readonly<Record<string, string | undefined>>) {
  return {
    mode: authModeOf(env),
    sessionTtlMs: sessionTtlMs(env),
    adminUser: env.TRIBUTARY_ADMIN_USER?.trim() || "admin",
    adminPassword: env.TRIBUTARY_ADMIN_PASSWORD,
  };
}

/**
 * Installs the console's AuthService on the worker's database (migrations applied first, by
 * createRuntime) and prepares the first admin: from `TRIBUTARY_ADMIN_PASSWORD`, or by logging one
 * line with a one-time set-up code. `onFatal` gets a failure to prepare (a short admin password).
 * Called by the composition root (server/boot/embedded.ts) inside the runtime's creation.
 */
export function installConsoleAuth(config: WorkerConfig, settings: ReturnType<typeof authSettings>, onFatal: (error: unknown) => void): void {
  installAuth(
    () => new AuthService(settings.mode, openDatabase(config.settings["tributary.database.url"]), { sessionTtlMs: settings.sessionTtlMs }),
    async (service) => {
      try {
        const code = await service.prepareFirstAdmin(settings.adminUser, settings.adminPassword);
        if (code) log.warn(`No console user exists yet: open the console's /login page and create the first admin with the one-time set-up code ${code}`);
        else if (settings.mode === "on") log.info({ auth: "on" }, "console login is on");
        await service.sessions.prune();
      } catch (error) {
        onFatal(error);
        throw error;
      }
    },
  );
}
