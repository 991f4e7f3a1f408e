"use client";

import { useState } from "react";
import { toneOf } from "@/components/connectors/connector-state";
import { transitions, type StateTransition } from "@/components/connectors/state-changes";
import { useConnectorVersions } from "@/components/queries/config-history";
import { useConnectorChanges } from "@/components/queries/connector-changes";
import { errorAdvice } from "@/components/queries/error-advice";
import { StatusBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Skeleton } from "@/components/ui/skeleton";
import { Timestamp } from "@/components/ui/timestamp";
import type { ConnectorVersionSummary } from "@/server/contracts/audit";

const FIRST_SHOWN = 8;

/** One row of the list: a state transition or an applied config version. */
type Change = { at: number; transition: StateTransition } | { at: number; version: ConnectorVersionSummary };

/** Transitions and config versions, newest first (a version before a transition at the same instant). */
function merged(list: StateTransition[], versions: readonly ConnectorVersionSummary[]): Change[] {
  const changes: Change[] = [...versions.map((version) => ({ at: version.at, version })), ...list.map((transition) => ({ at: transition.event.at, transition }))];
  return changes.sort((a, b) => b.at - a.at);
}

/**
 * "Recent changes": the connector's and its tasks' last state transitions, newest first,
 * each with when it happened, from which state, the worker and the first line of its trace, and
 * among them each config version applied (version n, by whom, when).
 * New changes arrive through the event stream without a reload. Shows the first eight, with a
 * toggle for the rest (at most 50, what the worker remembers since it started).
 */
export function StateChangesCard({ name, live }: { name: string; live: boolean }) {
  const changes = useConnectorChanges(name, live);
  const versions = useConnectorVersions(name);
  const [all, setAll] = useState(false);
  const list = changes.data ? merged(transitions(changes.data), versions.data ?? []) : [];
  const shown = all ? list : list.slice(0, FIRST_SHOWN);
  return (
    <Card labelledBy="changes-title" aria-busy={changes.isPending}>
      <CardHeader titleId="changes-title" title="Recent changes" description="The connector's and its tasks' latest transitions and config versions, newest first." />
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
              {shown.map((change) =>
                "version" in change ? (
                  <li key={`v${change.version.version}`} className="flex flex-wrap items-start gap-x-3 gap-y-1 py-2 first:pt-0 last:pb-0">
                    <span className="w-24 shrink-0 pt-0.5 text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
                      <Timestamp epochMs={change.at} relative />
                    </span>
                    <span className="w-20 shrink-0 pt-0.5 font-medium">Config</span>
                    <span className="pt-0.5">
                      Version {change.version.version} by {change.version.user}
                      {change.version.note ? <span className="text-zinc-500 dark:text-zinc-400"> ({change.version.note})</span> : null}
                    </span>
                  </li>
                ) : (
                  <TransitionItem key={`${change.at}-${change.transition.event.task}-${change.transition.event.state}-${change.transition.event.workerId}`} transition={change.transition} />
                ),
              )}
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

/** One state transition: when, which instance, from which state to which, on which worker, and its trace's first line. */
function TransitionItem({ transition: { event, from } }: { transition: StateTransition }) {
  return (
    <li className="flex flex-wrap items-start gap-x-3 gap-y-1 py-2 first:pt-0 last:pb-0">
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
  );
}
