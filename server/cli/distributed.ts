import { loadWorkerConfig } from "@/server/config/load-worker-config";
import { createDistributedRuntime } from "@/server/boot/runtime-factory";
import { distributedStorageSettings } from "@/server/config/worker-config";
import { installShutdownHandlers } from "@/server/boot/shutdown";
import { installRuntime } from "@/server/runtime/runtime-slot";
import { restBasicAuth } from "@/server/cli/rest-basic-auth";
import { startRestListener, type RestListener } from "@/server/cli/rest-listener";

/**
 * `tributary distributed connect-distributed.properties`: loads the worker file (overlaid with
 * the environment; Kafka Connect's sample file works as is), checks the settings distributed mode
 * needs (`group.id`, the three internal topics), opens every `listeners` entry with the Connect
 * REST API, then starts a worker that reads the internal topics and joins its `group.id`'s
 * cluster. Resolves once the worker has read the stores and asked to join (the REST API answers
 * reads from then on, writes once the group assigned it); throws on any start-up failure, after
 * closing what it opened. SIGINT/SIGTERM leave the group, so the others take the work over at once.
 */
export async function runDistributed(workerFile: string): Promise<void> {
  const config = loadWorkerConfig({ file: workerFile });
  distributedStorageSettings(config);
  const listeners: RestListener[] = [];
  try {
    const basicAuth = restBasicAuth(config, process.env);
    for (const entry of config.settings.listeners) listeners.push(await startRestListener(entry, basicAuth));
    const slot = installRuntime(() => createDistributedRuntime(config, { port: listeners[0]!.port, protocol: "http" }));
    installShutdownHandlers(listeners.map((listener) => () => listener.close()));
    await slot.started;
  } catch (error) {
    await Promise.all(listeners.map((listener) => listener.close()));
    throw error;
  }
}
