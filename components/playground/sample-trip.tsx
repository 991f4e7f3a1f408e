"use client";

import { useState } from "react";
import { simpleName } from "@/components/connector-form/plugin-lookup";
import { RecordBlock } from "@/components/playground/record-view";
import { inputOf } from "@/components/playground/stage-diff";
import { outcomeText, predicateDecision, stageTitle, toleranceNote, type SampleTrip } from "@/components/playground/stage-text";
import { ChevronDownIcon } from "@/components/ui/icons";
import { StatusDot } from "@/components/ui/status-dot";
import type { PlaygroundStep } from "@/server/contracts/playground";

const OUTCOME_TEXT: Record<SampleTrip["outcome"], string> = {
  delivered: "text-emerald-800 dark:text-emerald-300",
  dropped: "text-zinc-700 dark:text-zinc-300",
  failed: "font-medium text-red-700 dark:text-red-400",
};

/** A class name shown short, with the full name on hover and for screen readers. */
function ClassName({ className }: { className: string }) {
  return (
    <code title={className} className="font-mono text-xs text-zinc-500 dark:text-zinc-400">
      <span aria-hidden="true">{simpleName(className)}</span>
      <span className="sr-only">{className}</span>
    </code>
  );
}

function Bytes({ text }: { text: string | null }) {
  return (
    <div className="grid gap-1">
      <p className="text-xs font-semibold text-zinc-700 dark:text-zinc-300">Bytes written to Kafka</p>
      <pre className="max-h-64 overflow-auto rounded-lg border border-zinc-200 bg-zinc-50 px-3 py-2 font-mono text-xs leading-5 break-all whitespace-pre-wrap text-zinc-800 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-200">{text ?? "null"}</pre>
    </div>
  );
}

/** What a step did to the record: its failure, a drop, a skip, the bytes it wrote, or the record it passed on. */
function StepBody({ step, steps, index, kind, config }: { step: PlaygroundStep; steps: readonly PlaygroundStep[]; index: number; kind: "source" | "sink"; config: Readonly<Record<string, string>> }) {
  if (step.error) {
    return (
      <div className="grid gap-1.5 rounded-lg border border-red-200 bg-red-50 px-3 py-2.5 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-300">
        <p>
          <code title={step.error.exceptionClass} className="font-mono font-semibold">
            <span aria-hidden="true">{simpleName(step.error.exceptionClass)}</span>
            <span className="sr-only">{step.error.exceptionClass}</span>
          </code>
          : {step.error.message || "(no message)"}
        </p>
        <p className="text-red-700/90 dark:text-red-300/80">{toleranceNote(config)}</p>
      </div>
    );
  }
  if (step.dropped) return <p className="text-sm font-medium text-zinc-700 dark:text-zinc-300">Dropped: the record goes no further and nothing is {kind === "sink" ? "delivered" : "written"}.</p>;
  if (!step.applied) return <p className="text-sm text-zinc-600 dark:text-zinc-400">Skipped: the record passes on unchanged.</p>;
  if (step.bytes !== undefined) return <Bytes text={step.bytes} />;
  if (!step.output) return null;
  if (step.stage === "TRANSFORMATION") return <RecordBlock record={step.output} before={inputOf(steps, index)} />;
  return <RecordBlock record={step.output} only={kind === "sink" && step.stage === "KEY_CONVERTER" ? ["key"] : undefined} />;
}

function Step({ step, steps, index, kind, config }: { step: PlaygroundStep; steps: readonly PlaygroundStep[]; index: number; kind: "source" | "sink"; config: Readonly<Record<string, string>> }) {
  const failed = step.error !== undefined;
  const marker = failed ? "border-red-500 bg-red-500" : step.dropped ? "border-zinc-500 bg-zinc-500" : step.applied ? "border-accent-500 bg-accent-500" : "border-zinc-400 bg-white dark:bg-zinc-900";
  return (
    <li className="relative grid gap-2 pb-5 pl-6 last:pb-0">
      <span aria-hidden="true" className="absolute top-0 bottom-0 left-[0.3125rem] w-px bg-zinc-200 dark:bg-zinc-800" />
      <span aria-hidden="true" className={`absolute top-1.5 left-0 size-[0.6875rem] rounded-full border-2 ${marker}`} />
      <div className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5">
        <h4 className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">{stageTitle(step)}</h4>
        <span className="rounded bg-zinc-100 px-1 font-mono text-[0.6875rem] text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400">{step.stage}</span>
        {step.stage === "TASK_POLL" ? null : <ClassName className={step.className} />}
      </div>
      {step.predicate ? (
        <p className={`flex flex-wrap items-baseline gap-x-2 text-sm ${step.applied ? "text-accent-800 dark:text-accent-200" : "text-zinc-600 dark:text-zinc-400"}`}>
          <span className="font-medium">{predicateDecision(step.predicate)}</span>
          <ClassName className={step.predicate.className} />
        </p>
      ) : null}
      <StepBody step={step} steps={steps} index={index} kind={kind} config={config} />
    </li>
  );
}

/** A sample's name in the results: its number, and where it was read from when it came from a topic. */
function sampleName(trip: SampleTrip, index: number): string {
  const { topic, partition, offset } = trip.sample;
  return offset !== undefined && topic !== undefined ? `Record ${index + 1}: ${topic}, partition ${partition ?? 0}, offset ${offset}` : `Sample ${index + 1}`;
}

/** Props of `SampleTripView`. */
export interface SampleTripViewProps {
  trip: SampleTrip;
  index: number;
  kind: "source" | "sink";
  /** The config it ran with, for what its error handling would do with a failure. */
  config: Readonly<Record<string, string>>;
  defaultOpen: boolean;
}

/**
 * One sample's trip as a disclosure: its name and outcome, then each stage in order as a
 * vertical list (title, stage, class, the predicate's decision, and the record after it, changes
 * marked), ending where the record was delivered, dropped or failed.
 */
export function SampleTripView({ trip, index, kind, config, defaultOpen }: SampleTripViewProps) {
  const [open, setOpen] = useState(defaultOpen);
  const name = sampleName(trip, index);
  const outcome = OUTCOME_TEXT[trip.outcome];
  return (
    <details open={open} onToggle={(event) => setOpen(event.currentTarget.open)} className="group rounded-lg border border-zinc-200 dark:border-zinc-800">
      <summary className="flex cursor-pointer list-none items-center justify-between gap-3 px-4 py-3 [&::-webkit-details-marker]:hidden">
        <span className="flex min-w-0 flex-1 flex-wrap items-center gap-x-3 gap-y-1">
          <h3 className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">{name}</h3>
          <span className={`inline-flex items-center gap-1.5 text-sm ${outcome}`}>
            <StatusDot tone={trip.outcome === "delivered" ? "success" : trip.outcome === "failed" ? "danger" : "neutral"} />
            {outcomeText(trip, kind)}
          </span>
        </span>
        <ChevronDownIcon className="size-4 shrink-0 text-zinc-400 transition-transform group-open:rotate-180" />
      </summary>
      <ol aria-label={`Stages of ${name}`} className="border-t border-zinc-200 px-4 py-4 dark:border-zinc-800">
        {trip.steps.map((step, stepIndex) => (
          <Step key={stepIndex} step={step} steps={trip.steps} index={stepIndex} kind={kind} config={config} />
        ))}
      </ol>
    </details>
  );
}
