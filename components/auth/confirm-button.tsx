"use client";

import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { DangerButton } from "@/components/ui/danger-button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorAlert } from "@/components/ui/error-alert";

/** Props of `ConfirmButton`. */
export interface ConfirmButtonProps {
  /** The opener's text ("Revoke…") and, with `openerLabel`, its accessible name ("Revoke token ci"). */
  opener: string;
  openerLabel?: string;
  title: string;
  /** What happens, said before it does. */
  children: ReactNode;
  confirm: string;
  /** Runs the action; resolves when done (the dialog then closes) or rejects (its message shows in the dialog). */
  onConfirm: () => Promise<unknown>;
}

/** A quiet button opening a confirmation dialog for a destructive action (revoke a token, delete a user); the server's refusal shows inside it. */
export function ConfirmButton({ opener, openerLabel, title, children, confirm, onConfirm }: ConfirmButtonProps) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setOpen(false);
    setError(null);
  };
  const run = async () => {
    setPending(true);
    setError(null);
    try {
      await onConfirm();
      setOpen(false);
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setPending(false);
    }
  };
  return (
    <>
      <Button aria-label={openerLabel} onClick={() => setOpen(true)}>
        {opener}
      </Button>
      <Dialog open={open} onClose={close} title={title}>
        <div className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{children}</div>
        {error ? <ErrorAlert className="mt-4">{error}</ErrorAlert> : null}
        <div className="mt-6 flex justify-end gap-2">
          <Button onClick={close}>Cancel</Button>
          <DangerButton disabled={pending} onClick={() => void run()}>
            {pending ? `${confirm}…` : confirm}
          </DangerButton>
        </div>
      </Dialog>
    </>
  );
}
