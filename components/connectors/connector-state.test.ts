import { describe, expect, it } from "vitest";
import { applicableActions, targetStateOf } from "@/components/connectors/connector-state";
import type { ConnectorStateInfo } from "@/server/contracts/connect";

const status = (connector: ConnectorStateInfo["connector"]["state"], tasks: ConnectorStateInfo["tasks"][number]["state"][] = ["RUNNING"]): ConnectorStateInfo => ({
  name: "c1",
  connector: { state: connector, worker_id: "w" },
  tasks: tasks.map((state, id) => ({ id, state, worker_id: "w" })),
  type: "source",
});

describe("target state and applicable actions", () => {
  it("derives the target state from the observed one", () => {
    expect(targetStateOf(status("STOPPED", []))).toBe("STOPPED");
    expect(targetStateOf(status("PAUSED"))).toBe("PAUSED");
    for (const state of ["RUNNING", "FAILED", "UNASSIGNED", "RESTARTING"] as const) expect(targetStateOf(status(state))).toBe("STARTED");
  });

  it("offers only the actions that change something", () => {
    expect(applicableActions(status("RUNNING"))).toMatchObject({ pause: true, resume: false, stop: true, restart: true, "restart-failed-tasks": false });
    expect(applicableActions(status("PAUSED"))).toMatchObject({ pause: false, resume: true, stop: true });
    expect(applicableActions(status("RUNNING", ["RUNNING", "FAILED"]))["restart-failed-tasks"]).toBe(true);
    expect(applicableActions(status("STOPPED", []))).toEqual({
      pause: true,
      resume: true,
      stop: false,
      restart: false,
      "restart-all-tasks": false,
      "restart-failed-tasks": false,
      "restart-task": false,
    });
  });
});
