"use client";

import { formatMetric } from "@/components/metrics/format-metric";
import { LINE_COLORS, LineChart, type LineChartProps } from "@/components/metrics/line-chart";
import { useMetricSeries, type SeriesRequest } from "@/components/queries/metrics";
import { Skeleton } from "@/components/ui/skeleton";
import { parseDuration, seriesMetricInfo } from "@/server/contracts/metrics";

/** Props of `MetricChart`. */
export interface MetricChartProps {
  request: SeriesRequest;
  /** The chart's title; also its accessible name. */
  title: string;
  /** Whether the event stream is connected (charts of the last 15 minutes then move every second). */
  live: boolean;
  /** Moments marked on the chart (LineChart's `markers`). */
  markers?: LineChartProps["markers"];
}

const rangeWords = (range: string) => {
  const ms = parseDuration(range) ?? 0;
  return ms >= 86_400_000 ? `${ms / 86_400_000} ${ms === 86_400_000 ? "day" : "days"}` : ms >= 3_600_000 ? `${ms / 3_600_000} ${ms === 3_600_000 ? "hour" : "hours"}` : `${ms / 60_000} minutes`;
};

/**
 * One metric as a captioned chart (`<figure>` named by its title): the latest value beside the
 * title, the line (or one line per task, with a legend), and honest states for loading, errors
 * and no data yet.
 */
export function MetricChart({ request, title, live, markers }: MetricChartProps) {
  const query = useMetricSeries(request, live);
  const info = seriesMetricInfo[request.metric];
  const titleId = `chart-${request.connector ?? "worker"}-${request.metric}`.replace(/[^A-Za-z0-9_-]/g, "_");
  const data = query.data;
  const lines = (data?.series ?? []).map((series) => ({ label: series.task === null ? title : `Task ${series.task}`, points: series.points }));
  const all = lines.flatMap((line) => line.points);
  const latest = data ? lines.reduce((sum, line) => sum + (line.points.at(-1)?.[1] ?? 0), 0) : null;
  const latestShown = lines.length > 1 ? null : latest;
  const peak = all.length > 0 ? Math.max(...all.map(([, v]) => v)) : null;
  const description =
    all.length === 0
      ? `${title} over the last ${rangeWords(request.range)}: no data yet`
      : `${title} over the last ${rangeWords(request.range)}: latest ${formatMetric(latest ?? 0, info.unit)}, highest ${formatMetric(peak ?? 0, info.unit)}`;

  return (
    <figure aria-labelledby={titleId} className="min-w-0 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      <figcaption className="mb-3 flex items-baseline justify-between gap-3">
        <span id={titleId} className="text-sm font-medium text-zinc-800 dark:text-zinc-200">{title}</span>
        {latestShown !== null && all.length > 0 ? <span className="text-sm font-semibold text-zinc-950 tabular-nums dark:text-zinc-50">{formatMetric(latestShown, info.unit)}</span> : null}
      </figcaption>
      {query.isPending ? (
        <Skeleton className="h-38 w-full" />
      ) : query.error && !data ? (
        <p role="alert" className="flex h-38 items-center justify-center text-center text-sm text-red-700 dark:text-red-400">Could not load: {query.error.message}</p>
      ) : data ? (
        <>
          <LineChart lines={lines} from={data.from} to={data.to} stepMs={data.stepMs} unit={info.unit} description={description} emptyMessage="No data in this range yet" markers={markers} />
          {lines.length > 1 ? (
            <ul aria-label="Tasks" className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400">
              {lines.map((line, index) => (
                <li key={line.label} className="flex items-center gap-1.5">
                  <span className={`size-2 rounded-full ${LINE_COLORS[index % LINE_COLORS.length]!.dot}`} />
                  {line.label}
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </figure>
  );
}
