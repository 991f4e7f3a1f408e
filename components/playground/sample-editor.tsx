"use client";

import { useId, useState } from "react";
import { inputClass } from "@/components/connector-form/form-controls";
import { blankSample, MAX_LATEST, parseHeaderLines, type PlaygroundInput, type SampleDraft } from "@/components/playground/sample-input";
import { Button } from "@/components/ui/button";

const areaClass =
  "w-full rounded-md border border-zinc-300 bg-white px-3 py-2 font-mono text-xs leading-5 text-zinc-900 shadow-xs placeholder:text-zinc-400 focus-visible:border-accent-500 focus-visible:outline-2 focus-visible:outline-accent-500/30 aria-[invalid=true]:border-red-400 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100 dark:placeholder:text-zinc-500";
const labelClass = "text-xs font-medium text-zinc-700 dark:text-zinc-300";

function SampleFields({ sample, number, defaultTopic, removable, onChange, onRemove }: { sample: SampleDraft; number: number; defaultTopic: string | undefined; removable: boolean; onChange: (sample: SampleDraft) => void; onRemove: () => void }) {
  const id = useId();
  const { problems } = parseHeaderLines(sample.headers);
  const set = (field: "key" | "value" | "headers" | "topic", text: string) => onChange({ ...sample, [field]: text });
  return (
    <fieldset className="grid gap-3 rounded-lg border border-zinc-200 px-4 pt-2 pb-4 dark:border-zinc-800">
      <legend className="px-1 text-sm font-semibold text-zinc-900 dark:text-zinc-100">Sample {number}</legend>
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="grid gap-1">
          <label htmlFor={`${id}-key`} className={labelClass}>Key</label>
          <input id={`${id}-key`} value={sample.key} spellCheck={false} placeholder="null" onChange={(event) => set("key", event.target.value)} className={`${inputClass} w-full font-mono`} />
        </div>
        <div className="grid gap-1">
          <label htmlFor={`${id}-topic`} className={labelClass}>Topic</label>
          <input id={`${id}-topic`} value={sample.topic} spellCheck={false} placeholder={defaultTopic ?? "preview"} onChange={(event) => set("topic", event.target.value)} className={`${inputClass} w-full font-mono`} />
        </div>
      </div>
      <div className="grid gap-3 md:grid-cols-[3fr_2fr]">
        <div className="grid content-start gap-1">
          <label htmlFor={`${id}-value`} className={labelClass}>Value</label>
          <textarea id={`${id}-value`} value={sample.value} rows={4} spellCheck={false} placeholder='{"id": 7, "card": "4111"}' onChange={(event) => set("value", event.target.value)} className={areaClass} />
        </div>
        <div className="grid content-start gap-1">
          <label htmlFor={`${id}-headers`} className={labelClass}>Headers</label>
          <textarea
            id={`${id}-headers`}
            value={sample.headers}
            rows={4}
            spellCheck={false}
            placeholder="trace-id: abc123"
            aria-invalid={problems.length > 0}
            aria-describedby={`${id}-headers-hint${problems.length > 0 ? ` ${id}-headers-problems` : ""}`}
            onChange={(event) => set("headers", event.target.value)}
            className={areaClass}
          />
          <p id={`${id}-headers-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">One header a line, as key: value.</p>
          {problems.length > 0 ? (
            <ul id={`${id}-headers-problems`} className="text-xs font-medium text-red-700 dark:text-red-400">
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          ) : null}
        </div>
      </div>
      {removable ? (
        <div>
          <Button onClick={onRemove} aria-label={`Remove sample ${number}`}>
            Remove
          </Button>
        </div>
      ) : null}
    </fieldset>
  );
}

/** Props of `SampleEditor`. */
export interface SampleEditorProps {
  input: PlaygroundInput;
  /** The topic samples use when none is typed (the connector's), shown as a placeholder. */
  defaultTopic: string | undefined;
  onChange: (input: PlaygroundInput) => void;
}

/**
 * The samples the playground runs: pasted records (key, value, headers as `key: value` lines,
 * an optional topic; add and remove), or the sentence "Use the newest N records of topic …"
 * whose topic follows the connector's until the user types another.
 */
export function SampleEditor({ input, defaultTopic, onChange }: SampleEditorProps) {
  const [countText, setCountText] = useState(String(input.latestCount));
  if (input.source === "latest") {
    const countValid = /^\d+$/.test(countText) && Number(countText) >= 1 && Number(countText) <= MAX_LATEST;
    return (
      <div className="flex flex-wrap items-center gap-2 text-sm text-zinc-800 dark:text-zinc-200">
        <span>Use the newest</span>
        <input
          type="number"
          min={1}
          max={MAX_LATEST}
          inputMode="numeric"
          aria-label="Number of newest records"
          title={`1 to ${MAX_LATEST}`}
          aria-invalid={!countValid}
          value={countText}
          onChange={(event) => {
            setCountText(event.target.value);
            const count = Number(event.target.value);
            if (Number.isInteger(count) && count >= 1 && count <= MAX_LATEST) onChange({ ...input, latestCount: count });
          }}
          className={`${inputClass} w-20`}
        />
        <span>records of topic</span>
        <input
          aria-label="Topic to sample"
          spellCheck={false}
          placeholder="topic"
          value={input.latestTopic ?? defaultTopic ?? ""}
          onChange={(event) => onChange({ ...input, latestTopic: event.target.value })}
          className={`${inputClass} min-w-64 flex-1 font-mono`}
        />
      </div>
    );
  }
  const nextId = Math.max(0, ...input.samples.map((sample) => sample.id)) + 1;
  return (
    <div className="grid gap-3">
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        Key and value as they are stored in Kafka, read by the connector&apos;s converters. Leave one empty for null (an empty value is a tombstone).
      </p>
      {input.samples.map((sample, index) => (
        <SampleFields
          key={sample.id}
          sample={sample}
          number={index + 1}
          defaultTopic={defaultTopic}
          removable={input.samples.length > 1}
          onChange={(changed) => onChange({ ...input, samples: input.samples.map((each) => (each.id === sample.id ? changed : each)) })}
          onRemove={() => onChange({ ...input, samples: input.samples.filter((each) => each.id !== sample.id) })}
        />
      ))}
      <div>
        <Button onClick={() => onChange({ ...input, samples: [...input.samples, blankSample(nextId)] })}>Add sample</Button>
      </div>
    </div>
  );
}
