"use client";

import { useId, useState } from "react";
import { fieldClass, labelClass, primaryClass } from "@/components/dlq/form-classes";
import { useStartReplay } from "@/components/queries/dlq";
import { Button } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/error-alert";
import type { DlqRecordDetail, ReplayJob } from "@/server/contracts/dlq";

/** Whether `text` parses as JSON. */
function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Edit-then-replay of one record: its key and value as editable UTF-8 text (binary ones stay as
 * they are), a live "valid JSON" check on the value, and where to send it. Only what changed is
 * sent as an edit; an edited record is sent even if it was replayed before (the edit is
 * deliberate), and marked replayed (edited).
 */
export function EditReplayForm({ topic, record, onStarted, onCancel }: { topic: string; record: DlqRecordDetail; onStarted: (job: ReplayJob) => void; onCancel: () => void }) {
  const [key, setKey] = useState(record.keyText ?? "");
  const [value, setValue] = useState(record.valueText ?? "");
  const [target, setTarget] = useState("");
  const start = useStartReplay(topic);
  const ids = { title: useId(), key: useId(), value: useId(), target: useId(), check: useId() };
  const keyEditable = record.keyText !== null || record.key.format === "null";
  const valueEditable = record.valueText !== null || record.value.format === "null";
  const edit = {
    ...(keyEditable && key !== (record.keyText ?? "") ? { key } : {}),
    ...(valueEditable && value !== (record.valueText ?? "") ? { value } : {}),
  };
  const valueIsJson = isJson(value);
  return (
    <form
      aria-labelledby={ids.title}
      className="space-y-4 rounded-lg border border-accent-200 bg-accent-50/40 p-4 dark:border-accent-900/60 dark:bg-accent-950/20"
      onSubmit={(event) => {
        event.preventDefault();
        start.mutate(
          { records: [{ partition: record.partition, offset: record.offset }], recordsPerSecond: 1, edit, ...(target.trim() ? { targetTopic: target.trim() } : {}) },
          { onSuccess: onStarted },
        );
      }}
    >
      <div>
        <h3 id={ids.title} className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">Edit and replay</h3>
        <p className="mt-0.5 text-xs text-zinc-600 dark:text-zinc-400">
          {record.replayed ? `Already replayed to ${record.replayed.targetTopic}: the edited record is sent again. ` : ""}
          Headers and timestamp are kept; the record is stamped <span className="font-mono">__tributary.replay.of</span>.
        </p>
      </div>
      <div className={labelClass}>
        <label htmlFor={ids.key}>Key{record.key.format === "null" ? " (null: leave empty to keep it null)" : ""}</label>
        <textarea id={ids.key} value={key} onChange={(event) => setKey(event.target.value)} disabled={!keyEditable} rows={2} spellCheck={false} className={`${fieldClass} h-auto py-2 font-mono`} />
        {keyEditable ? null : <span className="font-normal">The key is binary; it is sent unchanged.</span>}
      </div>
      <div className={labelClass}>
        <label htmlFor={ids.value}>Value</label>
        <textarea
          id={ids.value}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          disabled={!valueEditable}
          rows={8}
          spellCheck={false}
          aria-describedby={ids.check}
          className={`${fieldClass} h-auto py-2 font-mono`}
        />
        <span id={ids.check} className={`font-normal ${valueIsJson ? "text-emerald-700 dark:text-emerald-400" : "text-zinc-500"}`}>
          {!valueEditable ? "The value is binary; it is sent unchanged." : valueIsJson ? "Valid JSON" : "Not JSON: sent as text"}
        </span>
      </div>
      <div className={labelClass}>
        <label htmlFor={ids.target}>Target topic (empty: the original topic{record.context.original.topic ? `, ${record.context.original.topic}` : ""})</label>
        <input id={ids.target} value={target} onChange={(event) => setTarget(event.target.value)} autoComplete="off" spellCheck={false} className={`${fieldClass} font-mono`} />
      </div>
      {start.error ? <ErrorAlert>Could not replay: {start.error.message}</ErrorAlert> : null}
      <div className="flex gap-2">
        <button type="submit" className={primaryClass} disabled={start.isPending}>{start.isPending ? "Starting…" : "Replay edited record"}</button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
