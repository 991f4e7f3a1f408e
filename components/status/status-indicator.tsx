"use client";

import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { HEALTH_POLL_MS, useHealth } from "@/components/queries/health";
import { ChevronDownIcon } from "@/components/ui/icons";
import { StatusDot } from "@/components/ui/status-dot";
import { ErrorNote, HealthDetails } from "./health-details";
import { summarizeHealth } from "./health-summary";

/**
 * The top bar's live health pill: a coloured dot and "Kafka connected", "Kafka unreachable",
 * "Starting…" or "Console API unreachable". The text sits in a `role="status"` element named
 * by the same text (a polite live region); a press on the pill opens a details panel (Escape or
 * a click outside closes it). Polls through `useHealth()`; renders nothing time-dependent on the server.
 */
export function StatusIndicator() {
  const query = useHealth();
  const summary = summarizeHealth(query);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [open]);

  return (
    <div ref={rootRef} className="relative">
      <div className="relative flex h-8 items-center gap-2 rounded-full border border-zinc-200 bg-white pr-2.5 pl-3 text-xs font-medium text-zinc-700 shadow-xs transition-colors hover:bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800/80">
        <span role="status" aria-label={summary.label} className="flex items-center gap-2 whitespace-nowrap">
          <StatusDot tone={summary.tone} pulse={summary.tone === "success"} />
          <span className="hidden sm:inline">{summary.label}</span>
        </span>
        <ChevronDownIcon className={`size-3.5 text-zinc-400 transition-transform ${open ? "rotate-180" : ""}`} />
        <button
          ref={buttonRef}
          type="button"
          aria-label="Health details"
          aria-expanded={open}
          aria-controls={open ? panelId : undefined}
          title={summary.detail}
          onClick={() => setOpen((value) => !value)}
          className="absolute inset-0 rounded-full"
        />
      </div>

      {open ? (
        <div
          id={panelId}
          role="region"
          aria-label="Health details"
          className="absolute top-full right-0 z-30 mt-2 w-[22rem] rounded-xl border border-zinc-200 bg-white p-4 shadow-lg shadow-zinc-950/5 dark:border-zinc-800 dark:bg-zinc-900 dark:shadow-black/40"
        >
          <div className="mb-3 flex items-start gap-2.5">
            <span className="mt-1.5">
              <StatusDot tone={summary.tone} />
            </span>
            <div className="min-w-0">
              <p className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">{summary.label}</p>
              <p className="mt-0.5 text-xs leading-5 text-zinc-500 dark:text-zinc-400">
                {query.status === "error"
                  ? `Retrying every ${HEALTH_POLL_MS / 1000} s.`
                  : `Checked every ${HEALTH_POLL_MS / 1000} s.`}
              </p>
            </div>
          </div>
          {query.status === "error" ? <ErrorNote title="Last request">{summary.detail}</ErrorNote> : null}
          {query.data ? (
            <div className={query.status === "error" ? "mt-4 border-t border-zinc-200 pt-3 dark:border-zinc-800" : ""}>
              {query.status === "error" ? (
                <p className="mb-2 text-xs font-medium text-zinc-500 dark:text-zinc-400">Last known state</p>
              ) : null}
              <HealthDetails health={query.data} />
            </div>
          ) : null}
          <div className="mt-4 border-t border-zinc-200 pt-3 dark:border-zinc-800">
            <Link
              href="/workers"
              onClick={() => setOpen(false)}
              className="text-xs font-medium text-accent-600 hover:text-accent-700 dark:text-accent-400 dark:hover:text-accent-300"
            >
              View workers →
            </Link>
          </div>
        </div>
      ) : null}
    </div>
  );
}
