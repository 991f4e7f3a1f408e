"use client";

import { useEffect, useId, useState } from "react";
import { Button } from "@/components/ui/button";

const FEEDBACK_MS = 2_000;

/**
 * A failure's stack trace, collapsed to its first line (the error itself), with a "Show trace"
 * toggle that expands the whole trace in a `<pre>` and a "Copy trace" button (the clipboard API;
 * says "Copied" or "Copy failed" for two seconds, also announced politely).
 */
export function FailureTrace({ trace }: { trace: string }) {
  const [open, setOpen] = useState(false);
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  const traceId = useId();
  const firstLine = trace.split("\n")[0];

  useEffect(() => {
    if (copy === "idle") return;
    const timer = setTimeout(() => setCopy("idle"), FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [copy]);

  const copyTrace = () =>
    navigator.clipboard.writeText(trace).then(
      () => setCopy("copied"),
      () => setCopy("failed"),
    );

  return (
    <div className="min-w-0">
      <p className="w-0 min-w-full truncate font-mono text-xs leading-6 text-red-700 dark:text-red-400" title={firstLine}>
        {firstLine}
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <Button aria-expanded={open} aria-controls={traceId} onClick={() => setOpen(!open)}>
          {open ? "Hide trace" : "Show trace"}
        </Button>
        <Button onClick={() => void copyTrace()}>{copy === "copied" ? "Copied" : copy === "failed" ? "Copy failed" : "Copy trace"}</Button>
        <span aria-live="polite" className="sr-only">
          {copy === "copied" ? "Trace copied to the clipboard" : copy === "failed" ? "Could not copy the trace" : ""}
        </span>
      </div>
      <pre
        id={traceId}
        hidden={!open}
        className="mt-2 max-h-80 w-0 min-w-full overflow-auto rounded-lg border border-zinc-200 bg-zinc-50 p-3 font-mono text-xs leading-5 text-zinc-800 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-200"
      >
        {trace}
      </pre>
    </div>
  );
}
