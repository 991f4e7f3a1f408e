import { describe, expect, it } from "vitest";
import { ConnectMetrics } from "@/server/runtime/metrics/connect-metrics";

describe("connect-worker-rebalance-metrics", () => {
  it("are absent until a worker's group side asks for them (standalone reports none)", () => {
    expect(new ConnectMetrics().snapshot().some((sample) => sample.group === "connect-worker-rebalance-metrics")).toBe(false);
  });

  it("count completed rebalances, their max and average time, the leader, epoch and time since the last", () => {
    let now = 1_000;
    const metrics = new ConnectMetrics({ now: () => now });
    const rebalances = metrics.rebalanceMetrics();
    const value = (name: string) => metrics.snapshot().find((sample) => sample.group === "connect-worker-rebalance-metrics" && sample.name === name)?.value;
    expect(value("time-since-last-rebalance-ms")).toBe(-1);
    rebalances.started();
    now += 300;
    rebalances.started();
    expect(value("rebalancing")).toBe(1);
    now += 100;
    rebalances.completed({ protocol: "sessioned", leader: "w1-abc", epoch: 4 });
    now += 2_000;
    rebalances.started();
    now += 200;
    rebalances.completed({ protocol: "sessioned", leader: "w2-def", epoch: 5 });
    now += 50;
    expect(value("rebalancing")).toBe(0);
    expect(value("completed-rebalances-total")).toBe(2);
    expect(value("rebalance-max-time-ms")).toBe(400);
    expect(value("rebalance-avg-time-ms")).toBe(300);
    expect(value("leader-name")).toBe("w2-def");
    expect(value("epoch")).toBe(5);
    expect(value("connect-protocol")).toBe("sessioned");
    expect(value("time-since-last-rebalance-ms")).toBe(50);
  });
});
