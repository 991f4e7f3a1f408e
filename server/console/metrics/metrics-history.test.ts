import { beforeEach, describe, expect, it } from "vitest";
import { MetricsHistory } from "@/server/console/metrics/metrics-history";
import { metricsQuerySchema, type MetricsQuery } from "@/server/contracts/metrics";
import { EventHub, type RuntimeEvent } from "@/server/runtime/events/event-hub";
import { ConnectMetrics } from "@/server/runtime/metrics/connect-metrics";

let clock: number;
let metrics: ConnectMetrics;
let events: EventHub;
let published: RuntimeEvent[];
let history: MetricsHistory;

const fakeProcess = { sample: () => ({ cpu: 12.5, rss: 100e6, heapUsed: 40e6, eventLoopDelay: 3 }), close: () => {} };
const query = (params: Record<string, string>): MetricsQuery => metricsQuerySchema.parse(params);

/** Moves the clock one second on and lets the history sample the second that ended. */
function second(work: () => void = () => {}): void {
  work();
  clock += 1000;
  history.tick();
}

beforeEach(() => {
  clock = Date.UTC(2026, 0, 1, 12, 0, 0, 5);
  metrics = new ConnectMetrics({ now: () => clock });
  events = new EventHub();
  published = [];
  events.subscribe((event) => published.push(event));
  history = new MetricsHistory({ metrics, events, store: null, retentionMs: 7 * 86_400_000, now: () => clock, process: fakeProcess });
});

describe("MetricsHistory", () => {
  it("turns task totals into per-second rates, per task and summed, and publishes each second", async () => {
    const t0 = metrics.sourceTask("gen", 0);
    const t1 = metrics.sourceTask("gen", 1);
    second(() => {
      t0.recordPoll(100, 2);
      t1.recordPoll(50, 4);
    });
    second(() => t0.recordPoll(30, 6));
    const summed = await history.series(query({ connector: "gen", metric: "records-in", range: "5m" }));
    expect(summed.series).toEqual([{ task: null, points: [[clock - 2000 - 5, 150], [clock - 1000 - 5, 30]] }]);
    const perTask = await history.series(query({ connector: "gen", metric: "records-in", range: "5m", task: "all" }));
    expect(perTask.series.map((s) => [s.task, s.points.map(([, v]) => v)])).toEqual([[0, [100, 30]], [1, [50, 0]]]);
    const batchTime = await history.series(query({ connector: "gen", metric: "batch-time", range: "5m" }));
    expect(batchTime.series[0]!.points.map(([, v]) => v)).toEqual([3, 6]);
    const last = published.at(-1);
    expect(last).toMatchObject({ type: "metrics", at: clock - 1000 - 5 });
    expect(last?.type === "metrics" && last.points).toEqual(expect.arrayContaining([{ connector: "gen", task: 0, metric: "records-in", value: 30 }, { connector: null, task: null, metric: "process-cpu", value: 12.5 }]));
  });

  it("averages seconds into coarser steps and answers worker series", async () => {
    const sink = metrics.sinkTask("out", 0);
    for (let i = 0; i < 10; i++) second(() => sink.recordRead(i % 2 === 0 ? 10 : 30));
    const stepped = await history.series(query({ connector: "out", metric: "records-in", range: "5m", step: "10s" }));
    const values = stepped.series[0]!.points.map(([, v]) => v);
    expect(values.reduce((a, b) => a + b, 0) / values.length).toBeCloseTo(20, 0);
    expect(stepped.stepMs).toBe(10_000);
    const cpu = await history.series(query({ metric: "process-cpu", range: "1m" }));
    expect(cpu).toMatchObject({ connector: null, unit: "%" });
    expect(cpu.series[0]!.points.at(-1)![1]).toBe(12.5);
  });

  it("answers longer ranges from minute rollups, including the minute under way", async () => {
    const sink = metrics.sinkTask("out", 0);
    for (let i = 0; i < 90; i++) second(() => sink.recordRead(6));
    const hour = await history.series(query({ connector: "out", metric: "records-in", range: "1h" }));
    expect(hour.stepMs).toBe(60_000);
    expect(hour.series[0]!.points.length).toBeGreaterThanOrEqual(1);
    expect(hour.series[0]!.points.every(([t, v]) => t % 60_000 === 0 && v === 6)).toBe(true);
  });

  it("sums the connectors' rates on the overview and counts their recent errors", () => {
    status("gen", null, "RUNNING");
    status("gen", 0, "RUNNING");
    status("bad", null, "RUNNING");
    status("bad", 0, "FAILED");
    const gen = metrics.sourceTask("gen", 0);
    const bad = metrics.sinkTask("bad", 0);
    for (let i = 0; i < 5; i++) {
      second(() => {
        gen.recordPoll(200, 1);
        gen.recordWrite(200);
        bad.errors.recordError();
      });
    }
    const overview = history.overview();
    expect(overview.connectors.find((c) => c.name === "gen")).toMatchObject({ type: "source", recordsIn: 200, recordsOut: 200 });
    expect(overview.connectors.find((c) => c.name === "bad")).toMatchObject({ recentErrors: 5, errors: 1 });
    expect(overview.worker).toEqual({ cpu: 12.5, memory: 100e6, eventLoopDelay: 3 });
  });
});

function status(connector: string, task: number | null, state: string): void {
  metrics.observe({ type: "status", connector, task, state, workerId: "w:1", at: clock });
}

describe("metricsQuerySchema", () => {
  const problem = (params: Record<string, string>) => {
    const parsed = metricsQuerySchema.safeParse(params);
    return parsed.success ? null : parsed.error.issues.map((i) => i.message).join("; ");
  };

  it("defaults the range to 15 minutes and picks a step from the range", () => {
    expect(query({ connector: "c", metric: "lag" })).toMatchObject({ range: 900_000, step: 1000 });
    expect(query({ connector: "c", metric: "lag", range: "24h" })).toMatchObject({ step: 300_000 });
    expect(query({ connector: "c", metric: "lag", range: "7d" }).step).toBe(3_600_000);
  });

  it("says what to fix in a bad query", () => {
    expect(problem({ metric: "nope" })).toMatch(/^metric must be one of records-in, records-out/);
    expect(problem({ metric: "records-in" })).toBe("metric records-in is a connector series: name the connector with connector=<name>");
    expect(problem({ metric: "process-cpu", connector: "c" })).toBe("metric process-cpu is a worker series: leave out connector and task");
    expect(problem({ metric: "lag", connector: "c", range: "soon" })).toBe('range must be a duration like 30s, 15m, 1h or 7d, got "soon"');
    expect(problem({ metric: "lag", connector: "c", task: "x" })).toBe("task must be a task number (0, 1, …) or all");
    expect(problem({ metric: "lag", connector: "c", range: "1h", step: "30s" })).toMatch(/^step must be whole minutes/);
    expect(problem({ metric: "lag", connector: "c", range: "7d", step: "1m" })).toMatch(/^range\/step gives 10080 points, more than 1000/);
  });
});
