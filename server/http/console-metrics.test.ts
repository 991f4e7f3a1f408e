import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { installMetricsHistory, uninstallMetricsHistory } from "@/server/console/metrics/history-slot";
import { MetricsHistory } from "@/server/console/metrics/metrics-history";
import { metricSeriesSchema, metricsOverviewSchema } from "@/server/contracts/metrics";
import { FakeHerder } from "@/server/http/connect/testing/fake-herder";
import { consoleMetricsOverviewResponse, consoleMetricsResponse } from "@/server/http/console-metrics";
import { Runtime } from "@/server/runtime/runtime";
import { installRuntime, uninstallRuntime } from "@/server/runtime/runtime-slot";
import { MemoryWorkerProcessStore } from "@/server/storage/memory/worker-process-store";

let history: MetricsHistory;

beforeEach(async () => {
  const herder = new FakeHerder();
  await herder.putConnectorConfig("files", { "connector.class": "FileStreamSource", file: "/tmp/x", topic: "t" }, { allowReplace: false });
  const { runtime, started } = installRuntime(
    () =>
      new Runtime({
        mode: "standalone",
        workerId: "w:1",
        version: "0",
        restUrl: null,
        cluster: { bootstrap: "b", describeCluster: async () => ({ clusterId: "c", brokers: 1 }), close: async () => {} },
        workers: new MemoryWorkerProcessStore(),
        herder: Object.assign(herder, { prepare: async () => {}, start: async () => {}, stop: async () => {} }),
      }),
  );
  await started;
  const process = { sample: () => ({ cpu: 5, rss: 1, heapUsed: 1, eventLoopDelay: 1 }), close: () => {} };
  history = new MetricsHistory({ metrics: runtime.metrics, events: runtime.events, store: null, retentionMs: 86_400_000, process, now: () => Date.now() + 1000 });
  runtime.metrics.sourceTask("files", 0).recordPoll(42, 1);
  history.tick();
  installMetricsHistory(history);
});

afterEach(async () => {
  uninstallMetricsHistory();
  await uninstallRuntime();
});

const get = (query: string) => consoleMetricsResponse(new Request(`http://x/api/console/metrics${query}`));

describe("GET /api/console/metrics", () => {
  it("answers a connector's series", async () => {
    const response = await get("?connector=files&metric=records-in&range=5m");
    expect(response.status).toBe(200);
    const body = metricSeriesSchema.parse(await response.json());
    expect(body).toMatchObject({ metric: "records-in", unit: "records/s", connector: "files", stepMs: 1000 });
    expect(body.series[0]!.points.at(-1)![1]).toBe(42);
  });

  it("answers 400 saying what to fix, and 404 for an unknown connector", async () => {
    const cases: Array<[string, number, string]> = [
      ["?connector=files&metric=records-in&range=2d", 400, "range 2d goes back further than the 1d of history kept (tributary.metrics.retention.ms)."],
      ["?connector=files&metric=speed", 400, "metric must be one of"],
      ["?connector=files&metric=lag&range=1h&step=10s", 400, "step must be whole minutes for ranges over 15m (older data is kept per minute)."],
      ["?connector=files&metric=lag&window=5m", 400, "Unknown parameter window: the parameters are metric, connector, task, range, step."],
      ["?metric=records-in", 400, "metric records-in is a connector series: name the connector with connector=<name>."],
      ["?connector=nope&metric=lag", 404, "Connector nope not found"],
    ];
    for (const [query, status, message] of cases) {
      const response = await get(query);
      const body = (await response.json()) as { message: string; code: string };
      expect({ query, status: response.status }).toEqual({ query, status });
      expect(body.message).toContain(message);
    }
  });

  it("gives the overview of connectors and the worker", async () => {
    const response = await consoleMetricsOverviewResponse();
    expect(response.status).toBe(200);
    const body = metricsOverviewSchema.parse(await response.json());
    expect(body.worker.cpu).toBe(5);
  });
});
