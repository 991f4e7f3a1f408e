import { describe, expect, it } from "vitest";
import { configuredTopics, connectorHealth } from "@/components/connectors/connector-health";
import type { ConnectorInfo, ConnectorStateInfo } from "@/server/contracts/connect";

type State = ConnectorStateInfo["connector"]["state"];

const status = (connector: State, tasks: State[] = ["RUNNING"]): ConnectorStateInfo => ({
  name: "c1",
  connector: { state: connector, worker_id: "w" },
  tasks: tasks.map((state, id) => ({ id, state, worker_id: "w" })),
  type: "source",
});

const info = (config: Record<string, string>): ConnectorInfo => ({ name: "c1", config, tasks: [], type: "sink" });

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
});

describe("the topics a config names", () => {
  it("reads a sink's topics list or regex and a source's topic keys", () => {
    expect(configuredTopics(info({ topics: "orders, users ,," }))).toEqual(["orders", "users"]);
    expect(configuredTopics(info({ "topics.regex": "logs-.*" }))).toEqual(["/logs-.*/"]);
    expect(configuredTopics(info({ topic: "lines" }))).toEqual(["lines"]);
    expect(configuredTopics(info({ "kafka.topic": "pageviews" }))).toEqual(["pageviews"]);
    expect(configuredTopics(info({ file: "/tmp/x" }))).toEqual([]);
    expect(configuredTopics(undefined)).toEqual([]);
  });
});
