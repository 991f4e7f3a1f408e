"use client";

import { ALL, reasonOf } from "@/components/auth/can";
import { useCan } from "@/components/auth/use-can";
import { useCancelReplay, useReplayJob } from "@/components/queries/dlq";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorAlert } from "@/components/ui/error-alert";

const toneClass = {
  running: "bg-accent-500",
  succeeded: "bg-emerald-500",
  failed: "bg-red-500",
  cancelled: "bg-amber-500",
} as const;

/**
 * A replay job's progress: a progress bar over the records handled (sent, skipped or not
 * delivered), the counts, the job's own summary once it ends, and the records that did not go
 * with the reason. Cancel while it runs; dismiss when it is over.
 */
export function ReplayProgress({ jobId, onDismiss }: { jobId: string; onDismiss: () => void }) {
  const { data: job, error } = useReplayJob(jobId);
  const cancel = useCancelReplay();
  const refusal = reasonOf(useCan()("edit", ALL));
  if (error) return <ErrorAlert>Could not read the replay&apos;s progress: {error.message}</ErrorAlert>;
  if (!job) return null;
  const handled = job.replayed + job.skipped + job.failed;
  const percent = job.total === 0 ? 100 : Math.round((handled / job.total) * 100);
  const running = job.state === "running";
  return (
    <Card labelledBy="replay-title" className="px-5 py-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="replay-title" className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">
          {running ? "Replaying" : job.state === "succeeded" ? "Replay finished" : job.state === "cancelled" ? "Replay cancelled" : "Replay stopped"}
          {job.targetTopic ? <span className="font-normal text-zinc-500 dark:text-zinc-400"> to {job.targetTopic}</span> : null}
        </h2>
        {running ? (
          <Button onClick={() => cancel.mutate(job.id)} disabled={cancel.isPending || refusal !== undefined} title={refusal}>Cancel replay</Button>
        ) : (
          <Button onClick={onDismiss}>Dismiss</Button>
        )}
      </div>
      <div
        role="progressbar"
        aria-label="Replay progress"
        aria-valuemin={0}
        aria-valuemax={job.total}
        aria-valuenow={handled}
        aria-valuetext={`${handled} of ${job.total} records`}
        className="mt-3 h-2 w-full overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
      >
        <div className={`h-full rounded-full transition-[width] ${toneClass[job.state]}`} style={{ width: `${percent}%` }} />
      </div>
      <p className="mt-2 text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
        {handled} of {job.total} · {job.replayed} replayed · {job.skipped} skipped · {job.failed} not delivered · at most {job.recordsPerSecond}/s
      </p>
      <p role="status" className="mt-2 text-sm text-zinc-800 dark:text-zinc-200">{running ? "" : job.message}</p>
      {job.undelivered.length > 0 ? (
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer font-medium text-red-700 dark:text-red-400">
            {job.failed} record{job.failed === 1 ? "" : "s"} not delivered
          </summary>
          <ul className="mt-2 max-h-48 space-y-1 overflow-auto font-mono text-xs text-zinc-700 dark:text-zinc-300">
            {job.undelivered.map((record) => (
              <li key={`${record.partition}-${record.offset}`}>
                {record.partition}/{record.offset}: {record.reason}
              </li>
            ))}
          </ul>
          {job.failed > job.undelivered.length ? <p className="mt-1 text-xs text-zinc-500">and {job.failed - job.undelivered.length} more</p> : null}
        </details>
      ) : null}
      {cancel.error ? <ErrorAlert className="mt-2">Could not cancel: {cancel.error.message}</ErrorAlert> : null}
    </Card>
  );
}
