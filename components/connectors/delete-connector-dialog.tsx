"use client";

import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useDeleteConnector } from "@/components/queries/connector-actions";
import { Button } from "@/components/ui/button";
import { DangerButton } from "@/components/ui/danger-button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorAlert } from "@/components/ui/error-alert";

/**
 * "Delete…" and its confirmation dialog: the Delete button is enabled only once the user has
 * typed the connector's exact name. On success the browser goes back to `/connectors`; an API
 * error shows inside the dialog. `disabled` greys out the opener while another action runs;
 * `refusal` (why the user may not delete it) greys it out with that reason as its tooltip.
 */
export function DeleteConnectorDialog({ name, disabled, refusal }: { name: string; disabled: boolean; refusal?: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const inputId = useId();
  const remove = useDeleteConnector(name, () => router.push("/connectors"));
  const close = () => {
    setOpen(false);
    setTyped("");
    remove.reset();
  };
  return (
    <>
      <DangerButton disabled={disabled || refusal !== undefined} title={refusal} onClick={() => setOpen(true)}>
        Delete…
      </DangerButton>
      <Dialog open={open} onClose={close} title={`Delete connector ${name}?`}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (typed === name) remove.mutate();
          }}
        >
          <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
            Its tasks stop and its config is removed from the cluster. Records already in Kafka stay where they are. This cannot be undone.
          </p>
          <label htmlFor={inputId} className="mt-4 block text-sm font-medium">
            Type <span className="font-mono break-all">{name}</span> to confirm
          </label>
          <input
            id={inputId}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            className="mt-1.5 h-9 w-full rounded-md border border-zinc-300 bg-white px-3 font-mono text-sm text-zinc-900 shadow-xs dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100"
          />
          {remove.error ? <ErrorAlert className="mt-4">Could not delete: {remove.error.message}</ErrorAlert> : null}
          <div className="mt-6 flex justify-end gap-2">
            <Button onClick={close}>Cancel</Button>
            <DangerButton type="submit" disabled={typed !== name || remove.isPending}>
              {remove.isPending ? "Deleting…" : "Delete"}
            </DangerButton>
          </div>
        </form>
      </Dialog>
    </>
  );
}
