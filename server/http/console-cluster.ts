import type { Cluster } from "@/server/contracts/cluster";
import { messageOf } from "@/server/errors/tributary-error";
import { consoleErrorResponse } from "@/server/http/errors";
import { readyRuntime } from "@/server/runtime/runtime-slot";

/**
 * `GET /api/console/cluster`: the cluster's members, their assigned work and the recent
 * rebalances, from the leader.
 * `members: null` outside distributed mode; while the leader cannot tell (a rebalance, or an
 * Apache Kafka Connect worker leads), `members: null` with `unavailable` saying why. 503 before
 * the runtime is ready.
 */
export async function consoleClusterResponse(): Promise<Response> {
  try {
    const herder = (await readyRuntime()).herder;
    let body: Cluster;
    if (!herder.clusterView) body = { members: null, rebalances: [] };
    else {
      try {
        body = await herder.clusterView();
      } catch (error) {
        body = { members: null, rebalances: [], unavailable: messageOf(error) };
      }
    }
    return Response.json(body, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return consoleErrorResponse(error);
  }
}
