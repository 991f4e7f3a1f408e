"use client";

import { useEffect } from "react";
import { IconButton } from "@/components/ui/icon-button";

/** What the last palette action came to: a success to announce politely, or a failure to alert. */
export interface PaletteOutcome {
  ok: boolean;
  text: string;
  /** Distinguishes two equal messages in a row, so each is shown (and hidden) on its own. */
  at: number;
}

const VISIBLE_MS = 6_000;

/**
 * The outcome of an action run from the palette, at the bottom right for six seconds (or until
 * dismissed): `role="status"` when it worked, `role="alert"` when the API refused it.
 */
export function PaletteToast({ outcome, onDismiss }: { outcome: PaletteOutcome | null; onDismiss: () => void }) {
  useEffect(() => {
    if (!outcome) return;
    const timer = setTimeout(onDismiss, VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [outcome, onDismiss]);
  if (!outcome) return null;
  return (
    <div
      role={outcome.ok ? "status" : "alert"}
      className={`fixed right-4 bottom-4 z-50 flex max-w-md items-start gap-3 rounded-lg border px-4 py-3 text-sm shadow-lg ${
        outcome.ok
          ? "border-emerald-200 bg-white text-zinc-900 dark:border-emerald-900 dark:bg-zinc-900 dark:text-zinc-100"
          : "border-red-200 bg-red-50 text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-300"
      }`}
    >
      <p className="flex-1">{outcome.text}</p>
      <IconButton label="Dismiss" onClick={onDismiss} className="-my-1 -mr-2 size-7">
        <span aria-hidden="true">×</span>
      </IconButton>
    </div>
  );
}
