"use client";

import { useState } from "react";
import { MetricChart } from "@/components/metrics/metric-chart";
import { RangePicker, type ChartRange } from "@/components/metrics/range-picker";
import { useConnectorVersions } from "@/components/queries/config-history";
import { useConnectorStatus } from "@/components/queries/connector";
import { useLive } from "@/components/queries/live-events";
import { Card, CardHeader } from "@/components/ui/card";
import type { ConnectorSeriesMetric } from "@/server/contracts/metrics";

/** The charts of a connector of each type, with titles in its own terms. */
/** The throughput charts, which mark each config version's time. */
const THROUGHPUT: ReadonlySet<ConnectorSeriesMetric> = new Set(["records-in", "records-out"]);

const charts: Record<"source" | "sink", Array<{ metric: ConnectorSeriesMetric; title: string }>> = {
  source: [
    { metric: "records-in", title: "Records polled" },
    { metric: "records-out", title: "Records written to Kafka" },
    { metric: "errors", title: "Errors" },
    { metric: "dead-letters", title: "Dead letters" },
    { metric: "record-age", title: "Newest record age" },
    { metric: "batch-time", title: "Poll time" },
  ],
  sink: [
    { metric: "records-in", title: "Records read from Kafka" },
    { metric: "records-out", title: "Records sent to the task" },
    { metric: "errors", title: "Errors" },
    { metric: "dead-letters", title: "Dead letters" },
    { metric: "lag", title: "Consumer lag (read position)" },
    { metric: "batch-time", title: "Put time" },
  ],
};

/**
 * A connector's live charts: records in and out per second, errors and dead letters per second,
 * consumer lag (sinks) or newest record age (sources), and batch time, over a chosen range, its
 * tasks combined or one line per task. Ranges up to 15 minutes move every second. The throughput
 * charts mark each config version applied within the range (`v3`).
 */
export function ConnectorMetrics({ name }: { name: string }) {
  const live = useLive();
  const status = useConnectorStatus(name, live);
  const [range, setRange] = useState<ChartRange>("15m");
  const [perTask, setPerTask] = useState(false);
  const type = status.data?.type === "sink" ? "sink" : "source";
  const versions = useConnectorVersions(name);
  const markers = (versions.data ?? []).map((version) => ({ at: version.at, label: `v${version.version}`, title: `Config version ${version.version} by ${version.user}` }));
  return (
    <Card labelledBy="metrics-title">
      <CardHeader
        titleId="metrics-title"
        title="Metrics"
        description={perTask ? "One line per task." : "All tasks combined."}
        actions={
          <>
            <label className="flex items-center gap-1.5 text-xs text-zinc-600 dark:text-zinc-400">
              <input type="checkbox" checked={perTask} onChange={(event) => setPerTask(event.target.checked)} className="size-3.5 accent-accent-600" />
              Per task
            </label>
            <RangePicker value={range} onChange={setRange} />
          </>
        }
      />
      <div className="grid gap-4 p-4 md:grid-cols-2">
        {charts[type].map(({ metric, title }) => (
          <MetricChart key={metric} title={title} live={live} markers={THROUGHPUT.has(metric) ? markers : undefined} request={{ connector: name, metric, range, ...(perTask ? { task: "all" as const } : {}) }} />
        ))}
      </div>
    </Card>
  );
}
