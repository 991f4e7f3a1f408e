"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { healthLabel, healthTone } from "@/components/connectors/connector-health";
import { HealthCounts } from "@/components/connectors/health-counts";
import { formatMetric } from "@/components/metrics/format-metric";
import { busiestConnectors, connectorsNeedingAttention, type AttentionRow } from "@/components/metrics/overview-ranking";
import { useConnectors } from "@/components/queries/connectors";
import { useLive } from "@/components/queries/live-events";
import { useMetricsOverview } from "@/components/queries/metrics";
import { StatusBadge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorAlert } from "@/components/ui/error-alert";
import { ChartIcon } from "@/components/ui/icons";
import { Skeleton } from "@/components/ui/skeleton";
import type { ExpandedConnectors } from "@/server/contracts/connect";
import type { ConnectorOverview, MetricsOverview } from "@/server/contracts/metrics";

const link = (name: string) => (
  <Link href={`/connectors/${encodeURIComponent(name)}`} className="font-medium text-accent-700 hover:underline dark:text-accent-300">
    {name}
  </Link>
);

function Tile({ label, value, detail }: { label: string; value: string; detail?: ReactNode }) {
  return (
    <Card className="px-4 py-3">
      <dt className="text-xs font-medium text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="mt-1 text-lg font-semibold text-zinc-950 tabular-nums dark:text-zinc-50">{value}</dd>
      {detail ? <dd className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">{detail}</dd> : null}
    </Card>
  );
}

function Tiles({ overview, connectors, attention }: { overview: MetricsOverview; connectors: ExpandedConnectors; attention: AttentionRow[] }) {
  const { worker } = overview;
  const sum = (pick: (c: ConnectorOverview) => number) => overview.connectors.reduce((total, c) => total + pick(c), 0);
  return (
    <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
      <Tile label="Connectors" value={String(Object.keys(connectors).length)} detail={<HealthCounts connectors={connectors} label="Connectors by health" />} />
      <Tile label="Needing attention" value={String(attention.length)} detail="failed, degraded, or errors in 15 min" />
      <Tile label="Records in" value={formatMetric(sum((c) => c.recordsIn), "records/s")} detail="all connectors, last minute" />
      <Tile label="Records out" value={formatMetric(sum((c) => c.recordsOut), "records/s")} detail={worker.cpu === null ? undefined : `worker CPU ${formatMetric(worker.cpu, "%")}`} />
    </dl>
  );
}

const th = "px-4 py-2.5 first:pl-5 last:pr-5";
const td = "px-4 py-3 first:pl-5 last:pr-5 tabular-nums";

/**
 * The cluster at a glance: connectors by health and how many need attention, total throughput,
 * the busiest connectors and those needing attention, each linking to its page. Health comes from
 * the connectors' statuses through the same derivation as the list (live through the event
 * stream); rates, averaged over the last minute, and errors are re-read every 5 s.
 */
export function ClusterOverview() {
  const query = useMetricsOverview();
  const connectors = useConnectors(useLive());
  if (query.isPending || connectors.isPending) {
    return (
      <div aria-busy="true" aria-label="Loading the overview" className="space-y-6">
        <Skeleton className="h-20 w-full" />
        <Skeleton className="h-48 w-full" />
      </div>
    );
  }
  if (!query.data || !connectors.data) return <ErrorAlert>Could not load the overview: {(query.error ?? connectors.error)?.message}</ErrorAlert>;
  const overview = query.data;
  if (Object.keys(connectors.data).length === 0) {
    return (
      <EmptyState icon={ChartIcon} title="No connectors yet">
        Throughput, lag and errors show here once connectors run on this worker. Create one from the{" "}
        <Link href="/connectors" className="font-medium text-accent-700 hover:underline dark:text-accent-300">connectors page</Link>.
      </EmptyState>
    );
  }
  const busiest = busiestConnectors(overview.connectors);
  const attention = connectorsNeedingAttention(connectors.data, overview.connectors);
  return (
    <div className="space-y-6">
      {query.error ?? connectors.error ? <ErrorAlert>Showing the last known figures: {(query.error ?? connectors.error)!.message}</ErrorAlert> : null}
      <Tiles overview={overview} connectors={connectors.data} attention={attention} />
      <Card labelledBy="busiest-title">
        <CardHeader titleId="busiest-title" title="Busiest connectors" description="Records per second over the last minute." />
        {busiest.length === 0 ? (
          <p className="px-5 py-6 text-sm text-zinc-600 dark:text-zinc-400">No connector moved records in the last minute.</p>
        ) : (
          <div className="relative overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Busiest connectors</caption>
              <thead className="bg-zinc-50 text-xs font-medium text-zinc-500 uppercase dark:bg-zinc-900 dark:text-zinc-400">
                <tr>
                  <th scope="col" className={`${th} w-full`}>Connector</th>
                  <th scope="col" className={th}>Type</th>
                  <th scope="col" className={`${th} text-right`}>In</th>
                  <th scope="col" className={`${th} text-right`}>Out</th>
                  <th scope="col" className={`${th} text-right`}>Lag</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
                {busiest.map((c) => (
                  <tr key={c.name}>
                    <th scope="row" className={`${td} font-normal`}>{link(c.name)}</th>
                    <td className={`${td} text-zinc-600 dark:text-zinc-400`}>{c.type}</td>
                    <td className={`${td} text-right whitespace-nowrap`}>{formatMetric(c.recordsIn, "records/s")}</td>
                    <td className={`${td} text-right whitespace-nowrap`}>{formatMetric(c.recordsOut, "records/s")}</td>
                    <td className={`${td} text-right whitespace-nowrap`}>{c.lag === null ? "—" : formatMetric(c.lag, "records")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <Card labelledBy="failing-title">
        <CardHeader titleId="failing-title" title="Needing attention" description="Failed or degraded (the health the connectors list shows), or with record errors in the last 15 minutes." />
        {attention.length === 0 ? (
          <p className="px-5 py-6 text-sm text-zinc-600 dark:text-zinc-400">Every connector is healthy: no failures and no record errors in the last 15 minutes.</p>
        ) : (
          <div className="relative overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Connectors needing attention</caption>
              <thead className="bg-zinc-50 text-xs font-medium text-zinc-500 uppercase dark:bg-zinc-900 dark:text-zinc-400">
                <tr>
                  <th scope="col" className={`${th} w-full`}>Connector</th>
                  <th scope="col" className={th}>Health</th>
                  <th scope="col" className={`${th} text-right whitespace-nowrap`}>Failed tasks</th>
                  <th scope="col" className={`${th} text-right whitespace-nowrap`}>Errors (15 min)</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
                {attention.map((c) => (
                  <tr key={c.name}>
                    <th scope="row" className={`${td} max-w-0 font-normal`}>
                      <span className="block truncate" title={c.name}>{link(c.name)}</span>
                      <span className="block truncate text-xs text-zinc-500 dark:text-zinc-400">{c.reason}</span>
                    </th>
                    <td className={td}><StatusBadge tone={healthTone(c.health)} label={healthLabel(c.health)} /></td>
                    <td className={`${td} text-right whitespace-nowrap`}>{c.failedTasks} of {c.tasks}</td>
                    <td className={`${td} text-right`}>{c.recentErrors.toLocaleString("en")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
