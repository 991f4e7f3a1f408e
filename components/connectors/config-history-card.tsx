"use client";

import { useState } from "react";
import { configDiff } from "@/components/connector-form/config-diff";
import { ConfigDiffView } from "@/components/connector-form/config-diff-view";
import { isSecretKey } from "@/components/connectors/connector-config";
import { RollbackDialog } from "@/components/connectors/rollback-dialog";
import { useConnectorVersion, useConnectorVersions } from "@/components/queries/config-history";
import { errorAdvice } from "@/components/queries/error-advice";
import { Card, CardHeader } from "@/components/ui/card";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Skeleton } from "@/components/ui/skeleton";
import { Timestamp } from "@/components/ui/timestamp";
import type { ConnectorVersionSummary } from "@/server/contracts/audit";

const selectClass = "h-8 rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-950";

/** Two versions picked for comparison (older first by default: the one before the latest, and the latest). */
function useCompared(versions: ConnectorVersionSummary[]): [number | null, number | null, (from: number) => void, (to: number) => void] {
  const [picked, setPicked] = useState<{ from: number | null; to: number | null }>({ from: null, to: null });
  const from = picked.from ?? versions[1]?.version ?? versions[0]?.version ?? null;
  const to = picked.to ?? versions[0]?.version ?? null;
  return [from, to, (value) => setPicked({ from: value, to }), (value) => setPicked({ from, to: value })];
}

/**
 * "Config history": every config the connector was given, as versions (newest first) with who
 * applied it and when (`unknown` for configs applied outside this console), a comparison of any
 * two versions, and "Roll back…" on every version but the current one. Secrets are masked.
 */
export function ConfigHistoryCard({ name }: { name: string }) {
  const versions = useConnectorVersions(name);
  const list = versions.data ?? [];
  const [from, to, setFrom, setTo] = useCompared(list);
  const left = useConnectorVersion(name, from);
  const right = useConnectorVersion(name, to, from ?? undefined);
  const current = list[0]?.version;
  const changes = left.data && right.data ? configDiff(left.data.config, right.data.config, isSecretKey) : null;
  return (
    <Card labelledBy="history-title" aria-busy={versions.isPending}>
      <CardHeader titleId="history-title" title="Config history" description="Every config this connector was given, newest first; secret values are masked." />
      <div className="space-y-4 px-5 py-4 text-sm">
        {versions.isPending ? (
          <Skeleton className="h-24 w-full" />
        ) : versions.error ? (
          <ErrorAlert>
            Could not load the config history: {versions.error.message} {errorAdvice(versions.error)}
          </ErrorAlert>
        ) : list.length === 0 ? (
          <p className="text-zinc-600 dark:text-zinc-400">No versions recorded yet.</p>
        ) : (
          <>
            <table className="w-full text-left">
              <caption className="sr-only">Config versions of {name}</caption>
              <thead className="text-xs text-zinc-500 uppercase dark:text-zinc-400">
                <tr>
                  <th scope="col" className="py-1.5 pr-3">Version</th>
                  <th scope="col" className="py-1.5 pr-3">Applied</th>
                  <th scope="col" className="py-1.5 pr-3">By</th>
                  <th scope="col" className="py-1.5 pr-3">Changes</th>
                  <th scope="col" className="py-1.5"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
                {list.map((entry) => (
                  <tr key={entry.version} aria-label={`v${entry.version}`}>
                    <th scope="row" className="py-2 pr-3 font-mono font-medium">
                      v{entry.version}
                      {entry.version === current ? <span className="ml-2 font-sans text-xs font-normal text-emerald-700 dark:text-emerald-400">current</span> : null}
                    </th>
                    <td className="py-2 pr-3 text-zinc-600 tabular-nums dark:text-zinc-400"><Timestamp epochMs={entry.at} relative /></td>
                    <td className="py-2 pr-3">{entry.user}</td>
                    <td className="py-2 pr-3 text-zinc-600 dark:text-zinc-400">
                      {entry.note ?? `${entry.changedKeys} ${entry.changedKeys === 1 ? "key" : "keys"} ${entry.version === 1 ? "set" : "changed"}`}
                    </td>
                    <td className="py-2 text-right">{current !== undefined && entry.version !== current ? <RollbackDialog name={name} version={entry.version} current={current} /> : null}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {list.length > 1 && from !== null && to !== null ? (
              <div className="space-y-3 border-t border-zinc-200 pt-4 dark:border-zinc-800">
                <div className="flex flex-wrap items-center gap-2">
                  <label className="flex items-center gap-1.5">
                    Compare
                    <select aria-label="Compare from version" value={from} onChange={(event) => setFrom(Number(event.target.value))} className={selectClass}>
                      {list.map((entry) => <option key={entry.version} value={entry.version}>v{entry.version}</option>)}
                    </select>
                  </label>
                  <label className="flex items-center gap-1.5">
                    with
                    <select aria-label="Compare to version" value={to} onChange={(event) => setTo(Number(event.target.value))} className={selectClass}>
                      {list.map((entry) => <option key={entry.version} value={entry.version}>v{entry.version}</option>)}
                    </select>
                  </label>
                </div>
                {changes ? <ConfigDiffView changes={changes} caption={`Changes from v${from} to v${to}`} emptyText={`v${from} and v${to} have the same config.`} /> : <Skeleton className="h-16 w-full" />}
              </div>
            ) : null}
          </>
        )}
      </div>
    </Card>
  );
}
