"use client";

import type { ExpandedConnectors } from "@/server/contracts/connect";
import type { Health } from "@/server/contracts/health";
import { HealthCounts } from "@/components/connectors/health-counts";
import { useConnectors } from "@/components/queries/connectors";
import { useHealth } from "@/components/queries/health";
import { useLive } from "@/components/queries/live-events";
import { runtimeModeLabel } from "@/components/status/health-details";
import { summarizeHealth } from "@/components/status/health-summary";
import { StatusBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { DetailList, type DetailItem } from "@/components/ui/detail-list";
import { EmptyState } from "@/components/ui/empty-state";
import { RefreshIcon, ServerIcon } from "@/components/ui/icons";
import { Skeleton } from "@/components/ui/skeleton";
import { formatDuration, Timestamp } from "@/components/ui/timestamp";
import { useNow } from "@/components/ui/use-now";

const modeNote: Record<Health["runtime"]["mode"], string> = {
  embedded: "This worker runs inside the console's own process.",
  standalone: "In standalone mode this is the only worker.",
  distributed: "This worker is one member of a distributed cluster; the cluster's workers are listed below.",
};

function workerItems(health: Health, now: number, connectors: ExpandedConnectors | undefined): DetailItem[] {
  return [
    {
      // In a cluster the list holds every worker's connectors; the cluster card below says which runs where.
      term: health.runtime.mode === "distributed" ? "Cluster's connectors" : "Connectors",
      value: connectors ? (
        <HealthCounts connectors={connectors} label={health.runtime.mode === "distributed" ? "The cluster's connectors by health" : "Connectors on this worker by health"} />
      ) : (
        <span className="text-zinc-500 dark:text-zinc-400">Loading…</span>
      ),
    },
    { term: "Worker id", value: health.runtime.workerId, mono: true },
    { term: "Mode", value: runtimeModeLabel(health.runtime.mode) },
    {
      term: "Started at",
      value: (
        <>
          <Timestamp epochMs={health.runtime.startedAt} />
          <span className="text-zinc-500 dark:text-zinc-400"> · up {formatDuration(now - health.runtime.startedAt)}</span>
        </>
      ),
    },
    { term: "Version", value: health.version, mono: true },
    { term: "Kafka bootstrap", value: health.kafka.bootstrap, mono: true },
    { term: "Kafka cluster id", value: health.kafka.clusterId ?? "Not known yet", mono: health.kafka.clusterId !== null },
  ];
}

/**
 * The live worker serving this console, from the same health query as the top bar's status
 * (so both always agree), with its connectors counted by the health the connectors list shows. Shows a skeleton while loading and a retry when the API is unreachable.
 */
export function WorkerCard() {
  const query = useHealth();
  const connectors = useConnectors(useLive());
  const summary = summarizeHealth(query);
  const now = useNow();

  if (query.status === "pending") {
    return (
      <Card aria-busy="true" aria-label="Loading worker">
        <div className="border-b border-zinc-200 px-5 py-4 dark:border-zinc-800">
          <Skeleton className="h-4 w-40" />
        </div>
        <div className="grid grid-cols-[9rem_1fr] gap-x-4 gap-y-3 px-5 py-4">
          {Array.from({ length: 6 }, (_, i) => (
            <div key={i} className="contents">
              <Skeleton className="h-4 w-24" />
              <Skeleton className="h-4 w-56" />
            </div>
          ))}
        </div>
      </Card>
    );
  }

  if (!query.data) {
    return (
      <EmptyState
        icon={ServerIcon}
        title="Console API unreachable"
        actions={
          <Button onClick={() => void query.refetch()} disabled={query.isFetching}>
            <RefreshIcon className={`size-3.5 ${query.isFetching ? "animate-spin" : ""}`} />
            {query.isFetching ? "Retrying…" : "Retry now"}
          </Button>
        }
      >
        The worker&apos;s details come from the console&apos;s health endpoint, which did not answer ({summary.detail}).
        The console keeps retrying every few seconds.
      </EmptyState>
    );
  }

  const health = query.data;
  return (
    <Card labelledBy="worker-title">
      <CardHeader
        titleId="worker-title"
        title="This worker"
        description={modeNote[health.runtime.mode]}
        actions={<StatusBadge tone={summary.tone} label={summary.label} />}
      />
      {query.status === "error" ? (
        <p className="border-b border-red-200 bg-red-50 px-5 py-2 text-xs text-red-800 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-300">
          Showing the last known state: {summary.detail}
        </p>
      ) : null}
      <DetailList items={workerItems(health, now, connectors.data)} className="px-5 py-4" />
    </Card>
  );
}
