import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { applyMetricsEvent, metricSeriesQueryKey, type SeriesRequest } from "@/components/queries/metrics";
import type { MetricSeries } from "@/server/contracts/metrics";

const at = 1_700_000_000_000;
const seed = (client: QueryClient, request: SeriesRequest, series: MetricSeries["series"], stepMs = 1000) =>
  client.setQueryData<MetricSeries>(metricSeriesQueryKey(request), { metric: request.metric, unit: "records/s", connector: request.connector ?? null, from: at - 300_000, to: at, stepMs, series });
const points = (client: QueryClient, request: SeriesRequest) => client.getQueryData<MetricSeries>(metricSeriesQueryKey(request))!.series.map((s) => [s.task, s.points]);

describe("metrics events in the React Query cache", () => {
  const event = {
    type: "metrics" as const,
    at,
    points: [
      { connector: "gen", task: 0, metric: "records-out" as const, value: 40 },
      { connector: "gen", task: 1, metric: "records-out" as const, value: 60 },
      { connector: "gen", task: 0, metric: "batch-time" as const, value: 2 },
      { connector: "gen", task: 1, metric: "batch-time" as const, value: 4 },
      { connector: null, task: null, metric: "process-cpu" as const, value: 7 },
    ],
  };

  it("appends the second's point to combined, per-task and worker charts and drops what fell out of the range", () => {
    const client = new QueryClient();
    const summed: SeriesRequest = { connector: "gen", metric: "records-out", range: "5m" };
    const mean: SeriesRequest = { connector: "gen", metric: "batch-time", range: "5m" };
    const perTask: SeriesRequest = { connector: "gen", metric: "records-out", range: "5m", task: "all" };
    const cpu: SeriesRequest = { metric: "process-cpu", range: "5m" };
    seed(client, summed, [{ task: null, points: [[at - 300_000, 1], [at - 1000, 90]] }]);
    seed(client, mean, [{ task: null, points: [] }]);
    seed(client, perTask, [{ task: 0, points: [[at - 1000, 30]] }]);
    seed(client, cpu, [{ task: null, points: [] }]);
    applyMetricsEvent(client, event);
    expect(points(client, summed)).toEqual([[null, [[at - 1000, 90], [at, 100]]]]);
    expect(points(client, mean)).toEqual([[null, [[at, 3]]]]);
    expect(points(client, perTask)).toEqual([[0, [[at - 1000, 30], [at, 40]]], [1, [[at, 60]]]]);
    expect(points(client, cpu)).toEqual([[null, [[at, 7]]]]);
    expect(client.getQueryData<MetricSeries>(metricSeriesQueryKey(summed))!.to).toBe(at + 1000);
  });

  it("leaves minute-step charts and other connectors' charts alone", () => {
    const client = new QueryClient();
    const day: SeriesRequest = { connector: "gen", metric: "records-out", range: "24h" };
    const other: SeriesRequest = { connector: "other", metric: "records-out", range: "5m" };
    seed(client, day, [{ task: null, points: [[at - 60_000, 5]] }], 300_000);
    seed(client, other, [{ task: null, points: [[at - 1000, 5]] }]);
    applyMetricsEvent(client, event);
    expect(points(client, day)).toEqual([[null, [[at - 60_000, 5]]]]);
    expect(points(client, other)).toEqual([[null, [[at - 1000, 5]]]]);
  });
});
