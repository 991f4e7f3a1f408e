import type { ConfigChange } from "@/components/connector-form/config-diff";
import { StatusBadge } from "@/components/ui/badge";

const KIND = {
  added: { tone: "success", label: "Added" },
  removed: { tone: "danger", label: "Removed" },
  changed: { tone: "warning", label: "Changed" },
} as const;

function Value({ value, secret, before }: { value: string | undefined; secret: boolean; before: boolean }) {
  if (value === undefined) return <span className="text-zinc-400 dark:text-zinc-600">—</span>;
  if (value === "") return <span className="text-zinc-500 italic dark:text-zinc-400">empty</span>;
  return (
    <span className={before ? "text-red-800 line-through decoration-red-300 dark:text-red-300 dark:decoration-red-800" : "text-emerald-800 dark:text-emerald-300"}>
      {value}
      {secret ? <span className="sr-only"> (secret, masked)</span> : null}
    </span>
  );
}

/**
 * The changes an edit would make, as a table named `caption`: each key with Added, Removed or
 * Changed and its value before and after; secret values arrive masked from `configDiff`.
 * An empty list shows `emptyText` (by default: there is nothing to apply).
 */
export function ConfigDiffView({ changes, caption, emptyText = "No changes yet: the config is the same as the connector's current one." }: { changes: readonly ConfigChange[]; caption: string; emptyText?: string }) {
  if (changes.length === 0) {
    return <p className="rounded-xl border border-dashed border-zinc-300 px-4 py-6 text-center text-sm text-zinc-500 dark:border-zinc-700 dark:text-zinc-400">{emptyText}</p>;
  }
  return (
    <div className="relative overflow-x-auto rounded-xl border border-zinc-200 dark:border-zinc-800">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-zinc-50 text-xs font-medium text-zinc-500 uppercase dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            <th scope="col" className="px-4 py-2.5">Key</th>
            <th scope="col" className="px-4 py-2.5">Change</th>
            <th scope="col" className="px-4 py-2.5">Before</th>
            <th scope="col" className="px-4 py-2.5">After</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 font-mono text-[0.8125rem] dark:divide-zinc-800">
          {changes.map((change) => (
            <tr key={change.key} className="bg-white align-top dark:bg-zinc-950">
              <th scope="row" className="px-4 py-2.5 font-medium text-zinc-900 dark:text-zinc-100">{change.key}</th>
              <td className="px-4 py-2.5 font-sans">
                <StatusBadge tone={KIND[change.kind].tone} label={KIND[change.kind].label} />
              </td>
              <td className="px-4 py-2.5 break-all">
                <Value value={change.before} secret={change.secret} before />
              </td>
              <td className="px-4 py-2.5 break-all">
                <Value value={change.after} secret={change.secret} before={false} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
