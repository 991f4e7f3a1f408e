import { describe, expect, it } from "vitest";
import { formatMetric, formatTick, niceCeiling } from "@/components/metrics/format-metric";
import { busiestConnectors, connectorsNeedingAttention } from "@/components/metrics/overview-ranking";
import type { ConnectorStateInfo, ExpandedConnectors } from "@/server/contracts/connect";
import type { ConnectorOverview } from "@/server/contracts/metrics";

describe("chart numbers", () => {
  it("writes values short, in their unit", () => {
    expect(formatMetric(0, "records/s")).toBe("0 records/s");
    expect(formatMetric(2.46, "records/s")).toBe("2.5 records/s");
    expect(formatMetric(12_345, "records/s")).toBe("12.3k records/s");
    expect(formatMetric(1_500_000, "records")).toBe("1.5M records");
    expect(formatMetric(3.14159, "ms")).toBe("3.1 ms");
    expect(formatMetric(2_500, "ms")).toBe("2.5 s");
    expect(formatMetric(123_456_789, "bytes")).toBe("123 MB");
    expect(formatMetric(12.5, "%")).toBe("12.5%");
    expect(formatTick(2_000, "records/s")).toBe("2k");
  });

  it("rounds an axis top up to 1, 2 or 5 × 10ⁿ", () => {
    expect([0, 0.3, 1, 1.2, 3, 7, 180, 1001].map(niceCeiling)).toEqual([1, 0.5, 1, 2, 5, 10, 200, 2000]);
  });
});

describe("overview rankings", () => {
  const connector = (name: string, fields: Partial<ConnectorOverview>): ConnectorOverview => ({
    name,
    type: "source",
    recordsIn: 0,
    recordsOut: 0,
    errors: 0,
    deadLetters: 0,
    recentErrors: 0,
    lag: null,
    ...fields,
  });

  it("ranks connectors by records moved and leaves idle ones out", () => {
    const list = [connector("idle", {}), connector("slow", { recordsIn: 5, recordsOut: 5 }), connector("fast", { recordsIn: 900, recordsOut: 900 })];
    expect(busiestConnectors(list).map((c) => c.name)).toEqual(["fast", "slow"]);
  });

  it("lists connectors needing attention by the health every screen shows: failed, then degraded, then recent errors", () => {
    type State = ConnectorStateInfo["connector"]["state"];
    const status = (connector: State, tasks: State[]): ConnectorStateInfo => ({
      name: "x",
      connector: { state: connector, worker_id: "w" },
      tasks: tasks.map((state, id) => ({ id, state, worker_id: "w" })),
      type: "source",
    });
    const connectors: ExpandedConnectors = {
      fine: { status: status("RUNNING", ["RUNNING"]) },
      errors: { status: status("RUNNING", ["RUNNING"]) },
      task: { status: status("RUNNING", ["FAILED", "RUNNING"]) },
      dead: { status: status("RUNNING", ["FAILED"]) },
      paused: { status: status("PAUSED", ["PAUSED"]) },
    };
    const rows = connectorsNeedingAttention(connectors, [connector("errors", { recentErrors: 12 }), connector("dead", { recentErrors: 1 })]);
    expect(rows.map((row) => [row.name, row.health, `${row.failedTasks} of ${row.tasks}`, row.recentErrors])).toEqual([
      ["dead", "failed", "1 of 1", 1],
      ["task", "degraded", "1 of 2", 0],
      ["errors", "healthy", "0 of 1", 12],
    ]);
  });
});
