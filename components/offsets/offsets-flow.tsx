"use client";

import { useState, type ReactNode } from "react";
import { draftRows, planEdits, resetPreview, type DraftRow, type PreviewLine } from "@/components/offsets/offset-edits";
import { OffsetsEditor } from "@/components/offsets/offsets-editor";
import { OffsetsSteps, type OffsetStep } from "@/components/offsets/offsets-steps";
import { useConnectorAction } from "@/components/queries/connector-actions";
import { useChangeOffsets } from "@/components/queries/connector-offsets";
import { errorAdvice } from "@/components/queries/error-advice";
import { Button } from "@/components/ui/button";
import { DangerButton } from "@/components/ui/danger-button";
import { ErrorAlert } from "@/components/ui/error-alert";
import type { ConnectorStateInfo } from "@/server/contracts/connect";
import type { ConnectorOffsetsView } from "@/server/contracts/connector-offsets";

/** Props of `OffsetsFlow`. */
export interface OffsetsFlowProps {
  status: ConnectorStateInfo;
  view: ConnectorOffsetsView;
  /** Leaves the flow; `resumed` says whether it ended by resuming the connector. */
  onClose: (resumed: boolean) => void;
}

const primary =
  "inline-flex h-8 items-center rounded-md bg-accent-600 px-3 text-sm font-medium text-white shadow-xs hover:bg-accent-700 disabled:cursor-not-allowed disabled:opacity-50 dark:bg-accent-500 dark:hover:bg-accent-600";

function Step({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="mt-4 space-y-3 text-sm">
      <h3 className="font-semibold text-zinc-900 dark:text-zinc-100">{title}</h3>
      {children}
    </section>
  );
}

function Explain({ children }: { children: ReactNode }) {
  return <p className="max-w-prose text-zinc-600 dark:text-zinc-400">{children}</p>;
}

