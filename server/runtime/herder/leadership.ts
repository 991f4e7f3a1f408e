import type { ClusterView, ConnectorInfo, ConnectorOffset, ConnectorStateInfo, InitialState, RestartRequest } from "@/server/runtime/herder/herder-types";

/**
 * A request only the group's leader carries out (Kafka Connect's NotLeaderException cases): it
 * writes connector configs, task configs, stop and restart intents, or changes offsets. Pause
 * and resume are not among them: any worker writes those target states itself. Tributary adds
 * one read: the cluster's members and rebalances, which only the leader knows.
 */
export type LeaderRequest =
  | { op: "putConnectorConfig"; name: string; config: Record<string, string>; allowReplace: boolean; initialState?: InitialState }
  | { op: "deleteConnector"; name: string }
  | { op: "stopConnector"; name: string }
  | { op: "restartConnector"; name: string }
  | { op: "restartConnectorAndTasks"; name: string; request: RestartRequest }
  | { op: "restartTask"; name: string; task: number }
  | { op: "alterConnectorOffsets"; name: string; offsets: ConnectorOffset[] }
  | { op: "resetConnectorOffsets"; name: string }
  | { op: "putTaskConfigs"; name: string; taskConfigs: Record<string, string>[] }
  | { op: "clusterView" };

/** What the leader answers to each LeaderRequest. */
export interface LeaderResults {
  putConnectorConfig: { created: boolean; info: ConnectorInfo };
  deleteConnector: void;
  stopConnector: void;
  restartConnector: void;
  restartConnectorAndTasks: ConnectorStateInfo;
  restartTask: void;
  alterConnectorOffsets: { message: string };
  resetConnectorOffsets: { message: string };
  putTaskConfigs: void;
  clusterView: ClusterView;
}

/** Sends a request to the leader and resolves with its answer, or rejects with its error. */
export type ForwardToLeader = <R extends LeaderRequest>(request: R) => Promise<LeaderResults[R["op"]]>;

/** Who leads, as this worker sees it now: itself, or another worker reached through `forward`. */
export type LeaderRoute = { kind: "self" } | { kind: "remote"; forward: ForwardToLeader };

/**
 * The seam between the herder and the group's leadership. The request side and the reconciler
 * ask it before every leader-only write. Standalone is its own leader; distributed mode answers
 * from the group's last assignment and forwards over REST (a `forward` that cannot reach a
 * leader during a rebalance rejects with `rebalance.in_progress`). `leader()` is called on the
 * caller's turn and must not block.
 */
export interface Leadership {
  leader(): LeaderRoute;
}

/** A standalone worker: always its own leader. */
export const STANDALONE_LEADERSHIP: Leadership = { leader: () => ({ kind: "self" }) };

/**
 * Carries out a leader-only request: `local()` when this worker leads, else the leader's answer
 * to `request`. `request` and `local` must describe the same operation.
 */
export function asLeader<R extends LeaderRequest>(leadership: Leadership, request: R, local: () => Promise<LeaderResults[R["op"]]>): Promise<LeaderResults[R["op"]]> {
  const route = leadership.leader();
  return route.kind === "self" ? local() : route.forward(request);
}
