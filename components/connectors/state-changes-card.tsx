"use client";

import { useState } from "react";
import { toneOf } from "@/components/connectors/connector-state";
import { transitions } from "@/components/connectors/state-changes";
import { useConnectorChanges } from "@/components/queries/connector-changes";
import { errorAdvice } from "@/components/queries/error-advice";
import { StatusBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Skeleton } from "@/components/ui/skeleton";
import { Timestamp } from "@/components/ui/timestamp";

const FIRST_SHOWN = 8;

/**
 * "Recent state changes": the connector's and its tasks' last state transitions, newest first,
 * each with when it happened, from which state, the worker and the first line of its trace.
 * New changes arrive through the event stream without a reload. Shows the first eight, with a
 * toggle for the rest (at most 50, what the worker remembers since it started).
 */
export function StateChangesCard({ name, live }: { name: string; live: boolean }) {
  const changes = useConnectorChanges(name, live);
  const [all, setAll] = useState(false);
  const list = changes.data ? transitions(changes.data) : [];
  const shown = all ? list : list.slice(0, FIRST_SHOWN);
  return (
    <Card labelledBy="changes-title" aria-busy={changes.isPending}>
      <CardHeader titleId="changes-title" title="Recent state changes" description="The connector's and its tasks' latest transitions, newest first." />
      <div className="px-5 py-4 text-sm">
        {changes.isPending ? (
          <Skeleton className="h-16 w-full" />
        ) : changes.error && !changes.data ? (
          <ErrorAlert>
            Could not load the state changes: {changes.error.message} {errorAdvice(changes.error)}
          </ErrorAlert>
        ) : list.length === 0 ? (
          <p className="text-zinc-600 dark:text-zinc-400">
            No changes seen yet. This worker remembers the last 50 changes of each connector since it started; new ones appear here as they happen.
          </p>
        ) : (
          <>
            <ol aria-label="State changes" className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {shown.map(({ event, from }) => (
                <li key={`${event.at}-${event.task}-${event.state}-${event.workerId}`} className="flex flex-wrap items-start gap-x-3 gap-y-1 py-2 first:pt-0 last:pb-0">
                  <span className="w-24 shrink-0 pt-0.5 text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
                    <Timestamp epochMs={event.at} relative />
                  </span>
                  <span className="w-20 shrink-0 pt-0.5 font-medium">{event.task === null ? "Connector" : `Task ${event.task}`}</span>
                  <span className="flex items-center gap-1.5">
                    {from ? (
                      <>
                        <span className="text-xs text-zinc-500 dark:text-zinc-400">{from}</span>
                        <span aria-hidden="true" className="text-zinc-400">→</span>
                        <span className="sr-only">to</span>
                      </>
                    ) : null}
                    <StatusBadge tone={toneOf(event.state)} label={event.state} />
                  </span>
                  <span className="pt-0.5 font-mono text-xs text-zinc-500 dark:text-zinc-400">on {event.workerId}</span>
                  {event.trace ? (
                    <p className="w-full truncate pl-[12.75rem] font-mono text-xs text-red-700 max-sm:pl-0 dark:text-red-400" title={event.trace.split("\n")[0]}>
                      {event.trace.split("\n")[0]}
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
            {list.length > FIRST_SHOWN ? (
              <Button className="mt-3" aria-expanded={all} onClick={() => setAll(!all)}>
                {all ? "Show fewer" : `Show all ${list.length}`}
              </Button>
            ) : null}
          </>
        )}
      </div>
    </Card>
  );
}
