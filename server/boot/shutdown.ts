import { messageOf } from "@/server/errors/tributary-error";
import { getLogger } from "@/server/logging/logger";
import { uninstallRuntime } from "@/server/runtime/runtime-slot";

const KEY = Symbol.for("tributary.shutdown");
const log = getLogger("tributary.boot");

/**
 * Installs SIGINT/SIGTERM handlers once per process: stop the runtime (flush, commit, leave the
 * group as those arrive), run `beforeExit` hooks (close listeners), then exit with
 * `process.exitCode` (0 unless a failure set it, as a worker that lost its cluster does). A second
 * signal, or a stop slower than `graceMs`, exits at once with 1.
 *
 * Under `next start` the runtime's handler only gets to finish when Next's own is off
 * (`NEXT_MANUAL_SIG_HANDLE=true`, which `npm start` sets).
 */
export function installShutdownHandlers(beforeExit: Array<() => Promise<void>> = [], graceMs = 30_000): void {
  const g = globalThis as typeof globalThis & { [KEY]?: boolean };
  if (g[KEY]) return;
  g[KEY] = true;
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, "second signal, exiting now");
      process.exit(1);
    }
    stopping = true;
    log.info({ signal }, "shutting down");
    const force = setTimeout(() => {
      log.error({ graceMs }, "shutdown took too long, exiting");
      process.exit(1);
    }, graceMs);
    force.unref();
    void (async () => {
      try {
        await uninstallRuntime();
        for (const hook of beforeExit) await hook();
      } catch (error) {
        log.error({ err: messageOf(error) }, "error during shutdown");
      }
      process.exit(typeof process.exitCode === "number" ? process.exitCode : 0);
    })();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
}
