import { describe, expect, it } from "vitest";
import type { ConnectorStateInfo } from "@/server/contracts/connect";
import { connectorHealth, healthCounts } from "@/server/contracts/connector-health";

type State = ConnectorStateInfo["connector"]["state"];

const status = (connector: State, tasks: State[] = ["RUNNING"]): ConnectorStateInfo => ({
  name: "c1",
  connector: { state: connector, worker_id: "w" },
  tasks: tasks.map((state, id) => ({ id, state, worker_id: "w" })),
  type: "source",
});

describe("a connector's derived health", () => {
  it("is healthy when the connector and every task run", () => {
    expect(connectorHealth(status("RUNNING"))).toEqual({ health: "healthy", reason: "Its task is running" });
    expect(connectorHealth(status("RUNNING", ["RUNNING", "RUNNING", "RUNNING"]))).toEqual({ health: "healthy", reason: "All 3 tasks running" });
  });

  it("is degraded when some tasks failed or are not running, failed when all did", () => {
    expect(connectorHealth(status("RUNNING", ["FAILED", "RUNNING", "FAILED"]))).toEqual({ health: "degraded", reason: "2 of 3 tasks failed" });
    expect(connectorHealth(status("RUNNING", ["FAILED", "FAILED"]))).toEqual({ health: "failed", reason: "All 2 tasks failed" });
    expect(connectorHealth(status("RUNNING", ["FAILED"]))).toEqual({ health: "failed", reason: "Its task failed" });
    expect(connectorHealth(status("RUNNING", ["RUNNING", "UNASSIGNED"]))).toEqual({ health: "degraded", reason: "1 of 2 tasks not running (unassigned)" });
    expect(connectorHealth(status("RESTARTING"))).toEqual({ health: "degraded", reason: "The connector is restarting" });
  });

  it("follows the connector's own state when it failed, paused, stopped or is unassigned", () => {
    expect(connectorHealth(status("FAILED", []))).toEqual({ health: "failed", reason: "The connector itself failed" });
    expect(connectorHealth(status("PAUSED", ["PAUSED"])).health).toBe("paused");
    expect(connectorHealth(status("PAUSED", ["PAUSED", "FAILED"])).reason).toBe("Paused, with 1 failed task");
    expect(connectorHealth(status("STOPPED", []))).toEqual({ health: "stopped", reason: "Stopped: no tasks run until it is resumed" });
    expect(connectorHealth(status("UNASSIGNED", [])).health).toBe("unassigned");
  });

  it("is unassigned when nothing is known yet or a running connector has no tasks", () => {
    expect(connectorHealth(undefined)).toEqual({ health: "unassigned", reason: "No status reported yet" });
    expect(connectorHealth(status("RUNNING", []))).toEqual({ health: "unassigned", reason: "Running, but no tasks have started yet" });
  });

  it("counts every health, zero where none", () => {
    expect(healthCounts([connectorHealth(status("RUNNING")), connectorHealth(status("RUNNING", ["FAILED"])), connectorHealth(status("STOPPED", []))])).toEqual({
      failed: 1,
      degraded: 0,
      unassigned: 0,
      paused: 0,
      stopped: 1,
      healthy: 1,
    });
  });
});
