"use client";

import { useState } from "react";
import { MetricChart } from "@/components/metrics/metric-chart";
import { RangePicker, type ChartRange } from "@/components/metrics/range-picker";
import { useLive } from "@/components/queries/live-events";
import { Card, CardHeader } from "@/components/ui/card";
import type { WorkerSeriesMetric } from "@/server/contracts/metrics";

const charts: Array<{ metric: WorkerSeriesMetric; title: string }> = [
  { metric: "process-cpu", title: "CPU (% of one core)" },
  { metric: "event-loop-delay", title: "Event-loop delay (p99)" },
  { metric: "process-memory", title: "Memory (RSS)" },
  { metric: "heap-used", title: "Heap used" },
];

/** The worker process's CPU, event-loop delay and memory over a chosen range, live for the last 15 minutes. */
export function WorkerMetrics() {
  const live = useLive();
  const [range, setRange] = useState<ChartRange>("15m");
  return (
    <Card labelledBy="worker-metrics-title">
      <CardHeader titleId="worker-metrics-title" title="Process" description="The worker process serving this console." actions={<RangePicker value={range} onChange={setRange} />} />
      <div className="grid gap-4 p-4 md:grid-cols-2">
        {charts.map(({ metric, title }) => (
          <MetricChart key={metric} title={title} live={live} request={{ metric, range }} />
        ))}
      </div>
    </Card>
  );
}
