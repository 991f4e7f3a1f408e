import type { RestartRequest } from "@/server/storage/contracts/config-store";
import type { ConnectorStatuses } from "@/server/storage/contracts/status-store";

/** Which instances of one connector a restart request restarts (Kafka Connect's RestartPlan). */
export interface RestartPlan {
  connector: boolean;
  /** Task numbers, ascending. */
  tasks: number[];
}

/**
 * The plan for `request` given the connector's statuses and task count: the connector unless
 * `onlyFailed` and it is not FAILED; with `includeTasks`, every task, or only the FAILED ones.
 * The request side shows it as the 202 body; the worker that runs the instances carries it out.
 */
export function restartPlan(request: RestartRequest, statuses: ConnectorStatuses | undefined, taskCount: number): RestartPlan {
  const failed = (state: string | undefined) => state === "FAILED";
  const connector = !request.onlyFailed || failed(statuses?.connector?.state);
  const every = Array.from({ length: taskCount }, (_, task) => task);
  const tasks = request.includeTasks ? every.filter((task) => !request.onlyFailed || failed(statuses?.tasks.get(task)?.state)) : [];
  return { connector, tasks };
}

/**
 * Of two restart requests for one connector that are both pending, the one with the larger
 * effect, as Kafka Connect picks it: one that includes tasks over one that does not, then one for
 * every instance over one for the failed ones only.
 */
export function largerRestart(a: RestartRequest, b: RestartRequest): RestartRequest {
  const impact = (r: RestartRequest) => (r.includeTasks ? 2 : 0) + (r.onlyFailed ? 0 : 1);
  return impact(b) > impact(a) ? b : a;
}
