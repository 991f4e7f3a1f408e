import type { Tone } from "@/components/ui/status-dot";
import type { ConnectorAction } from "@/components/queries/connector-actions";
import type { ConnectorStateInfo } from "@/server/contracts/connect";

/** What the user asked the connector to be (Kafka Connect's TargetState). */
export type TargetState = "STARTED" | "PAUSED" | "STOPPED";

/** The badge colour of an observed state (RUNNING, FAILED, …) or a target state; unknown states are neutral. */
export function toneOf(state: string): Tone {
  switch (state) {
    case "RUNNING":
    case "STARTED":
      return "success";
    case "PAUSED":
    case "RESTARTING":
      return "warning";
    case "FAILED":
      return "danger";
    default:
      return "neutral";
  }
}

/**
 * The target state, derived from the observed status because the Connect API does not expose it:
 * STOPPED when the connector is STOPPED, PAUSED when it is PAUSED, STARTED otherwise.
 */
export function targetStateOf(status: ConnectorStateInfo): TargetState {
  const state = status.connector.state;
  return state === "STOPPED" || state === "PAUSED" ? state : "STARTED";
}

/**
 * Which actions apply to the connector as it is now: each kind maps to whether its button is
 * enabled. Nothing restarts a STOPPED connector (it has no instance or tasks); "restart failed"
 * needs a FAILED connector or task.
 */
export function applicableActions(status: ConnectorStateInfo): Record<ConnectorAction["kind"], boolean> {
  const target = targetStateOf(status);
  const running = target !== "STOPPED";
  const failed = status.connector.state === "FAILED" || status.tasks.some((task) => task.state === "FAILED");
  return {
    pause: target !== "PAUSED",
    resume: target !== "STARTED",
    stop: running,
    restart: running,
    "restart-all-tasks": running && status.tasks.length > 0,
    "restart-failed-tasks": running && failed,
    "restart-task": running,
  };
}
