"use client";

import { describeOffset, describePartition, type DraftRow } from "@/components/offsets/offset-edits";
import type { ConnectorOffsetsView } from "@/server/contracts/connector-offsets";

/** Props of `OffsetsEditor`. */
export interface OffsetsEditorProps {
  rows: DraftRow[];
  type: ConnectorOffsetsView["type"];
  /** A sink's end offset per row key, shown as a hint. */
  ends: Record<string, number | null>;
  /** Why a row's text is invalid, by row key. */
  errors: Record<string, string>;
  onChange: (rows: DraftRow[]) => void;
}

const inputClass =
  "h-8 w-full min-w-40 rounded-md border bg-white px-2.5 font-mono text-xs text-zinc-900 shadow-xs dark:bg-zinc-950 dark:text-zinc-100 aria-invalid:border-red-500 border-zinc-300 dark:border-zinc-700 disabled:opacity-50";

/**
 * The editable offsets: one labelled input per partition ("New offset for …"), a JSON object for
 * a source (with a "Reset" checkbox that removes the partition's offset) or a whole number for a
 * sink (with its end offset as a hint). Invalid input is marked and explained under its field.
 */
export function OffsetsEditor({ rows, type, ends, errors, onChange }: OffsetsEditorProps) {
  const update = (key: string, change: Partial<DraftRow>) => onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  return (
    <div className="relative overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">New offsets</caption>
        <thead className="bg-zinc-50 text-xs font-medium text-zinc-500 uppercase dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            <th scope="col" className="px-4 py-2">Partition</th>
            <th scope="col" className="px-4 py-2">Now</th>
            <th scope="col" className="px-4 py-2">New offset</th>
            {type === "source" ? <th scope="col" className="px-4 py-2"><span className="sr-only">Reset</span></th> : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {rows.map((row) => {
            const label = describePartition(row.partition);
            const errorId = `offset-error-${row.key}`;
            const error = errors[row.key];
            const end = ends[row.key];
            return (
              <tr key={row.key} className="align-top">
                <th scope="row" className="px-4 py-2 font-mono text-xs font-medium break-all">{label}</th>
                <td className="px-4 py-2 font-mono text-xs">{describeOffset(row.current)}</td>
                <td className="px-4 py-2">
                  <input
                    aria-label={`New offset for ${label}`}
                    value={row.text}
                    disabled={row.reset}
                    inputMode={type === "sink" ? "numeric" : undefined}
                    spellCheck={false}
                    autoComplete="off"
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? errorId : undefined}
                    onChange={(event) => update(row.key, { text: event.target.value })}
                    className={inputClass}
                  />
                  {type === "sink" && end !== undefined && end !== null ? (
                    <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">End offset {end}: the next record written gets this number.</p>
                  ) : null}
                  {error ? (
                    <p id={errorId} className="mt-1 text-xs text-red-700 dark:text-red-400">
                      {error}
                    </p>
                  ) : null}
                </td>
                {type === "source" ? (
                  <td className="px-4 py-2">
                    <label className="flex h-8 items-center gap-1.5 text-xs whitespace-nowrap">
                      <input type="checkbox" checked={row.reset} onChange={(event) => update(row.key, { reset: event.target.checked })} className="size-4 accent-accent-600" />
                      Reset
                      <span className="sr-only"> {label}</span>
                    </label>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
