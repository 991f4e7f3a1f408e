"use client";

import Link from "next/link";
import { useState } from "react";
import { attemptLimit, attemptSummary, formatBackoff, instanceLabel, outcomeBadge } from "@/components/connectors/auto-restart";
import { useAutoRestarts } from "@/components/queries/auto-restarts";
import { errorAdvice } from "@/components/queries/error-advice";
import { StatusBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { DetailList } from "@/components/ui/detail-list";
import { ErrorAlert } from "@/components/ui/error-alert";
import { InlineCode } from "@/components/ui/inline-code";
import { Skeleton } from "@/components/ui/skeleton";
import { formatDuration, Timestamp } from "@/components/ui/timestamp";
import { useNow } from "@/components/ui/use-now";
import type { AutoRestarts } from "@/server/contracts/auto-restarts";

const FIRST_SHOWN = 8;

const linkClass = "font-medium text-accent-700 hover:underline dark:text-accent-300";

/** The next pending restart: which instance, which attempt and in how long. */
function NextAttempt({ pending }: { pending: AutoRestarts["pending"] }) {
  const now = useNow();
  const next = pending[0];
  if (!next) return <>None</>;
  return (
    <>
      {instanceLabel(next.task)}, attempt {next.attempt}, {next.dueAt > now ? `in ${formatDuration(next.dueAt - now)}` : "now"}
      {pending.length > 1 ? ` (and ${pending.length - 1} more)` : ""}
    </>
  );
}

/** The attempts, newest first, each with its outcome and the error that caused it (trace on demand); the first eight, with a toggle for the rest. */
function AttemptList({ attempts }: { attempts: AutoRestarts["attempts"] }) {
  const [all, setAll] = useState(false);
  const shown = all ? attempts : attempts.slice(0, FIRST_SHOWN);
  return (
    <div>
      <ol aria-label="Automatic restart attempts" className="divide-y divide-zinc-100 dark:divide-zinc-800">
        {shown.map((attempt) => {
          const badge = outcomeBadge(attempt.outcome);
          return (
            <li key={`${attempt.at}-${attempt.task}-${attempt.attempt}-${attempt.outcome}`} className="flex flex-wrap items-start gap-x-3 gap-y-1 py-2 first:pt-0 last:pb-0">
              <span className="w-24 shrink-0 pt-0.5 text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
                <Timestamp epochMs={attempt.at} relative />
              </span>
              <span className="w-20 shrink-0 pt-0.5 font-medium">{instanceLabel(attempt.task)}</span>
              <span className="pt-0.5 text-zinc-700 dark:text-zinc-300">{attemptSummary(attempt)}</span>
              <StatusBadge tone={badge.tone} label={badge.label} />
              {attempt.detail ? <span className="pt-0.5 text-xs text-zinc-500 dark:text-zinc-400">{attempt.detail}</span> : null}
              {attempt.error ? (
                <details className="w-full pl-[12.75rem] max-sm:pl-0">
                  <summary className="cursor-pointer truncate font-mono text-xs text-red-700 dark:text-red-400" title={attempt.error}>
                    {attempt.error}
                  </summary>
                  <pre className="mt-1 overflow-x-auto rounded-md bg-zinc-50 p-2 font-mono text-xs whitespace-pre text-zinc-700 dark:bg-zinc-950 dark:text-zinc-300">{attempt.trace}</pre>
                </details>
              ) : null}
            </li>
          );
        })}
      </ol>
      {attempts.length > FIRST_SHOWN ? (
        <Button className="mt-3" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? "Show fewer" : `Show all ${attempts.length}`}
        </Button>
      ) : null}
    </div>
  );
}

/**
 * "Auto restart": whether Tributary restarts this connector's FAILED tasks (and the connector)
 * by itself, with its settings, the next pending attempt and the attempts this worker made,
 * newest first, with their errors. When the policy is off it says so and how to turn it on.
 * Data from `GET /api/console/connectors/{c}/restarts`, refreshed on live status events.
 */
export function AutoRestartCard({ name }: { name: string }) {
  const restarts = useAutoRestarts(name);
  const data = restarts.data;
  const editHref = `/connectors/${encodeURIComponent(name)}/edit`;
  return (
    <Card labelledBy="auto-restart-title" aria-busy={restarts.isPending}>
      <CardHeader
        titleId="auto-restart-title"
        title="Auto restart"
        description="Tributary can restart FAILED tasks and the connector with exponential backoff; Kafka Connect never does."
        actions={data ? <StatusBadge tone={data.policy.enabled ? "success" : "neutral"} label={data.policy.enabled ? "On" : "Off"} /> : null}
      />
      <div className="space-y-4 px-5 py-4 text-sm">
        {restarts.isPending ? (
          <Skeleton className="h-16 w-full" />
        ) : !data ? (
          <ErrorAlert>
            Could not load the auto-restart history: {restarts.error?.message} {errorAdvice(restarts.error)}
          </ErrorAlert>
        ) : (
          <>
            {data.policy.enabled ? (
              <DetailList
                items={[
                  { term: "Consecutive attempts", value: attemptLimit(data.policy.maxAttempts) },
                  { term: "Backoff", value: `${formatBackoff(data.policy.backoffInitialMs)}, doubling up to ${formatBackoff(data.policy.backoffMaxMs)}` },
                  { term: "Next attempt", value: <NextAttempt pending={data.pending} /> },
                ]}
              />
            ) : (
              <p className="text-zinc-600 dark:text-zinc-400">
                Off: a FAILED task stays FAILED until someone restarts it. To turn it on, <Link href={editHref} className={linkClass}>edit the config</Link> and set <InlineCode>tributary.auto.restart.enabled=true</InlineCode>.
              </p>
            )}
            {data.attempts.length > 0 ? (
              <AttemptList attempts={data.attempts} />
            ) : data.policy.enabled ? (
              <p className="text-zinc-600 dark:text-zinc-400">No automatic restarts yet. This worker remembers the last 50 of each connector since it started.</p>
            ) : null}
          </>
        )}
      </div>
    </Card>
  );
}
