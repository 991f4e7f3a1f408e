"use client";

import { useBulkConnectorAction, type BulkActionKind, type BulkResult } from "@/components/queries/bulk-actions";
import { errorAdvice } from "@/components/queries/error-advice";
import { Button } from "@/components/ui/button";
import { DangerButton } from "@/components/ui/danger-button";
import { Dialog } from "@/components/ui/dialog";

const verbs: Record<BulkActionKind, { verb: string; past: string; explain: string }> = {
  pause: { verb: "Pause", past: "Paused", explain: "Their tasks stop moving data but keep their place; resume them to carry on." },
  resume: { verb: "Resume", past: "Resumed", explain: "Paused and stopped connectors start their tasks again, from their committed offsets." },
  restart: { verb: "Restart", past: "Restarted", explain: "Each connector is restarted together with all of its tasks, failed ones included." },
  delete: {
    verb: "Delete",
    past: "Deleted",
    explain:
      "Their tasks stop and their configs are removed. Offsets and sink consumer groups are kept, so a connector created again under the same name carries on where it left off. This cannot be undone.",
  },
};

/** "1 connector" / "3 connectors". */
function connectors(count: number): string {
  return `${count} ${count === 1 ? "connector" : "connectors"}`;
}

/** Props of `BulkActionDialog`. */
export interface BulkActionDialogProps {
  /** The action to confirm, or null when the dialog is closed. */
  kind: BulkActionKind | null;
  names: string[];
  /** Called when the dialog closes, with the names the action succeeded on (empty if cancelled). */
  onClose: (succeeded: string[]) => void;
}

/**
 * The confirmation of a bulk action: what it does, the connectors it applies to, and, once run,
 * the outcome for each one (the API's message and what to do about it when it was refused).
 */
export function BulkActionDialog({ kind, names, onClose }: BulkActionDialogProps) {
  const bulk = useBulkConnectorAction();
  const results: BulkResult[] | undefined = bulk.data;
  const close = () => {
    if (!kind) return;
    onClose(results?.filter((result) => result.ok).map((result) => result.name) ?? []);
    bulk.reset();
  };
  const { verb, past, explain } = verbs[kind ?? "pause"];
  const Confirm = kind === "delete" ? DangerButton : Button;
  const done = results?.filter((result) => result.ok).length ?? 0;
  return (
    <Dialog open={kind !== null} onClose={close} title={kind ? `${verb} ${connectors(names.length)}?` : ""}>
      {kind === null ? null : results ? (
        <>
          <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{explain}</p>
          <p role="status" className="mt-4 text-sm font-medium">
            {past} {done} of {connectors(results.length)}.
          </p>
          <ul aria-label="Results" className="mt-2 max-h-72 space-y-2 overflow-auto text-sm">
            {results.map((result) => (
              <li key={result.name} className="rounded-md border border-zinc-200 px-3 py-2 dark:border-zinc-700">
                <span className="font-mono break-all">{result.name}</span>:{" "}
                {result.ok ? (
                  <span className="text-emerald-700 dark:text-emerald-400">{past.toLowerCase()}</span>
                ) : (
                  <span className="text-red-700 dark:text-red-400">
                    not {past.toLowerCase()}: {result.error.message} {errorAdvice(result.error)}
                  </span>
                )}
              </li>
            ))}
          </ul>
          <div className="mt-6 flex justify-end">
            <Button onClick={close}>Close</Button>
          </div>
        </>
      ) : (
        <>
          <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{explain}</p>
          <ul aria-label="Connectors" className="mt-4 max-h-56 list-disc space-y-1 overflow-auto pl-5 font-mono text-sm break-all">
            {names.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
          <div className="mt-6 flex justify-end gap-2">
            <Button onClick={close}>Cancel</Button>
            <Confirm autoFocus disabled={bulk.isPending} onClick={() => bulk.mutate({ kind, names })}>
              {bulk.isPending ? `${verb.replace(/e$/, "")}ing…` : `${verb} ${connectors(names.length)}`}
            </Confirm>
          </div>
        </>
      )}
    </Dialog>
  );
}
