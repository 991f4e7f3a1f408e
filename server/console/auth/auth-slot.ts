import { TributaryError } from "@/server/errors/tributary-error";
import type { AuthService } from "@/server/console/auth/auth-service";

/**
 * The process's one AuthService, on `globalThis` under a `Symbol.for` key, like the runtime
 * (runtime-slot.ts): Next compiles `proxy.ts`, instrumentation and route handlers as separate
 * module graphs in the same Node process, and only `globalThis` is common to them. Verified on
 * Next 16's `next start`: the proxy runs in the Node runtime, in the server's process, and sees
 * the slot the instrumentation hook filled.
 */
const KEY = Symbol.for("tributary.console.auth");

interface Slot {
  service: AuthService;
  /** Settles once the first admin is prepared (or the set-up code made). */
  ready: Promise<void>;
}

type Global = typeof globalThis & { [KEY]?: Slot };

/** Installs `service` unless one is installed (a dev reload keeps the first); `prepare` runs once, for the installed one. */
export function installAuth(create: () => AuthService, prepare: (service: AuthService) => Promise<void>): Slot {
  const g = globalThis as Global;
  if (g[KEY]) return g[KEY];
  const service = create();
  const slot: Slot = { service, ready: prepare(service) };
  slot.ready.catch(() => undefined);
  g[KEY] = slot;
  return slot;
}

/**
 * The AuthService for the proxy and handlers once prepared; 503 `runtime.not_ready` before it is
 * installed (the process is still starting) or when preparing it failed.
 */
export async function readyAuth(): Promise<AuthService> {
  const slot = (globalThis as Global)[KEY];
  if (!slot) throw new TributaryError("runtime.not_ready", "Sign-in is not available yet: the console is still starting.", { retriable: true, suggestion: "Retry in a few seconds." });
  try {
    await slot.ready;
  } catch (error) {
    throw new TributaryError("runtime.not_ready", `Sign-in is not available: ${(error as Error).message}`, { retriable: false });
  }
  return slot.service;
}

/** Removes the installed service; for tests and shutdown. */
export function uninstallAuth(): void {
  delete (globalThis as Global)[KEY];
}
