"use client";

import Link from "next/link";
import { useCallback, useMemo, useState } from "react";
import { allOf, BULK_ACTION, reasonOf } from "@/components/auth/can";
import { useCan } from "@/components/auth/use-can";
import { BulkActionDialog } from "@/components/connectors/bulk-action-dialog";
import { connectorRows, filterRows, NO_FILTER, sortRows, type ConnectorFilter, type SortKey } from "@/components/connectors/connector-list";
import { healthCounts } from "@/server/contracts/connector-health";
import { ConnectorListToolbar } from "@/components/connectors/connector-list-toolbar";
import { ConnectorRows } from "@/components/connectors/connector-rows";
import type { BulkActionKind } from "@/components/queries/bulk-actions";
import { useConnectorNotices, useConnectors } from "@/components/queries/connectors";
import { errorAdvice } from "@/components/queries/error-advice";
import { useHealth } from "@/components/queries/health";
import { useLive } from "@/components/queries/live-events";
import { useMetricsOverview } from "@/components/queries/metrics";
import { Button } from "@/components/ui/button";
import { DangerButton } from "@/components/ui/danger-button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorAlert } from "@/components/ui/error-alert";
import { PlugIcon } from "@/components/ui/icons";
import { InlineCode } from "@/components/ui/inline-code";
import { Skeleton } from "@/components/ui/skeleton";

const linkClass = "font-medium text-accent-600 hover:text-accent-700 dark:text-accent-400 dark:hover:text-accent-300";


/** A banner while the runtime's last probe found Kafka unreachable: connectors cannot move data. */
function KafkaBanner() {
  const health = useHealth();
  const kafka = health.data?.kafka;
  if (!kafka || kafka.reachable || kafka.checkedAt === null) return null;
  return (
    <ErrorAlert className="mb-4">
      Kafka is unreachable at <span className="font-mono">{kafka.bootstrap}</span>
      {kafka.error ? ` (${kafka.error})` : ""}: connectors cannot move data until it is back. Check that the brokers are running and that
      bootstrap.servers points at them.
    </ErrorAlert>
  );
}

const NO_RATES: ReadonlyMap<string, number> = new Map();

/** Records per second by connector (in or out, whichever is higher) while `wanted`, from the metrics overview. */
function useThroughput(wanted: boolean): ReadonlyMap<string, number> {
  const overview = useMetricsOverview(wanted);
  return useMemo(
    () => (overview.data ? new Map(overview.data.connectors.map((c) => [c.name, Math.max(c.recordsIn, c.recordsOut)])) : NO_RATES),
    [overview.data],
  );
}

/**
 * Every connector of the cluster: name (a link to its page), type, plugin, derived health with
 * its reason, task counts and topics; failed ones first (or by name in natural order, or by
 * throughput), updated live from the event stream. Only the rows in view are rendered
 * (ConnectorRows), so thousands of connectors stay quick. Search and the State and Type filters
 * narrow the rows; checkboxes select rows, and "select all" selects every row that matches,
 * rendered or not, for a bulk pause, resume, restart or delete, each confirmed in a dialog that
 * lists the connectors and then the outcome for each; a bulk action the user's role does not
 * allow on every selected connector is greyed out, naming the first it may not touch. Empty
 * states say how to create a connector or clear the filters.
 */
