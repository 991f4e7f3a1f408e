"use client";

import { useId } from "react";
import { fieldClass, labelClass } from "@/components/dlq/form-classes";
import { isFiltered, shortClassName } from "@/components/dlq/inbox-state";
import { Button } from "@/components/ui/button";
import type { DlqFilter } from "@/server/contracts/dlq";

/** Props of `DlqFilterBar`. */
export interface DlqFilterBarProps {
  filter: DlqFilter;
  onChange: (filter: DlqFilter) => void;
  /** The error classes and stages present in the topic, for the selects. */
  errorClasses: string[];
  stages: string[];
}

/** Epoch ms as a `datetime-local` value in the browser's time zone, to the minute. */
function localInput(epochMs: number | undefined): string {
  if (epochMs === undefined) return "";
  const date = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A `datetime-local` value as epoch ms, or undefined when empty or invalid. */
function epochOf(value: string): number | undefined {
  const ms = value ? new Date(value).getTime() : Number.NaN;
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}

/**
 * The inbox's filters: error class, stage, record time (from, to) and replayed or not, each a
 * labelled control; "Clear filters" resets them all. Controlled: every change goes to `onChange`.
 */
export function DlqFilterBar({ filter, onChange, errorClasses, stages }: DlqFilterBarProps) {
  const ids = { errorClass: useId(), stage: useId(), from: useId(), to: useId(), replayed: useId() };
  const set = (patch: Partial<DlqFilter>) => {
    const next: DlqFilter = { ...filter, ...patch };
    for (const key of Object.keys(next) as Array<keyof DlqFilter>) if (next[key] === undefined) delete next[key];
    onChange(next);
  };
  return (
    <div role="group" aria-label="Filters" className="flex flex-wrap items-end gap-3">
      <div className={labelClass}>
        <label htmlFor={ids.errorClass}>Error class</label>
        <select id={ids.errorClass} value={filter.errorClass ?? ""} onChange={(event) => set({ errorClass: event.target.value || undefined })} className={`${fieldClass} max-w-64`}>
          <option value="">All errors</option>
          {errorClasses.map((name) => (
            <option key={name} value={name} title={name}>{shortClassName(name)}</option>
          ))}
        </select>
      </div>
      <div className={labelClass}>
        <label htmlFor={ids.stage}>Stage</label>
        <select id={ids.stage} value={filter.stage ?? ""} onChange={(event) => set({ stage: event.target.value || undefined })} className={fieldClass}>
          <option value="">All stages</option>
          {stages.map((stage) => (
            <option key={stage} value={stage}>{stage}</option>
          ))}
        </select>
      </div>
      <div className={labelClass}>
        <label htmlFor={ids.from}>From</label>
        <input id={ids.from} type="datetime-local" value={localInput(filter.from)} onChange={(event) => set({ from: epochOf(event.target.value) })} className={fieldClass} />
      </div>
      <div className={labelClass}>
        <label htmlFor={ids.to}>Until</label>
        <input id={ids.to} type="datetime-local" value={localInput(filter.to)} onChange={(event) => set({ to: epochOf(event.target.value) })} className={fieldClass} />
      </div>
      <div className={labelClass}>
        <label htmlFor={ids.replayed}>Replayed</label>
        <select
          id={ids.replayed}
          value={filter.replayed === undefined ? "" : String(filter.replayed)}
          onChange={(event) => set({ replayed: event.target.value === "" ? undefined : event.target.value === "true" })}
          className={fieldClass}
        >
          <option value="">Replayed or not</option>
          <option value="false">Not replayed</option>
          <option value="true">Replayed</option>
        </select>
      </div>
      {isFiltered(filter) ? <Button onClick={() => onChange({})}>Clear filters</Button> : null}
    </div>
  );
}
