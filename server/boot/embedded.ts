import { loadWorkerConfig } from "@/server/config/load-worker-config";
import { fatalLine } from "@/server/errors/tributary-error";
import { createRuntime, lockDatabase } from "@/server/boot/runtime-factory";
import { WorkerConfigError } from "@/server/config/worker-config";
import { installShutdownHandlers } from "@/server/boot/shutdown";
import { authSettings, installConsoleAuth } from "@/server/console/auth/auth-boot";
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
 * the environment. `TRIBUTARY_WORKER=off` makes the console a control plane of the cluster its
 * settings name, reached through the workers listed in `TRIBUTARY_CLUSTER_URL`. The console's
 * AuthService (login, sessions, tokens; `TRIBUTARY_AUTH` and friends) is installed beside the
 * runtime, on the same database. A bad setting (or a bad `TRIBUTARY_MAX_BODY_BYTES`, which the
 * API's request guard reads, or a short `TRIBUTARY_ADMIN_PASSWORD`) prints one line naming the
 * key and exits with status 1.
 */
export function startEmbeddedRuntime(): void {
  try {
    requestPolicy(process.env, process.env.HOST);
    const auth = authSettings(process.env);
    installRuntime(() => {
      const config = loadWorkerConfig({ file: process.env.TRIBUTARY_WORKER_CONFIG });
      const rest = { port: Number(process.env.PORT ?? 3000), protocol: "http" } as const;
      const runtime = createRuntime("embedded", config, rest, lockDatabase("embedded", config, rest), controlPlaneSettings(process.env));
      installConsoleAuth(config, auth, fail);
      installDlqInbox(() => createDlqInbox(config, () => runtime.herder));
      installTopicRecords(config);
      return runtime;
    }).started.catch((error: unknown) => fail(error));
    installShutdownHandlers([closeDlqInbox, closeTopicRecords]);
  } catch (error) {
    fail(error);
  }
}

/**
 * `TRIBUTARY_WORKER` (`on`, the default, or `off`) and, when off, `TRIBUTARY_CLUSTER_URL`: the
 * comma-separated REST roots of the cluster's workers. Throws WorkerConfigError naming the variable.
 */
export function controlPlaneSettings(env: NodeJS.ProcessEnv): { workerUrls: string[] } | undefined {
  const worker = (env.TRIBUTARY_WORKER ?? "on").trim().toLowerCase();
  if (worker === "on") return undefined;
  if (worker !== "off") throw new WorkerConfigError("TRIBUTARY_WORKER", `Invalid setting: TRIBUTARY_WORKER must be "on" or "off", got ${JSON.stringify(env.TRIBUTARY_WORKER)}`);
  const workerUrls = (env.TRIBUTARY_CLUSTER_URL ?? "").split(",").map((url) => url.trim().replace(/\/$/, "")).filter(Boolean);
  const bad = workerUrls.find((url) => !/^https?:\/\/[^/]+/.test(url));
  if (workerUrls.length === 0 || bad !== undefined) {
    throw new WorkerConfigError("TRIBUTARY_CLUSTER_URL", `Invalid setting: with TRIBUTARY_WORKER=off, TRIBUTARY_CLUSTER_URL must list the REST URLs of the cluster's workers, like http://worker-1:8083,http://worker-2:8083${bad ? `; ${JSON.stringify(bad)} is not one` : ""}`);
  }
  return { workerUrls };
}

function fail(error: unknown): never {
  process.stderr.write(`${fatalLine(error)}\n`);
  process.exit(1);
}
