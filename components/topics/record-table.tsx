"use client";

import { Fragment, useState } from "react";
import type { PayloadView } from "@/server/contracts/dlq";
import type { BrowsedRecord } from "@/server/contracts/topics";

const formatLabel: Record<PayloadView["format"], string> = { json: "JSON", text: "Text", hex: "Hex", null: "null" };

const shortTime = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit" });

/** One line of a payload: JSON compacted (when whole), other text with its whitespace folded. */
function oneLine(view: PayloadView): string {
  if (view.format === "json" && !view.truncated) {
    try {
      return JSON.stringify(JSON.parse(view.text));
    } catch {
      return view.text;
    }
  }
  return view.text.replace(/\s+/g, " ");
}

function Preview({ view }: { view: PayloadView }) {
  if (view.format === "null") return <span className="text-zinc-400 italic dark:text-zinc-500">null</span>;
  const line = oneLine(view);
  return <span className="block truncate font-mono text-xs" title={line.slice(0, 500)}>{line}</span>;
}

function Payload({ label, view }: { label: string; view: PayloadView }) {
  return (
    <div className="min-w-0">
      <p className="mb-1 text-xs font-medium text-zinc-500 dark:text-zinc-400">
        {label} · {formatLabel[view.format]}{view.format === "null" ? "" : ` · ${view.bytes.toLocaleString("en")} bytes`}{view.truncated ? " · cut" : ""}
      </p>
      {view.format === "null" ? (
        <p className="text-sm text-zinc-400 italic dark:text-zinc-500">null</p>
      ) : (
        <pre className="max-h-80 overflow-auto rounded-md border border-zinc-200 bg-zinc-50 p-3 font-mono text-xs break-all whitespace-pre-wrap dark:border-zinc-800 dark:bg-zinc-900">{view.text}</pre>
      )}
    </div>
  );
}

/**
 * A page of records: partition and offset, time, key and value previews on one line each; a
 * row's "Show" opens it in full below (key, value, headers, timestamp type). Shows whatever
 * order the records come in.
 */
export function RecordTable({ records, caption }: { records: BrowsedRecord[]; caption: string }) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <div className="relative overflow-x-auto rounded-xl border border-zinc-200 dark:border-zinc-800">
      <table className="w-full min-w-[34rem] table-fixed text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-zinc-50 text-xs font-medium text-zinc-500 uppercase dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            <th scope="col" className="w-40 px-3 py-2.5">Partition/offset</th>
            <th scope="col" className="w-28 px-3 py-2.5">Key</th>
            <th scope="col" className="px-3 py-2.5">Value</th>
            <th scope="col" className="w-20 px-3 py-2.5 text-right"><span className="sr-only">Details</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 bg-white dark:divide-zinc-800 dark:bg-zinc-950">
          {records.map((record) => {
            const id = `${record.partition}/${record.offset}`;
            const isOpen = open === id;
            return (
              <Fragment key={id}>
                <tr aria-label={`Record ${id}`} className="align-top">
                  <th scope="row" className="px-3 py-2 font-normal">
                    <span className="block font-mono text-xs text-zinc-900 dark:text-zinc-100">{id}</span>
                    <time dateTime={new Date(record.timestamp).toISOString()} title={new Date(record.timestamp).toString()} className="block text-xs whitespace-nowrap text-zinc-500 dark:text-zinc-400">
                      {shortTime.format(record.timestamp)}
                    </time>
                  </th>
                  <td className="px-3 py-2"><Preview view={record.key} /></td>
                  <td className="px-3 py-2">
                    <Preview view={record.value} />
                    {record.headers.length > 0 ? <span className="text-xs text-zinc-500 dark:text-zinc-400">{record.headers.length} header{record.headers.length === 1 ? "" : "s"}</span> : null}
                  </td>
                  <td className="px-3 py-2 text-right">
                    <button type="button" aria-expanded={isOpen} onClick={() => setOpen(isOpen ? null : id)} className="text-xs font-medium text-accent-600 hover:text-accent-700 dark:text-accent-400 dark:hover:text-accent-300">
                      {isOpen ? "Hide" : "Show"}
                    </button>
                  </td>
                </tr>
                {isOpen ? (
                  <tr>
                    <td colSpan={4} className="bg-zinc-50/60 px-3 py-3 dark:bg-zinc-900/40">
                      <div role="region" aria-label={`Record ${id} in full`} className="grid gap-3 md:grid-cols-2">
                        <Payload label="Key" view={record.key} />
                        <Payload label="Value" view={record.value} />
                        <div className="md:col-span-2">
                          <p className="mb-1 text-xs font-medium text-zinc-500 dark:text-zinc-400">Headers · {record.timestampType}</p>
                          {record.headers.length === 0 ? (
                            <p className="text-sm text-zinc-500 dark:text-zinc-400">No headers.</p>
                          ) : (
                            <dl className="grid grid-cols-[minmax(0,12rem)_1fr] gap-x-3 gap-y-1 font-mono text-xs">
                              {record.headers.map((header, index) => (
                                <Fragment key={`${header.key}-${index}`}>
                                  <dt className="truncate text-zinc-600 dark:text-zinc-400" title={header.key}>{header.key}</dt>
                                  <dd className="break-all text-zinc-900 dark:text-zinc-100">{header.value.format === "null" ? "null" : header.value.text}</dd>
                                </Fragment>
                              ))}
                            </dl>
                          )}
                        </div>
                      </div>
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