export function ConnectorTable() {
  const live = useLive();
  const { data, error, isPending, refetch } = useConnectors(live);
  const notices = useConnectorNotices();
  const [filter, setFilter] = useState<ConnectorFilter>(NO_FILTER);
  const [sort, setSort] = useState<SortKey>("health");
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [pending, setPending] = useState<{ kind: BulkActionKind; names: string[] } | null>(null);
  const rates = useThroughput(sort === "throughput");
  const can = useCan();
  const rows = useMemo(() => (data ? connectorRows(data) : []), [data]);
  const shown = useMemo(() => sortRows(filterRows(rows, filter), sort, rates), [rows, filter, sort, rates]);
  const toggle = useCallback((name: string, on: boolean) => {
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(name);
      else next.delete(name);
      return next;
    });
  }, []);

  if (isPending) return <Skeleton className="h-40 w-full" />;
  if (error && !data) {
    return (
      <ErrorAlert>
        Could not load connectors: {error.message} {errorAdvice(error)}{" "}
        <button type="button" onClick={() => void refetch()} className={`underline ${linkClass}`}>
          Try again
        </button>
      </ErrorAlert>
    );
  }

  const chosen = shown.filter((row) => selected.has(row.name)).map((row) => row.name);
  const allChosen = shown.length > 0 && chosen.length === shown.length;
  const toggleAll = (on: boolean) => setSelected(on ? new Set(shown.map((row) => row.name)) : new Set());
  const bulk = (kind: BulkActionKind) => {
    const permission = allOf(chosen.map((name) => can(BULK_ACTION[kind], name)));
    return { disabled: !permission.allowed, title: reasonOf(permission), onClick: () => setPending({ kind, names: chosen }) };
  };
  const liveText = live ? "Live updates on" : "Reconnecting… refreshing every 2 s";

  return (
    <div>
      <KafkaBanner />
      {rows.length === 0 ? (
        <>
          <p className="mb-2 text-right text-xs text-zinc-500 dark:text-zinc-400">{liveText}</p>
          <EmptyState
            icon={PlugIcon}
            title="No connectors yet"
            actions={
              <Link href="/connectors/new" className={`text-sm ${linkClass}`}>
                Create a connector →
              </Link>
            }
          >
            A connector copies data between Kafka and another system. Create one with the form, or through the Kafka Connect REST API at{" "}
            <InlineCode>/api/connect/connectors</InlineCode> with the same requests and configs as Apache Kafka Connect.
          </EmptyState>
        </>
      ) : (
        <>
          <ConnectorListToolbar filter={filter} onChange={setFilter} sort={sort} onSortChange={setSort} counts={healthCounts(rows)} />
          <div className="mb-2 flex min-h-8 flex-wrap items-center justify-between gap-2">
            {chosen.length > 0 ? (
              <div role="toolbar" aria-label="Bulk actions" className="flex flex-wrap items-center gap-2">
                <span className="text-sm font-medium">{chosen.length} selected</span>
                <Button {...bulk("pause")}>Pause</Button>
                <Button {...bulk("resume")}>Resume</Button>
                <Button {...bulk("restart")}>Restart</Button>
                <DangerButton {...bulk("delete")}>Delete…</DangerButton>
                <Button onClick={() => setSelected(new Set())}>Clear selection</Button>
              </div>
            ) : (
              <p aria-live="polite" className="text-sm text-zinc-600 dark:text-zinc-400">
                {shown.length === rows.length ? `${rows.length} ${rows.length === 1 ? "connector" : "connectors"}` : `Showing ${shown.length} of ${rows.length} connectors`}
              </p>
            )}
            <p className="text-xs text-zinc-500 dark:text-zinc-400">{liveText}</p>
          </div>
          {shown.length === 0 ? (
            <EmptyState
              icon={PlugIcon}
              title="No connector matches"
              actions={<Button onClick={() => setFilter(NO_FILTER)}>Clear filters</Button>}
            >
              None of the {rows.length} connectors matches this search and these filters.
            </EmptyState>
          ) : (
            <div className="relative overflow-x-auto rounded-xl border border-zinc-200 dark:border-zinc-800">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Connectors</caption>
                <thead className="bg-zinc-50 text-xs font-medium text-zinc-500 uppercase dark:bg-zinc-900 dark:text-zinc-400">
                  <tr>
                    <th scope="col" className="w-10 py-2.5 pr-1 pl-4">
                      <input
                        type="checkbox"
                        aria-label="Select all shown connectors"
                        checked={allChosen}
                        ref={(box) => {
                          if (box) box.indeterminate = chosen.length > 0 && !allChosen;
                        }}
                        onChange={(event) => toggleAll(event.target.checked)}
                        className="size-4 accent-accent-600"
                      />
                    </th>
                    <th scope="col" className="px-4 py-2.5">Name</th>
                    <th scope="col" className="hidden px-4 py-2.5 md:table-cell">Type</th>
                    <th scope="col" className="px-4 py-2.5">Health</th>
                    <th scope="col" className="px-4 py-2.5">Tasks</th>
                    <th scope="col" className="hidden px-4 py-2.5 sm:table-cell">Topics</th>
                  </tr>
                </thead>
                <ConnectorRows rows={shown} selected={selected} onToggle={toggle} notices={notices.data} />
              </table>
            </div>
          )}
        </>
      )}
      <BulkActionDialog
        kind={pending?.kind ?? null}
        names={pending?.names ?? []}
        onClose={(succeeded) => {
          setPending(null);
          if (succeeded.length > 0) setSelected(new Set([...selected].filter((name) => !succeeded.includes(name))));
        }}
      />
    </div>
  );
}
