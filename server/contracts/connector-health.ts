/**
 * A connector's health, derived from its status in one place for every screen that shows it (the
 * connectors list, a connector's page, the Overview, the Workers page, the command palette), so
 * two screens never disagree. Pure; shared by the server and the browser.
 */
import type { ConnectorStateInfo } from "@/server/contracts/connect";

type State = ConnectorStateInfo["connector"]["state"];

/** What the derivation reads of a ConnectorStateInfo: the connector's state and its tasks' states. */
export interface HealthInput {
  connector: { state: State };
  tasks: ReadonlyArray<{ state: State }>;
}

/** A connector's health at a glance, derived from its own state and its tasks'. */
export type Health = "healthy" | "degraded" | "failed" | "paused" | "stopped" | "unassigned";

/** Every health, in the order the list's filter offers them (and "failed first" sorts them). */
export const HEALTHS: readonly Health[] = ["failed", "degraded", "unassigned", "paused", "stopped", "healthy"];

/** A health with the plain-English reason behind it ("2 of 3 tasks failed"). */
export interface HealthVerdict {
  health: Health;
  reason: string;
}

/** "1 task" / "3 tasks". */
function tasks(count: number): string {
  return `${count} ${count === 1 ? "task" : "tasks"}`;
}

/** "Its task failed" for a single task, "2 of 3 tasks failed" otherwise. */
function taskCount(count: number, total: number, what: string): string {
  if (total === 1) return `Its task ${what}`;
  return count === total ? `All ${tasks(total)} ${what}` : `${count} of ${tasks(total)} ${what}`;
}

/**
 * The health of a connector from its status (`undefined` when no status is written yet):
 * failed when the connector or all of its tasks failed; degraded when some tasks failed or are
 * not running, or it is restarting; paused, stopped and unassigned as the connector reports;
 * healthy when it and every task run. A running connector without tasks is unassigned.
 */
export function connectorHealth(status: HealthInput | undefined): HealthVerdict {
  if (!status) return { health: "unassigned", reason: "No status reported yet" };
  const state = status.connector.state;
  const total = status.tasks.length;
  const failed = status.tasks.filter((task) => task.state === "FAILED").length;
  const running = status.tasks.filter((task) => task.state === "RUNNING").length;
  switch (state) {
    case "FAILED":
      return { health: "failed", reason: "The connector itself failed" };
    case "STOPPED":
      return { health: "stopped", reason: "Stopped: no tasks run until it is resumed" };
    case "PAUSED":
      return { health: "paused", reason: failed > 0 ? `Paused, with ${failed} failed ${failed === 1 ? "task" : "tasks"}` : "Paused: its tasks keep their place but move no data" };
    case "UNASSIGNED":
      return { health: "unassigned", reason: "Not assigned to a worker yet" };
    case "RESTARTING":
      return { health: "degraded", reason: "The connector is restarting" };
  }
  if (total === 0) return { health: "unassigned", reason: "Running, but no tasks have started yet" };
  if (failed === total) return { health: "failed", reason: taskCount(failed, total, "failed") };
  if (failed > 0) return { health: "degraded", reason: taskCount(failed, total, "failed") };
  if (running < total) {
    const waiting = status.tasks.find((task) => task.state !== "RUNNING")!.state.toLowerCase();
    return { health: "degraded", reason: taskCount(total - running, total, `not running (${waiting})`) };
  }
  return { health: "healthy", reason: total === 1 ? "Its task is running" : `All ${tasks(total)} running` };
}

/** How many connectors have each health, every health present (0 when none). */
export function healthCounts(verdicts: Iterable<{ health: Health }>): Record<Health, number> {
  const counts = Object.fromEntries(HEALTHS.map((health) => [health, 0])) as Record<Health, number>;
  for (const { health } of verdicts) counts[health]++;
  return counts;
}
