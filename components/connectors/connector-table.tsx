"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { BulkActionDialog } from "@/components/connectors/bulk-action-dialog";
import { healthLabel, healthTone } from "@/components/connectors/connector-health";
import { connectorRows, filterRows, NO_FILTER, pluginName, sortRows, type ConnectorFilter } from "@/components/connectors/connector-list";
import { healthCounts } from "@/server/contracts/connector-health";
import { ConnectorListToolbar } from "@/components/connectors/connector-list-toolbar";
import { DlqSizeBadge } from "@/components/dlq/dlq-size-badge";
import type { BulkActionKind } from "@/components/queries/bulk-actions";
import { useConnectorNotices, useConnectors } from "@/components/queries/connectors";
import { errorAdvice } from "@/components/queries/error-advice";
import { useHealth } from "@/components/queries/health";
import { useLive } from "@/components/queries/live-events";
import { StatusBadge } from "@/components/ui/badge";
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

/**
 * Every connector of the cluster: name (a link to its page), type, plugin, derived health with
 * its reason, task counts and topics; failed ones first, updated live from the event stream.
 * Search and the State and Type filters narrow the rows; checkboxes select shown rows for a bulk
 * pause, resume, restart or delete, each confirmed in a dialog that lists the connectors and
 * then the outcome for each. Empty states say how to create a connector or clear the filters.
 */
export function ConnectorTable() {
  const live = useLive();
  const { data, error, isPending, refetch } = useConnectors(live);
  const notices = useConnectorNotices();
  const [filter, setFilter] = useState<ConnectorFilter>(NO_FILTER);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [pending, setPending] = useState<{ kind: BulkActionKind; names: string[] } | null>(null);
  const rows = useMemo(() => (data ? connectorRows(data) : []), [data]);
  const shown = useMemo(() => sortRows(filterRows(rows, filter)), [rows, filter]);

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
  const toggle = (name: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(name);
    else next.delete(name);
    setSelected(next);
  };
  const toggleAll = (on: boolean) => setSelected(on ? new Set(shown.map((row) => row.name)) : new Set());
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
          <ConnectorListToolbar filter={filter} onChange={setFilter} counts={healthCounts(rows)} />
          <div className="mb-2 flex min-h-8 flex-wrap items-center justify-between gap-2">
            {chosen.length > 0 ? (
              <div role="toolbar" aria-label="Bulk actions" className="flex flex-wrap items-center gap-2">
                <span className="text-sm font-medium">{chosen.length} selected</span>
                <Button onClick={() => setPending({ kind: "pause", names: chosen })}>Pause</Button>
                <Button onClick={() => setPending({ kind: "resume", names: chosen })}>Resume</Button>
                <Button onClick={() => setPending({ kind: "restart", names: chosen })}>Restart</Button>
                <DangerButton onClick={() => setPending({ kind: "delete", names: chosen })}>Delete…</DangerButton>
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
                <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
                  {shown.map((row) => (
                    <tr key={row.name} className={`align-top ${selected.has(row.name) ? "bg-accent-50/60 dark:bg-accent-950/20" : "bg-white dark:bg-zinc-950"}`}>
                      <td className="py-3 pr-1 pl-4">
                        <input
                          type="checkbox"
                          aria-label={`Select ${row.name}`}
                          checked={selected.has(row.name)}
                          onChange={(event) => toggle(row.name, event.target.checked)}
                          className="size-4 accent-accent-600"
                        />
                      </td>
                      <th scope="row" className="px-4 py-3 font-medium">
                        <span className="flex max-w-[11rem] flex-wrap items-center gap-x-1.5 sm:max-w-[14rem]">
                          <Link
                            href={`/connectors/${encodeURIComponent(row.name)}`}
                            title={row.name}
                            className="block max-w-full truncate text-zinc-900 underline decoration-zinc-300 underline-offset-4 hover:text-accent-700 hover:decoration-accent-500 dark:text-zinc-100 dark:decoration-zinc-600 dark:hover:text-accent-300"
                          >
                            {row.name}
                          </Link>
                          <DlqSizeBadge connector={row.name} />
                        </span>
                      </th>
                      <td className="hidden px-4 py-3 text-zinc-600 md:table-cell dark:text-zinc-400">
                        <span className="capitalize">{row.type}</span>
                        <span className="block font-mono text-xs leading-5" title={row.pluginClass ?? undefined}>{pluginName(row.pluginClass)}</span>
                      </td>
                      <td className="px-4 py-3">
                        <StatusBadge tone={healthTone(row.health)} label={healthLabel(row.health)} />
                        <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">{row.reason}</p>
                        {notices.data?.[row.name]?.map((notice) => (
                          <p key={notice.code} className="mt-1 max-w-48 text-xs text-amber-700 dark:text-amber-400">{notice.message}</p>
                        ))}
                        {row.failure ? (
                          <p className="mt-1 max-w-48 truncate font-mono text-xs text-red-700 dark:text-red-400" title={row.failure}>
                            {row.failure}
                          </p>
                        ) : null}
                      </td>
                      <td className="px-4 py-3 text-zinc-600 dark:text-zinc-400">
                        <span className="whitespace-nowrap">
                          {row.running} of {row.tasks} running
                        </span>
                        {row.failed > 0 ? <span className="block font-medium whitespace-nowrap text-red-700 dark:text-red-400">{row.failed} failed</span> : null}
                      </td>
                      <td className="hidden px-4 py-3 font-mono text-xs leading-5 text-zinc-600 sm:table-cell dark:text-zinc-400">
                        <span className="block max-w-[8rem] truncate" title={row.topics.join(", ")}>{row.topics.length > 0 ? row.topics.join(", ") : "—"}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
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
