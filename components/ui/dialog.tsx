"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";

/** Props of `Dialog`. */
export interface DialogProps {
  /** Whether the dialog is shown (as a modal: the page behind is inert). */
  open: boolean;
  /** Called when the user dismisses it (Escape); the owner sets `open` to false. */
  onClose: () => void;
  /** The dialog's heading and accessible name. */
  title: string;
  /** Room for a table (a config diff): up to 48rem wide instead of 28rem. */
  wide?: boolean;
  children: ReactNode;
}

/**
 * A modal built on the native `<dialog>` (`role="dialog"`, named by its title): focus moves into
 * it on open, Escape closes it, and focus returns to the opener on close, all by the browser.
 */
export function Dialog({ open, onClose, title, wide = false, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      className={`fixed inset-0 m-auto h-fit w-[calc(100%-2rem)] ${wide ? "max-w-3xl" : "max-w-md"} rounded-xl text-left border border-zinc-200 bg-white p-6 text-zinc-900 shadow-xl backdrop:bg-zinc-950/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100`}
    >
      <h2 id={titleId} className="text-base font-semibold break-words">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
