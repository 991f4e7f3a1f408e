"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { TributaryMark } from "@/components/ui/icons";
import { MainNav } from "./main-nav";

/**
 * Phones and narrow windows (below the `md` breakpoint, where the sidebar is hidden): a "Menu"
 * button opening the main navigation in a modal drawer from the left. Escape, the backdrop or
 * following a link closes it; focus returns to the button.
 */
export function MobileNav() {
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <div className="md:hidden">
      <button
        type="button"
        aria-label="Menu"
        aria-expanded={open}
        onClick={() => setOpen(true)}
        className="inline-flex size-8 items-center justify-center rounded-md border border-zinc-200 bg-white text-zinc-700 shadow-xs dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round">
          <path d="M4 6h16M4 12h16M4 18h16" />
        </svg>
      </button>
      <dialog
        ref={dialog}
        aria-label="Menu"
        onClose={() => setOpen(false)}
        onClick={(event) => {
          if (event.target === dialog.current) setOpen(false);
        }}
        className="m-0 h-dvh max-h-none w-64 max-w-[80vw] border-r border-zinc-200 bg-zinc-50 p-0 text-zinc-900 backdrop:bg-zinc-950/50 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
      >
        <div className="flex h-14 items-center justify-between px-5">
          <Link href="/connectors" onClick={() => setOpen(false)} className="flex items-center gap-2.5 text-zinc-950 dark:text-zinc-50">
            <span className="flex size-7 items-center justify-center rounded-lg bg-accent-600 text-white dark:bg-accent-500">
              <TributaryMark className="size-4" />
            </span>
            <span className="text-[0.9375rem] font-semibold tracking-tight">Tributary</span>
          </Link>
          <button type="button" onClick={() => setOpen(false)} className="rounded-md px-2 py-1 text-sm text-zinc-600 hover:bg-zinc-200/60 dark:text-zinc-300 dark:hover:bg-zinc-800">
            Close
          </button>
        </div>
        <div
          className="pt-3"
          onClick={(event) => {
            if ((event.target as HTMLElement).closest("a")) setOpen(false);
          }}
        >
          {open ? <MainNav /> : null}
        </div>
      </dialog>
    </div>
  );
}
