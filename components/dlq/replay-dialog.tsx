"use client";

import { useId, useState } from "react";
import { fieldClass, labelClass, primaryClass } from "@/components/dlq/form-classes";
import { useStartReplay, type ReplayInput } from "@/components/queries/dlq";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorAlert } from "@/components/ui/error-alert";
import type { ReplayJob } from "@/server/contracts/dlq";

/** What a replay dialog sends: listed records, or every record matching a filter. */
export type ReplaySelection = Pick<ReplayInput, "records" | "filter">;

/** Props of `ReplayDialog`. */
export interface ReplayDialogProps {
  topic: string;
  open: boolean;
  onClose: () => void;
  selection: ReplaySelection;
  /** How many records the selection holds, for the title. */
  count: number;
  /** Called with the job once the API accepted the replay. */
  onStarted: (job: ReplayJob) => void;
}

const DEFAULT_RATE = 500;

/**
 * Confirms a replay: where to (each record's original topic, or another topic), how fast
 * (records per second), then starts it. The API's refusal (a missing topic, records without an
 * original topic) shows inside the dialog, with its reason.
 */
export function ReplayDialog({ topic, open, onClose, selection, count, onStarted }: ReplayDialogProps) {
  const [target, setTarget] = useState<"original" | "other">("original");
  const [otherTopic, setOtherTopic] = useState("");
  const [rate, setRate] = useState(String(DEFAULT_RATE));
  const start = useStartReplay(topic);
  const rateId = useId();
  const rateValue = Number(rate);
  const rateValid = Number.isInteger(rateValue) && rateValue >= 1 && rateValue <= 100_000;
  const close = () => {
    start.reset();
    onClose();
  };
  return (
    <Dialog open={open} onClose={close} title={`Replay ${count} record${count === 1 ? "" : "s"}`}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          start.mutate(
            { ...selection, recordsPerSecond: rateValue, ...(target === "other" ? { targetTopic: otherTopic.trim() } : {}) },
            {
              onSuccess: (job) => {
                onStarted(job);
                close();
              },
            },
          );
        }}
      >
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
          Each record is sent as it was consumed (key, value, headers, timestamp), without its error headers and stamped{" "}
          <span className="font-mono text-xs">__tributary.replay.of</span>. Records replayed before are skipped.
        </p>
        <fieldset className="mt-4 space-y-2 text-sm">
          <legend className="mb-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">Send to</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name="target" checked={target === "original"} onChange={() => setTarget("original")} />
            Each record&apos;s original topic
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="target" checked={target === "other"} onChange={() => setTarget("other")} />
            Another topic
          </label>
          {target === "other" ? (
            <input
              aria-label="Target topic"
              value={otherTopic}
              onChange={(event) => setOtherTopic(event.target.value)}
              placeholder="topic name"
              autoComplete="off"
              spellCheck={false}
              className={`${fieldClass} w-full font-mono`}
            />
          ) : null}
        </fieldset>
        <div className={`${labelClass} mt-4`}>
          <label htmlFor={rateId}>Records per second at most</label>
          <input id={rateId} type="number" min={1} max={100_000} value={rate} onChange={(event) => setRate(event.target.value)} className={`${fieldClass} w-32 tabular-nums`} />
        </div>
        {start.error ? <ErrorAlert className="mt-4">Could not replay: {start.error.message}</ErrorAlert> : null}
        <div className="mt-6 flex justify-end gap-2">
          <Button onClick={close}>Cancel</Button>
          <button type="submit" className={primaryClass} disabled={start.isPending || !rateValid || (target === "other" && !otherTopic.trim())}>
            {start.isPending ? "Starting…" : "Replay"}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
