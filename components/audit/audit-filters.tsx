"use client";

import { useState, type FormEvent, type ReactNode } from "react";
import type { AuditFilterInput } from "@/components/queries/audit";
import { Button } from "@/components/ui/button";

/** No filter at all. */
export const NO_AUDIT_FILTER: AuditFilterInput = { user: "", event: "", target: "", since: null, until: null };

const inputClass = "h-8 w-full rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-950";

/** A `datetime-local` value (the browser's local time) as epoch ms; null when empty or invalid. */
function epochOf(local: string): number | null {
  if (!local) return null;
  const ms = new Date(local).getTime();
  return Number.isFinite(ms) ? ms : null;
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="flex min-w-36 flex-1 flex-col gap-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">
      {label}
      {children}
    </label>
  );
}

/**
 * The audit log's filters: user, event and connector (exact names) and a time range in the
 * browser's time zone. Nothing is applied until "Apply"; "Clear" removes every filter.
 */
export function AuditFilters({ onApply }: { onApply: (filter: AuditFilterInput) => void }) {
  const [user, setUser] = useState("");
  const [event, setEvent] = useState("");
  const [target, setTarget] = useState("");
  const [since, setSince] = useState("");
  const [until, setUntil] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply({ user, event, target, since: epochOf(since), until: epochOf(until) });
  };
  const clear = () => {
    for (const set of [setUser, setEvent, setTarget, setSince, setUntil]) set("");
    onApply(NO_AUDIT_FILTER);
  };
  return (
    <form aria-label="Filter the audit log" onSubmit={submit} className="flex flex-wrap items-end gap-3">
      <Field label="User">
        <input value={user} onChange={(e) => setUser(e.target.value)} className={inputClass} autoComplete="off" />
      </Field>
      <Field label="Event">
        <input value={event} onChange={(e) => setEvent(e.target.value)} placeholder="connector.pause" className={inputClass} autoComplete="off" />
      </Field>
      <Field label="Connector or target">
        <input value={target} onChange={(e) => setTarget(e.target.value)} className={inputClass} autoComplete="off" />
      </Field>
      <Field label="From">
        <input type="datetime-local" value={since} onChange={(e) => setSince(e.target.value)} className={inputClass} />
      </Field>
      <Field label="Until">
        <input type="datetime-local" value={until} onChange={(e) => setUntil(e.target.value)} className={inputClass} />
      </Field>
      <div className="flex gap-2">
        <Button type="submit">Apply</Button>
        <Button onClick={clear}>Clear</Button>
      </div>
    </form>
  );
}
