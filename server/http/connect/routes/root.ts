import { projectHome } from "@/server/config/project-home";
import { json, type Route } from "@/server/http/connect/route";
import { currentRuntime, readyRuntime } from "@/server/runtime/runtime-slot";
import { sourceCommit, VERSION } from "@/server/version";

/**
 * `GET /` (version, commit, Kafka cluster id, probed on the spot when no probe has answered yet)
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
      return json({ version: VERSION, commit: sourceCommit(projectHome()), kafka_cluster_id: kafka.clusterId });
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
