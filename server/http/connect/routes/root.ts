import { projectHome } from "@/server/config/project-home";
import { json, type Route } from "@/server/http/connect/route";
import { currentRuntime, readyRuntime } from "@/server/runtime/runtime-slot";
import { sourceCommit, VERSION } from "@/server/version";

/**
 * The Kafka Connect version whose REST API Tributary serves, reported as `version` by `GET /`:
 * tools that switch on the server's version read it there. Tributary's own version is beside it.
 */
export const CONNECT_API_VERSION = "4.1.0";

/**
 * `GET /` (`version`: the Kafka Connect API served; `commit`, Kafka cluster id, probed on the spot
 * when no probe has answered yet; `tributary_version`, Tributary's own)
 * and `GET /health` (200 healthy once the runtime has
 * started, 503 starting before), with Kafka Connect's bodies. Both read the process's Runtime.
 */
export const rootRoutes: Route[] = [
  {
    method: "GET",
    path: [],
    handle: async () => {
      const runtime = await readyRuntime();
      const kafka = runtime.health().kafka.clusterId === null ? await runtime.probeKafka() : runtime.health().kafka;
      return json({ version: CONNECT_API_VERSION, commit: sourceCommit(projectHome()), kafka_cluster_id: kafka.clusterId, tributary_version: VERSION });
    },
  },
  {
    method: "GET",
    path: ["health"],
    handle: async () => {
      if (currentRuntime()?.health().ready) {
        return json({ status: "healthy", message: "Worker has completed startup and is ready to handle requests." });
      }
      return json({ status: "starting", message: "Worker is still starting up." }, 503);
    },
  },
];
