"use client";

import { useQuery, type QueryClient, type UseQueryResult } from "@tanstack/react-query";
import type { MetricsEvent } from "@/server/contracts/events";
import { metricSeriesSchema, metricsOverviewSchema, parseDuration, seriesMetricInfo, type MetricSeries, type MetricsOverview, type SeriesMetric } from "@/server/contracts/metrics";
import { apiFetch } from "@/components/queries/api-fetch";

/** What one chart shows: a metric of a connector (or of the worker, connector absent), its tasks combined, one task or each task. */
export interface SeriesRequest {
  metric: SeriesMetric;
  connector?: string;
  task?: number | "all";
  /** A duration such as `5m`, `15m`, `1h`, `24h`, `7d`. */
  range: string;
}

/** Prefix of every metric series query; the event stream appends live points to them. */
export const metricSeriesQueryPrefix = ["console", "metrics", "series"] as const;

/** Key of one chart's series. */
export function metricSeriesQueryKey(request: SeriesRequest) {
  return [...metricSeriesQueryPrefix, request.connector ?? null, request.metric, request.task ?? null, request.range] as const;
}

/** Key of the overview. */
export const metricsOverviewQueryKey = ["console", "metrics", "overview"] as const;

/** A failed console API call: the HTTP status and the API's own message. */
export class ConsoleMetricsError extends Error {
  override readonly name = "ConsoleMetricsError";

  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function consoleGet(path: string, signal?: AbortSignal): Promise<unknown> {
  const response = await apiFetch(path, { cache: "no-store", headers: { accept: "application/json" }, signal });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const message = typeof body === "object" && body !== null && "message" in body ? String((body as { message: unknown }).message) : `HTTP ${response.status}`;
    throw new ConsoleMetricsError(response.status, message);
  }
  return body;
}

/** `GET /api/console/metrics` for one chart; rejects with the API's message. */
export async function fetchMetricSeries(request: SeriesRequest, signal?: AbortSignal): Promise<MetricSeries> {
  const params = new URLSearchParams({ metric: request.metric, range: request.range });
  if (request.connector !== undefined) params.set("connector", request.connector);
  if (request.task !== undefined) params.set("task", String(request.task));
  return metricSeriesSchema.parse(await consoleGet(`/api/console/metrics?${params}`, signal));
}

/** Ranges charted per second, which the event stream keeps current; longer ones are re-read each minute. */
const isLiveRange = (range: string) => (parseDuration(range) ?? Infinity) <= 15 * 60_000;

/**
 * One chart's series. Ranges up to 15 minutes are loaded once and then extended every second
 * by the event stream (`live`), or re-read every 5 s while the stream is down; longer ranges,
 * charted per minute, are re-read every minute.
 */
export function useMetricSeries(request: SeriesRequest, live: boolean): UseQueryResult<MetricSeries, Error> {
  const liveRange = isLiveRange(request.range);
  return useQuery({
    queryKey: metricSeriesQueryKey(request),
    queryFn: ({ signal }) => fetchMetricSeries(request, signal),
    staleTime: liveRange && live ? Infinity : 2_000,
    refetchInterval: liveRange ? (live ? false : 5_000) : 60_000,
    retry: (failures, error) => failures < 1 && !(error instanceof ConsoleMetricsError && error.status < 500),
  });
}

/** Every connector's current figures and the worker's (`GET /api/console/metrics/overview`), re-read every 5 s while `enabled`. */
export function useMetricsOverview(enabled = true): UseQueryResult<MetricsOverview, Error> {
  return useQuery({
    queryKey: metricsOverviewQueryKey,
    enabled,
    queryFn: async ({ signal }) => metricsOverviewSchema.parse(await consoleGet("/api/console/metrics/overview", signal)),
    refetchInterval: 5_000,
  });
}

function combine(values: number[], how: "sum" | "mean" | "max"): number {
  const total = values.reduce((sum, value) => sum + value, 0);
  return how === "sum" ? total : how === "mean" ? total / values.length : Math.max(...values);
}

/**
 * Appends a `metrics` event's points to every cached per-second series it concerns (combining
 * tasks as the metric says when the chart shows them combined) and drops points that fell out
 * of the chart's range, so open charts move without refetching. Minute-step series are left
 * to their own refetch.
 */
export function applyMetricsEvent(client: QueryClient, event: MetricsEvent): void {
  for (const [key, data] of client.getQueriesData<MetricSeries>({ queryKey: metricSeriesQueryPrefix })) {
    if (!data || data.stepMs !== 1000) continue;
    const [, , , connector, metric, task, range] = key as ReturnType<typeof metricSeriesQueryKey>;
    const rangeMs = parseDuration(range);
    if (rangeMs === null) continue;
    const points = event.points.filter((p) => p.metric === metric && p.connector === connector);
    if (points.length === 0) continue;
    const from = event.at - rangeMs + 1000;
    const extend = (series: MetricSeries["series"][number], value: number | undefined) => ({
      task: series.task,
      points: [...series.points.filter(([t]) => t >= from && t < event.at), ...(value === undefined ? [] : [[event.at, value] as [number, number]])],
    });
    let series: MetricSeries["series"];
    if (task === "all") {
      const tasks = new Set([...data.series.map((s) => s.task), ...points.map((p) => p.task)]);
      series = [...tasks].sort((a, b) => (a ?? -1) - (b ?? -1)).map((t) => extend(data.series.find((s) => s.task === t) ?? { task: t, points: [] }, points.find((p) => p.task === t)?.value));
    } else if (typeof task === "number") {
      series = [extend(data.series[0] ?? { task, points: [] }, points.find((p) => p.task === task)?.value)];
    } else {
      series = [extend(data.series[0] ?? { task: null, points: [] }, combine(points.map((p) => p.value), seriesMetricInfo[metric].combine))];
    }
    client.setQueryData<MetricSeries>(key, { ...data, from: Math.max(data.from, from), to: event.at + 1000, series });
  }
}
