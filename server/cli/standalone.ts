import { loadWorkerConfig } from "@/server/config/load-worker-config";
import { createRuntime, lockDatabase } from "@/server/boot/runtime-factory";
import { parseListener } from "@/server/config/worker-config";
import { installShutdownHandlers } from "@/server/boot/shutdown";
import { installRuntime } from "@/server/runtime/runtime-slot";
import { restBasicAuth } from "@/server/cli/rest-basic-auth";
import { startRestListener, type RestListener } from "@/server/cli/rest-listener";
import { readConnectorFile, readStdin } from "@/server/cli/connectors/connector-file";
import { TributaryError } from "@/server/errors/tributary-error";

/**
 * `tributary standalone worker.properties [connector files…]`: loads the worker file (overlaid
 * with the environment), takes the database's exclusive lock (refusing to start, with one line
 * naming the holder, when another process owns it), opens every `listeners` entry with the
 * Connect REST API, starts the runtime, then creates or updates the connectors of the given
 * files (as `connect-standalone` does; they are also kept in the database, so a restart without
 * the files brings them back).
 * Resolves once all that is done; throws (WorkerConfigError and friends) on any start-up
 * failure, after closing what it opened. SIGINT/SIGTERM stop it gracefully.
 */
export async function runStandalone(workerFile: string, connectorFiles: string[] = []): Promise<void> {
  const config = loadWorkerConfig({ file: workerFile });
  const connectors = await Promise.all(
    connectorFiles.map(async (file) => {
      const connector = await readConnectorFile(file, readStdin);
      if (!connector.name) throw new TributaryError("config.invalid_value", `Connector file ${file} has no "name".`);
      return { name: connector.name, config: { ...connector.config, name: connector.name } };
    }),
  );
  const lock = lockDatabase("standalone", config, { port: parseListener(config.settings.listeners[0]!).port, protocol: "http" });
  const listeners: RestListener[] = [];
  try {
    const basicAuth = restBasicAuth(config, process.env);
    for (const entry of config.settings.listeners) listeners.push(await startRestListener(entry, basicAuth));
    const first = listeners[0]!;
    const slot = installRuntime(() => createRuntime("standalone", config, { port: first.port, protocol: "http" }, lock));
    installShutdownHandlers(listeners.map((listener) => () => listener.close()));
    await slot.started;
    for (const { name, config: connectorConfig } of connectors) {
      await slot.runtime.herder.putConnectorConfig(name, connectorConfig, { allowReplace: true });
    }
  } catch (error) {
    await Promise.all(listeners.map((listener) => listener.close()));
    lock.release();
    throw error;
  }
}
