"use client";

import { useId, useState } from "react";
import { fieldClass } from "@/components/dlq/form-classes";
import { shortClassName } from "@/components/dlq/inbox-state";
import { StatusBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Timestamp } from "@/components/ui/timestamp";
import type { DlqRecordPage, DlqRecordRow } from "@/server/contracts/dlq";

/** A record's key in selections: `<partition>/<offset>`. */
export function recordKey(record: Pick<DlqRecordRow, "partition" | "offset">): string {
  return `${record.partition}/${record.offset}`;
}

/** Props of `DlqRecordTable`. */
export interface DlqRecordTableProps {
  topic: string;
  page: DlqRecordPage;
  /** Whether this is the newest page (no `before`). */
  newest: boolean;
  selected: ReadonlySet<string>;
  onSelect: (keys: string[], selected: boolean) => void;
  opened: string | undefined;
  onOpen: (record: DlqRecordRow) => void;
  /** Shows the records below `before` (undefined: the newest). */
  onPage: (before: string | undefined) => void;
}

function original(record: DlqRecordRow): string {
  const { topic, partition, offset } = record.context.original;
  if (topic === null) return "—";
  return partition === null ? `${topic} (source)` : `${topic}/${partition}/${offset}`;
}

/**
 * One page of DLQ records, newest first: a checkbox per row (and one for the page), offset,
 * time, error, original coordinates, value preview and whether it was replayed; "Open" shows a
 * record's detail. Paging: Newest, Older, and a jump to an offset.
 */
export function DlqRecordTable({ topic, page, newest, selected, onSelect, opened, onOpen, onPage }: DlqRecordTableProps) {
  const [jump, setJump] = useState("");
  const jumpId = useId();
  const keys = page.records.map(recordKey);
  const allSelected = keys.length > 0 && keys.every((key) => selected.has(key));
  return (
    <div>
      <div className="relative overflow-x-auto rounded-xl border border-zinc-200 dark:border-zinc-800">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Records of {topic}</caption>
          <thead className="bg-zinc-50 text-xs font-medium text-zinc-500 uppercase dark:bg-zinc-900 dark:text-zinc-400">
            <tr>
              <th scope="col" className="w-10 px-4 py-2.5">
                <input type="checkbox" aria-label="Select every record on this page" checked={allSelected} onChange={(event) => onSelect(keys, event.target.checked)} />
              </th>
              <th scope="col" className="px-3 py-2.5">Offset · time</th>
              <th scope="col" className="px-3 py-2.5">Error</th>
              <th scope="col" className="px-3 py-2.5">Original</th>
              <th scope="col" className="px-3 py-2.5">Value</th>
              <th scope="col" className="px-3 py-2.5"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {page.records.map((record) => {
              const key = recordKey(record);
              const label = `Record ${key}`;
              return (
                <tr key={key} aria-label={label} className={`align-top ${opened === key ? "bg-accent-50/60 dark:bg-accent-950/20" : "bg-white dark:bg-zinc-950"}`}>
                  <td className="px-4 py-3">
                    <input type="checkbox" aria-label={`Select ${label}`} checked={selected.has(key)} onChange={(event) => onSelect([key], event.target.checked)} />
                  </td>
                  <td className="px-3 py-3 whitespace-nowrap">
                    <p className="font-mono text-xs text-zinc-900 dark:text-zinc-100">{page.records.some((r) => r.partition !== 0) ? key : record.offset}</p>
                    <p className="text-xs text-zinc-500 dark:text-zinc-400">
                      {record.context.failedAt !== null ? <>Failed <Timestamp epochMs={record.context.failedAt} /></> : <Timestamp epochMs={record.timestamp} />}
                    </p>
                  </td>
                  <td className="max-w-64 px-3 py-3">
                    {record.context.hasContextHeaders ? (
                      <>
                        <p className="text-xs font-medium text-zinc-900 dark:text-zinc-100" title={record.context.exceptionClass ?? undefined}>
                          {shortClassName(record.context.exceptionClass)} <span className="font-normal text-zinc-500 dark:text-zinc-400">in {record.context.stage ?? "?"}</span>
                        </p>
                        <p className="truncate font-mono text-xs text-red-700 dark:text-red-400" title={record.context.exceptionMessage ?? undefined}>{record.context.exceptionMessage ?? "(no message)"}</p>
                      </>
                    ) : (
                      <p className="text-xs text-zinc-500 dark:text-zinc-400">No context headers</p>
                    )}
                  </td>
                  <td className="max-w-48 px-3 py-3 font-mono text-xs break-all text-zinc-600 dark:text-zinc-400">{original(record)}</td>
                  <td className="max-w-48 px-3 py-3">
                    <p className="truncate font-mono text-xs text-zinc-700 dark:text-zinc-300" title={record.value.text}>
                      {record.value.format === "null" ? <span className="text-zinc-400">null</span> : record.value.text || <span className="text-zinc-400">(empty)</span>}
                    </p>
                    <p className="text-[0.6875rem] text-zinc-500 uppercase">{record.value.format}</p>
                  </td>
                  <td className="px-3 py-3">
                    <div className="flex flex-col items-end gap-1.5">
                      <Button aria-label={`Open ${label}`} onClick={() => onOpen(record)}>Open</Button>
                      {record.replayed ? (
                        <span title={`Replayed to ${record.replayed.targetTopic}${record.replayed.edited ? " after an edit" : ""}`}>
                          <StatusBadge tone="success" label="Replayed" />
                        </span>
                      ) : null}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <nav aria-label="Pages" className="mt-3 flex flex-wrap items-center justify-between gap-3 text-sm">
        <div className="flex gap-2">
          <Button disabled={newest} onClick={() => onPage(undefined)}>Newest</Button>
          <Button disabled={page.next === null} onClick={() => onPage(page.next ?? undefined)}>Older</Button>
        </div>
        <form
          className="flex items-center gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (/^\d+$/.test(jump)) onPage((BigInt(jump) + 1n).toString());
          }}
        >
          <label htmlFor={jumpId} className="text-xs text-zinc-600 dark:text-zinc-400">Go to offset</label>
          <input id={jumpId} inputMode="numeric" value={jump} onChange={(event) => setJump(event.target.value.trim())} className={`${fieldClass} w-28 font-mono`} />
          <Button type="submit" disabled={!/^\d+$/.test(jump)}>Go</Button>
        </form>
      </nav>
    </div>
  );
}
