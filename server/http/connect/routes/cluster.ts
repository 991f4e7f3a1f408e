import { TributaryError } from "@/server/errors/tributary-error";
import { json, type Route } from "@/server/http/connect/route";

/**
 * Tributary's one addition to the Connect REST API: `GET /tributary/cluster`, the workers
 * of a distributed cluster with the connectors and tasks the leader assigned each, and the
 * leader's recent rebalances (a worker that does not lead forwards it to the leader, as writes
 * are forwarded). 404 outside
 * distributed mode, where there is no cluster.
 */
export const clusterRoutes: Route[] = [
  {
    method: "GET",
    path: ["tributary", "cluster"],
    handle: async (context) => {
      const herder = await context.herder();
      if (!herder.clusterView) throw new TributaryError("cluster.not_found", "This worker does not run in distributed mode, so it has no cluster.");
      return json(await herder.clusterView());
    },
  },
];
