"use client";

import { Fragment, useState } from "react";
import { configDiff } from "@/components/connector-form/config-diff";
import { ConfigDiffView } from "@/components/connector-form/config-diff-view";
import { isSecretKey } from "@/components/connectors/connector-config";
import { StatusBadge } from "@/components/ui/badge";
import { Timestamp } from "@/components/ui/timestamp";
import type { AuditEntry } from "@/server/contracts/audit";

const TONE = { ok: "success", refused: "warning", failed: "danger" } as const;

/** What a row shows when expanded: the config change, the refusal's message, or that there is nothing more. */
function Details({ entry }: { entry: AuditEntry }) {
  const changes = entry.before || entry.after ? configDiff(entry.before ?? {}, entry.after ?? {}, isSecretKey) : null;
  return (
    <div className="space-y-3 px-4 py-3">
      {entry.detail ? <p className="text-sm text-red-700 dark:text-red-400">{entry.detail}</p> : null}
      {changes ? (
        <ConfigDiffView changes={changes} caption={`Config change of ${entry.target}`} emptyText="The config did not change." />
      ) : (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">No config change recorded for this event.</p>
      )}
      <p className="text-xs text-zinc-500 dark:text-zinc-400">{entry.via === "none" ? "Login was off" : `Signed in with a ${entry.via}`}; entry #{entry.id}.</p>
    </div>
  );
}

/**
 * Audit entries as a table (time, user, from, event, target, status), newest first. A row's
 * button expands it to show the connector config before and after (secrets masked) or the
 * refusal's message.
 */
export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const toggle = (id: number) => setOpen((ids) => (ids.has(id) ? new Set([...ids].filter((x) => x !== id)) : new Set([...ids, id])));
  return (
    <div className="overflow-x-auto rounded-xl border border-zinc-200 dark:border-zinc-800">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Audit log entries, newest first</caption>
        <thead className="bg-zinc-50 text-xs font-medium text-zinc-500 uppercase dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            <th scope="col" className="w-8 px-3 py-2.5"><span className="sr-only">Details</span></th>
            <th scope="col" className="px-3 py-2.5">Time</th>
            <th scope="col" className="px-3 py-2.5">User</th>
            <th scope="col" className="px-3 py-2.5">From</th>
            <th scope="col" className="px-3 py-2.5">Event</th>
            <th scope="col" className="px-3 py-2.5">Target</th>
            <th scope="col" className="px-3 py-2.5">Status</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 bg-white dark:divide-zinc-800 dark:bg-zinc-950">
          {entries.map((entry) => (
            <Fragment key={entry.id}>
              <tr>
                <td className="px-3 py-2">
                  <button
                    type="button"
                    aria-expanded={open.has(entry.id)}
                    aria-label={`Details of ${entry.event} ${entry.target}`.trim()}
                    onClick={() => toggle(entry.id)}
                    className="rounded px-1 text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800"
                  >
                    {open.has(entry.id) ? "▾" : "▸"}
                  </button>
                </td>
                <td className="px-3 py-2 whitespace-nowrap text-zinc-600 tabular-nums dark:text-zinc-400"><Timestamp epochMs={entry.at} /></td>
                <td className="px-3 py-2">{entry.user}</td>
                <td className="px-3 py-2 font-mono text-xs">{entry.address || "—"}</td>
                <td className="px-3 py-2 font-mono text-xs">{entry.event}</td>
                <td className="px-3 py-2 break-all">{entry.target || "—"}</td>
                <td className="px-3 py-2">
                  <StatusBadge tone={TONE[entry.outcome]} label={`${entry.status} ${entry.outcome}`} />
                </td>
              </tr>
              {open.has(entry.id) ? (
                <tr>
                  <td colSpan={7} className="bg-zinc-50 dark:bg-zinc-900/60"><Details entry={entry} /></td>
                </tr>
              ) : null}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