function PreviewTable({ lines }: { lines: PreviewLine[] }) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Offsets before and after</caption>
        <thead className="bg-zinc-50 text-xs font-medium text-zinc-500 uppercase dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            <th scope="col" className="px-4 py-2">Partition</th>
            <th scope="col" className="px-4 py-2">Now</th>
            <th scope="col" className="px-4 py-2">After</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 font-mono text-xs dark:divide-zinc-800">
          {lines.map((line) => (
            <tr key={line.key}>
              <th scope="row" className="px-4 py-2 font-medium break-all">{line.partition}</th>
              <td className="px-4 py-2 text-zinc-500 line-through decoration-zinc-400 dark:text-zinc-400">{line.from}</td>
              <td className="px-4 py-2 font-semibold">{line.to}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Changing a connector's offsets with guardrails, one explained step at a time: stop the
 * connector (Connect accepts offset changes only then) → reset all offsets or edit them → preview
 * old against new → apply (`DELETE` or `PATCH /connectors/{c}/offsets`) → resume. Every refusal
 * shows the API's message with what to do about it; nothing is sent before "Apply".
 */
export function OffsetsFlow({ status, view, onClose }: OffsetsFlowProps) {
  const name = status.name;
  const stopped = status.connector.state === "STOPPED";
  const [step, setStep] = useState<OffsetStep>("stop");
  const [mode, setMode] = useState<"reset" | "edit">("reset");
  const [rows, setRows] = useState<DraftRow[]>([]);
  const [applied, setApplied] = useState<string | null>(null);
  const action = useConnectorAction(name);
  const change = useChangeOffsets(name);
  const plan = planEdits(rows, view.type);
  const preview = mode === "reset" ? resetPreview(rows) : plan.preview;
  const ends = Object.fromEntries(view.partitions.map((p) => [JSON.stringify({ kafka_topic: p.topic, kafka_partition: p.partition }), p.end]));
  const sink = view.type === "sink";

  const choose = () => {
    setRows(draftRows(view));
    setStep("choose");
  };
  const apply = () =>
    change.mutate(mode === "reset" ? { kind: "reset" } : { kind: "alter", offsets: plan.offsets }, {
      onSuccess: (message) => {
        setApplied(message);
        setStep("resume");
      },
    });

  return (
    <div className="mt-4 rounded-lg border border-accent-200 bg-accent-50/40 p-4 dark:border-accent-900/60 dark:bg-accent-950/20">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <OffsetsSteps current={step} />
        {step !== "resume" ? <Button onClick={() => onClose(false)}>Cancel</Button> : null}
      </div>

      {step === "stop" ? (
        <Step title="Step 1: stop the connector">
          <Explain>
            Kafka Connect changes offsets only while a connector is stopped: its tasks shut down, so nothing reads, writes or commits while the
            offsets change. Its config and its offsets are kept.
          </Explain>
          {stopped ? (
            <p className="font-medium text-emerald-700 dark:text-emerald-400">✓ {name} is stopped.</p>
          ) : (
            <p>
              It is <span className="font-mono">{status.connector.state}</span> now.
            </p>
          )}
          {action.error ? (
            <ErrorAlert>
              Could not stop {name}: {action.error.message} {errorAdvice(action.error)}
            </ErrorAlert>
          ) : null}
          <div className="flex gap-2">
            {stopped ? (
              <button type="button" className={primary} onClick={choose}>
                Continue
              </button>
            ) : (
              <button type="button" className={primary} disabled={action.isPending} onClick={() => action.mutate({ kind: "stop" })}>
                {action.isPending ? "Stopping…" : "Stop connector"}
              </button>
            )}
          </div>
        </Step>
      ) : null}

      {step === "choose" ? (
        <Step title="Step 2: edit or reset the offsets">
          <fieldset className="space-y-2">
            <legend className="mb-2 text-zinc-600 dark:text-zinc-400">What should change? Nothing is sent until you apply it in the next step.</legend>
            <label className="flex items-start gap-2">
              <input type="radio" name="offsets-mode" checked={mode === "reset"} onChange={() => setMode("reset")} className="mt-1 accent-accent-600" />
              <span>
                <span className="font-medium">Reset all offsets</span>
                <span className="block text-zinc-600 dark:text-zinc-400">
                  {sink
                    ? `The consumer group of ${name} is deleted. Resumed, it reads every partition again from the earliest record Kafka still has, so records already delivered are written to the sink again.`
                    : "Every source offset is removed. Resumed, the connector starts over as if new (a FileStreamSource reads its file again from the first line), so records already in Kafka are sent again."}
                </span>
              </span>
            </label>
            <label className="flex items-start gap-2">
              <input type="radio" name="offsets-mode" checked={mode === "edit"} disabled={rows.length === 0} onChange={() => setMode("edit")} className="mt-1 accent-accent-600" />
              <span>
                <span className="font-medium">Edit offsets</span>
                <span className="block text-zinc-600 dark:text-zinc-400">
                  {rows.length === 0
                    ? "There is nothing to edit: no offsets are committed yet."
                    : sink
                      ? "Set where it reads next in each partition: the offset of the next record to deliver."
                      : "Set where it carries on in each source partition, as the connector writes its offsets (JSON), or reset single partitions."}
                </span>
              </span>
            </label>
          </fieldset>
          {mode === "edit" ? <OffsetsEditor rows={rows} type={view.type} ends={ends} errors={plan.errors} onChange={setRows} /> : null}
          {mode === "edit" && plan.offsets.length === 0 && Object.keys(plan.errors).length === 0 ? (
            <p className="text-zinc-600 dark:text-zinc-400">No change yet: type a new offset for at least one partition.</p>
          ) : null}
          <div className="flex gap-2">
            <Button onClick={() => setStep("stop")}>Back</Button>
            <button
              type="button"
              className={primary}
              disabled={mode === "edit" && (plan.offsets.length === 0 || Object.keys(plan.errors).length > 0)}
              onClick={() => setStep("preview")}
            >
              Preview change
            </button>
          </div>
        </Step>
      ) : null}

      {step === "preview" ? (
        <Step title="Step 3: preview and apply">
          <Explain>
            {mode === "reset"
              ? preview.length === 0
                ? "There are no committed offsets right now; applying the reset makes sure none are left."
                : `Applying removes ${preview.length === 1 ? "this offset" : `these ${preview.length} offsets`}:`
              : `Applying writes ${preview.length === 1 ? "this offset" : `these ${preview.length} offsets`}; other partitions keep theirs:`}
          </Explain>
          {preview.length > 0 ? <PreviewTable lines={preview} /> : null}
          {change.error ? (
            <ErrorAlert>
              Kafka Connect refused the change: {change.error.message} {errorAdvice(change.error)}
            </ErrorAlert>
          ) : null}
          <div className="flex gap-2">
            <Button onClick={() => setStep("choose")} disabled={change.isPending}>
              Back
            </Button>
            {mode === "reset" ? (
              <DangerButton disabled={change.isPending} onClick={apply}>
                {change.isPending ? "Resetting…" : "Apply reset"}
              </DangerButton>
            ) : (
              <button type="button" className={primary} disabled={change.isPending} onClick={apply}>
                {change.isPending ? "Applying…" : "Apply changes"}
              </button>
            )}
          </div>
        </Step>
      ) : null}

      {step === "resume" ? (
        <Step title="Step 4: resume the connector">
          <p role="status" className="font-medium text-emerald-700 dark:text-emerald-400">
            ✓ {applied}.
          </p>
          <Explain>
            The offsets above now show the new state. Resume the connector to carry on from them, or keep it stopped and resume it later from
            the Actions card.
          </Explain>
          {action.error ? (
            <ErrorAlert>
              Could not resume {name}: {action.error.message} {errorAdvice(action.error)}
            </ErrorAlert>
          ) : null}
          <div className="flex gap-2">
            <button type="button" className={primary} disabled={action.isPending} onClick={() => action.mutate({ kind: "resume" }, { onSuccess: () => onClose(true) })}>
              {action.isPending ? "Resuming…" : "Resume connector"}
            </button>
            <Button onClick={() => onClose(false)}>Keep it stopped</Button>
          </div>
        </Step>
      ) : null}
    </div>
  );
}
