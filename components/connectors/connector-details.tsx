"use client";

import Link from "next/link";
import { AutoRestartCard } from "@/components/connectors/auto-restart-card";
import { ConnectorActionBar } from "@/components/connectors/connector-action-bar";
import { ConfigHistoryCard } from "@/components/connectors/config-history-card";
import { ConnectorConfigCard } from "@/components/connectors/connector-config-card";
import { ConnectorHeader } from "@/components/connectors/connector-header";
import { ConnectorTopicsCard } from "@/components/connectors/connector-topics-card";
import { StateChangesCard } from "@/components/connectors/state-changes-card";
import { reasonOf } from "@/components/auth/can";
import { useCan } from "@/components/auth/use-can";
import { applicableActions } from "@/components/connectors/connector-state";
import { TaskTable } from "@/components/connectors/task-table";
import { ConnectorMetrics } from "@/components/metrics/connector-metrics";
import { OffsetsCard } from "@/components/offsets/offsets-card";
import { isNotFound, useConnectorStatus } from "@/components/queries/connector";
import { useConnectorAction } from "@/components/queries/connector-actions";
import { useLive } from "@/components/queries/live-events";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorAlert } from "@/components/ui/error-alert";
import { PlugIcon } from "@/components/ui/icons";
import { Skeleton } from "@/components/ui/skeleton";

/**
 * One connector's page: header with target and observed state, actions, tasks (live through the
 * event stream, polling while it is down), recent state changes and config versions, auto
 * restart, offsets (with the guided way to change them), config, its history (diffs and
 * rollback) and topics in use. A 404 from the status endpoint (unknown or deleted
 * connector) shows "Connector not found" with a way back.
 */
export function ConnectorDetails({ name }: { name: string }) {
  const live = useLive();
  const status = useConnectorStatus(name, live);
  const action = useConnectorAction(name);
  const can = useCan();

  if (isNotFound(status.error)) {
    return (
      <EmptyState
        icon={PlugIcon}
        title="Connector not found"
        actions={
          <Link href="/connectors" className="text-sm font-medium text-accent-600 hover:text-accent-700 dark:text-accent-400 dark:hover:text-accent-300">
            ← Back to connectors
          </Link>
        }
      >
        There is no connector named <span className="font-mono">{name}</span> on this cluster. It may have been deleted.
      </EmptyState>
    );
  }
  if (!status.data) {
    return status.error ? (
      <ErrorAlert>Could not load connector {name}: {status.error.message}</ErrorAlert>
    ) : (
      <div aria-busy="true" aria-label={`Loading connector ${name}`} className="space-y-4">
        <Skeleton className="h-10 w-72" />
        <Skeleton className="h-28 w-full" />
        <Skeleton className="h-40 w-full" />
      </div>
    );
  }

  const data = status.data;
  return (
    <div className="space-y-6">
      <ConnectorHeader status={data} />
      {status.error ? <ErrorAlert>Showing the last known status: {status.error.message}</ErrorAlert> : null}
      <ConnectorActionBar status={data} action={action} />
      <TaskTable
        status={data}
        live={live}
        canRestart={applicableActions(data)["restart-task"] && !action.isPending}
        restartRefusal={reasonOf(can("operate", name))}
        onRestart={(task) => action.mutate({ kind: "restart-task", task })}
      />
      <ConnectorMetrics name={name} />
      <StateChangesCard name={name} live={live} />
      <AutoRestartCard name={name} />
      <OffsetsCard status={data} />
      <ConnectorConfigCard name={name} />
      <ConfigHistoryCard name={name} />
      <ConnectorTopicsCard name={name} />
    </div>
  );
}
