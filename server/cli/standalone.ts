import { loadWorkerConfig } from "@/server/config/load-worker-config";
import { createRuntime } from "@/server/boot/runtime-factory";
import { installShutdownHandlers } from "@/server/boot/shutdown";
import { installRuntime } from "@/server/runtime/runtime-slot";
import { startRestListener, type RestListener } from "@/server/cli/rest-listener";

/**
 * `tributary standalone worker.properties`: loads the worker file (overlaid with the
 * environment), opens every `listeners` entry with the Connect REST API, then starts the runtime.
 * Resolves once the runtime is started; throws (WorkerConfigError and friends) on any start-up
 * failure, after closing what it opened. SIGINT/SIGTERM stop it gracefully.
 */
export async function runStandalone(workerFile: string): Promise<void> {
  const config = loadWorkerConfig({ file: workerFile });
  const listeners: RestListener[] = [];
  try {
    for (const entry of config.settings.listeners) listeners.push(await startRestListener(entry));
    const first = listeners[0]!;
    const slot = installRuntime(() => createRuntime("standalone", config, { port: first.port, protocol: "http" }));
    installShutdownHandlers(listeners.map((listener) => () => listener.close()));
    await slot.started;
  } catch (error) {
    await Promise.all(listeners.map((listener) => listener.close()));
    throw error;
  }
}
