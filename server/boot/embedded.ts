import { loadWorkerConfig } from "@/server/config/load-worker-config";
import { fatalLine } from "@/server/errors/tributary-error";
import { createRuntime } from "@/server/boot/runtime-factory";
import { installShutdownHandlers } from "@/server/boot/shutdown";
import { closeDlqInbox, createDlqInbox, installDlqInbox } from "@/server/console/dlq/dlq-slot";
import { closeTopicRecords, installTopicRecords } from "@/server/console/topics/topics-slot";
import { requestPolicy } from "@/server/http/request-guard";
import { installRuntime } from "@/server/runtime/runtime-slot";

/**
 * Starts the embedded runtime inside the Next.js server process; called from instrumentation's
 * `register()`. Idempotent: a second call (a dev reload) finds the installed runtime. Does not
 * wait for start-up; request handlers wait through `readyRuntime()`.
 *
 * Worker settings come from the file named by `TRIBUTARY_WORKER_CONFIG` (optional) overlaid with
 * the environment. A bad setting (or a bad `TRIBUTARY_MAX_BODY_BYTES`, which the API's request
 * guard reads) prints one line naming the key and exits with status 1.
 */
export function startEmbeddedRuntime(): void {
  try {
    requestPolicy(process.env, process.env.HOST);
    installRuntime(() => {
      const config = loadWorkerConfig({ file: process.env.TRIBUTARY_WORKER_CONFIG });
      const runtime = createRuntime("embedded", config, { port: Number(process.env.PORT ?? 3000), protocol: "http" });
      installDlqInbox(() => createDlqInbox(config, () => runtime.herder));
      installTopicRecords(config);
      return runtime;
    }).started.catch((error: unknown) => fail(error));
    installShutdownHandlers([closeDlqInbox, closeTopicRecords]);
  } catch (error) {
    fail(error);
  }
}

function fail(error: unknown): never {
  process.stderr.write(`${fatalLine(error)}\n`);
  process.exit(1);
}
