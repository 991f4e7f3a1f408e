"use client";

import { useState } from "react";
import { fieldClass, labelClass, primaryClass } from "@/components/dlq/form-classes";
import type { BrowseRequest } from "@/components/queries/topics";
import { fromLocalInput, toLocalInput } from "@/components/topics/browse-url";
import type { BrowseStart, PayloadFormat } from "@/server/contracts/topics";

const STARTS: Array<[BrowseStart, string]> = [
  ["newest", "Newest first"],
  ["oldest", "Oldest first"],
  ["offset", "From an offset"],
  ["time", "From a time"],
];

const FORMATS: Array<[PayloadFormat, string]> = [
  ["auto", "Detect (JSON, text or hex)"],
  ["json", "JSON"],
  ["text", "Text"],
  ["hex", "Hex"],
];

/** Props of `BrowseControls`. */
export interface BrowseControlsProps {
  request: BrowseRequest;
  partitions: number;
  /** Called with the new request when the form is submitted. */
  onBrowse: (request: BrowseRequest) => void;
  busy: boolean;
}

/**
 * The browser's form: where to start (newest, oldest, an offset, a time), which partition, words
 * to search for in keys, values and headers, and how to show payloads. Edits stay local until
 * "Read" submits them.
 */
export function BrowseControls({ request, partitions, onBrowse, busy }: BrowseControlsProps) {
  const [draft, setDraft] = useState(request);
  const [time, setTime] = useState(request.time === undefined ? "" : toLocalInput(request.time));
  const set = (change: Partial<BrowseRequest>) => setDraft((current) => ({ ...current, ...change }));
  const missing = draft.start === "offset" ? (draft.offset ? null : "Enter an offset") : draft.start === "time" ? (fromLocalInput(time) === undefined ? "Pick a time" : null) : null;
  return (
    <form
      aria-label="Browse records"
      className="flex flex-wrap items-end gap-3 rounded-xl border border-zinc-200 bg-white p-4 shadow-xs dark:border-zinc-800 dark:bg-zinc-900/60"
      onSubmit={(event) => {
        event.preventDefault();
        if (!missing) onBrowse({ ...draft, time: draft.start === "time" ? fromLocalInput(time) : undefined, q: draft.q?.trim() || undefined });
      }}
    >
      <label className={labelClass}>
        Start
        <select value={draft.start} onChange={(event) => set({ start: event.target.value as BrowseStart })} className={fieldClass}>
          {STARTS.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
      </label>
      <label className={labelClass}>
        Partition
        <select value={draft.partition ?? ""} onChange={(event) => set({ partition: event.target.value === "" ? undefined : Number(event.target.value) })} className={fieldClass}>
          <option value="">All partitions</option>
          {Array.from({ length: partitions }, (_, partition) => <option key={partition} value={partition}>Partition {partition}</option>)}
        </select>
      </label>
      {draft.start === "offset" ? (
        <label className={labelClass}>
          Offset
          <input inputMode="numeric" pattern="\d*" value={draft.offset ?? ""} onChange={(event) => set({ offset: event.target.value.replace(/\D/g, "") || undefined })} placeholder="0" className={`${fieldClass} w-32 font-mono`} />
        </label>
      ) : null}
      {draft.start === "time" ? (
        <label className={labelClass}>
          Time (your time zone)
          <input type="datetime-local" step={1} value={time} onChange={(event) => setTime(event.target.value)} className={fieldClass} />
        </label>
      ) : null}
      <label className={`${labelClass} min-w-48 flex-1`}>
        Search key, value and headers
        <input type="search" value={draft.q ?? ""} onChange={(event) => set({ q: event.target.value })} placeholder="e.g. order-42" autoComplete="off" spellCheck={false} className={fieldClass} />
      </label>
      <label className={labelClass}>
        Show as
        <select value={draft.format} onChange={(event) => set({ format: event.target.value as PayloadFormat })} className={fieldClass}>
          {FORMATS.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
      </label>
      <button type="submit" disabled={busy || missing !== null} title={missing ?? undefined} className={`${primaryClass} h-9`}>
        Read
      </button>
    </form>
  );
}
