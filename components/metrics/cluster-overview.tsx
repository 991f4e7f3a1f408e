"use client";

import Link from "next/link";
import { toneOf } from "@/components/connectors/connector-state";
import { formatMetric } from "@/components/metrics/format-metric";
import { busiestConnectors, failingConnectors } from "@/components/metrics/overview-ranking";
import { useMetricsOverview } from "@/components/queries/metrics";
import { StatusBadge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorAlert } from "@/components/ui/error-alert";
import { ChartIcon } from "@/components/ui/icons";
import { Skeleton } from "@/components/ui/skeleton";
import type { ConnectorOverview, MetricsOverview } from "@/server/contracts/metrics";

const link = (name: string) => (
  <Link href={`/connectors/${encodeURIComponent(name)}`} className="font-medium text-accent-700 hover:underline dark:text-accent-300">
    {name}
  </Link>
);

function Tile({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <Card className="px-4 py-3">
      <dt className="text-xs font-medium text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="mt-1 text-lg font-semibold text-zinc-950 tabular-nums dark:text-zinc-50">{value}</dd>
      {detail ? <dd className="text-xs text-zinc-500 dark:text-zinc-400">{detail}</dd> : null}
    </Card>
  );
}

function Tiles({ overview }: { overview: MetricsOverview }) {
  const { connectors, worker } = overview;
  const sum = (pick: (c: ConnectorOverview) => number) => connectors.reduce((total, c) => total + pick(c), 0);
  const running = connectors.filter((c) => c.state === "RUNNING").length;
  return (
    <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
      <Tile label="Connectors" value={String(connectors.length)} detail={`${running} running`} />
      <Tile label="Needing attention" value={String(failingConnectors(connectors).length)} detail="failed, or errors in 15 min" />
      <Tile label="Records in" value={formatMetric(sum((c) => c.recordsIn), "records/s")} detail="all connectors, last minute" />
      <Tile label="Records out" value={formatMetric(sum((c) => c.recordsOut), "records/s")} detail={worker.cpu === null ? undefined : `worker CPU ${formatMetric(worker.cpu, "%")}`} />
    </dl>
  );
}

const th = "px-4 py-2.5 first:pl-5 last:pr-5";
const td = "px-4 py-3 first:pl-5 last:pr-5 tabular-nums";

/**
 * The cluster at a glance: how many connectors run and how many need attention, total
 * throughput, the busiest connectors and the failing ones, each linking to its page. Re-read
 * every 5 s; rates are averaged over the last minute.
 */
export function ClusterOverview() {
  const query = useMetricsOverview();
  if (query.isPending) {
    return (
      <div aria-busy="true" aria-label="Loading the overview" className="space-y-6">
        <Skeleton className="h-20 w-full" />
        <Skeleton className="h-48 w-full" />
      </div>
    );
  }
  if (!query.data) return <ErrorAlert>Could not load the overview: {query.error?.message}</ErrorAlert>;
  const overview = query.data;
  if (overview.connectors.length === 0) {
    return (
      <EmptyState icon={ChartIcon} title="No connectors running">
        Throughput, lag and errors show here once connectors run on this worker. Create one from the{" "}
        <Link href="/connectors" className="font-medium text-accent-700 hover:underline dark:text-accent-300">connectors page</Link>.
      </EmptyState>
    );
  }
  const busiest = busiestConnectors(overview.connectors);
  const failing = failingConnectors(overview.connectors);
  return (
    <div className="space-y-6">
      {query.error ? <ErrorAlert>Showing the last known figures: {query.error.message}</ErrorAlert> : null}
      <Tiles overview={overview} />
      <Card labelledBy="busiest-title">
        <CardHeader titleId="busiest-title" title="Busiest connectors" description="Records per second over the last minute." />
        {busiest.length === 0 ? (
          <p className="px-5 py-6 text-sm text-zinc-600 dark:text-zinc-400">No connector moved records in the last minute.</p>
        ) : (
          <div className="overflow-x-auto">
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
        <CardHeader titleId="failing-title" title="Failing connectors" description="Failed, with a failed task, or with record errors in the last 15 minutes." />
        {failing.length === 0 ? (
          <p className="px-5 py-6 text-sm text-zinc-600 dark:text-zinc-400">Every connector is healthy: no failures and no record errors in the last 15 minutes.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Failing connectors</caption>
              <thead className="bg-zinc-50 text-xs font-medium text-zinc-500 uppercase dark:bg-zinc-900 dark:text-zinc-400">
                <tr>
                  <th scope="col" className={`${th} w-full`}>Connector</th>
                  <th scope="col" className={th}>State</th>
                  <th scope="col" className={`${th} text-right`}>Failed tasks</th>
                  <th scope="col" className={`${th} text-right whitespace-nowrap`}>Errors (15 min)</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
                {failing.map((c) => (
                  <tr key={c.name}>
                    <th scope="row" className={`${td} font-normal`}>{link(c.name)}</th>
                    <td className={td}>{c.state ? <StatusBadge tone={toneOf(c.state)} label={c.state} /> : "—"}</td>
                    <td className={`${td} text-right`}>{c.tasks.failed} of {c.tasks.total}</td>
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
