"use client";

import { useState } from "react";
import { reasonOf } from "@/components/auth/can";
import { useCan } from "@/components/auth/use-can";
import { configDiff } from "@/components/connector-form/config-diff";
import { ConfigDiffView } from "@/components/connector-form/config-diff-view";
import { isSecretKey } from "@/components/connectors/connector-config";
import { useConnectorVersion, useRollback } from "@/components/queries/config-history";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Skeleton } from "@/components/ui/skeleton";

/**
 * "Roll back…" for one version and its confirmation dialog: the changes rolling back would make
 * to the current (latest) version, then "Roll back to v{n}", which applies that version's config
 * as a new version. Secret values are masked on both sides. An API error shows in the dialog.
 * Greyed out, with the reason, for a user without the editor role on the connector.
 */
export function RollbackDialog({ name, version, current }: { name: string; version: number; current: number }) {
  const [open, setOpen] = useState(false);
  const target = useConnectorVersion(name, open ? version : null, current);
  const latest = useConnectorVersion(name, open ? current : null);
  const rollback = useRollback(name);
  const refusal = reasonOf(useCan()("edit", name));
  const close = () => {
    setOpen(false);
    rollback.reset();
  };
  const changes = target.data && latest.data ? configDiff(latest.data.config, target.data.config, isSecretKey) : null;
  return (
    <>
      <Button onClick={() => setOpen(true)} disabled={refusal !== undefined} title={refusal} aria-label={`Roll back to v${version}…`}>
        Roll back…
      </Button>
      <Dialog open={open} onClose={close} title={`Roll back ${name} to v${version}?`} wide>
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
          Applies the config of v{version} as a new version, as an edit would: the connector&apos;s tasks restart with it. These are the changes from the current config (v{current}):
        </p>
        <div className="mt-4 max-h-80 overflow-y-auto">
          {changes ? <ConfigDiffView changes={changes} caption={`Changes rolling back to v${version} makes`} emptyText={`v${version} has the same config as the current one.`} /> : <Skeleton className="h-24 w-full" />}
        </div>
        {target.error || latest.error ? <ErrorAlert className="mt-4">Could not load the versions: {(target.error ?? latest.error)!.message}</ErrorAlert> : null}
        {rollback.error ? <ErrorAlert className="mt-4">Could not roll back: {rollback.error.message}</ErrorAlert> : null}
        <div className="mt-6 flex justify-end gap-2">
          <Button onClick={close}>Cancel</Button>
          <button
            type="button"
            disabled={!changes || rollback.isPending}
            onClick={() => rollback.mutate(version, { onSuccess: close })}
            className="inline-flex h-8 items-center rounded-md bg-accent-600 px-3 text-sm font-medium text-white shadow-xs hover:bg-accent-700 disabled:cursor-not-allowed disabled:opacity-50"
          >
            {rollback.isPending ? "Rolling back…" : `Roll back to v${version}`}
          </button>
        </div>
      </Dialog>
    </>
  );
}
