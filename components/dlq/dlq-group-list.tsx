"use client";

import { ALL, reasonOf } from "@/components/auth/can";
import { useCan } from "@/components/auth/use-can";
import { shortClassName } from "@/components/dlq/inbox-state";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Timestamp } from "@/components/ui/timestamp";
import type { DlqGroup } from "@/server/contracts/dlq";

/** Props of `DlqGroupList`. */
export interface DlqGroupListProps {
  groups: DlqGroup[];
  /** The signature the records are filtered by, if any: its row shows as selected. */
  selected: string | undefined;
  onShow: (signature: string | undefined) => void;
  onReplay: (group: DlqGroup) => void;
  /** Disables Replay (a replay of the topic is running). */
  replayDisabled: boolean;
}

const count = new Intl.NumberFormat();

/**
 * The failures grouped by error signature (exception class + stage + normalized message),
 * largest first: how many, how many already replayed, when one last failed (or, for records
 * without Tributary's failure time, when the newest original record was made); "Show records" filters the
 * table to a group, "Replay group…" replays all of it (the editor role on `*` needed).
 */
export function DlqGroupList({ groups, selected, onShow, onReplay, replayDisabled }: DlqGroupListProps) {
  const refusal = reasonOf(useCan()("edit", ALL));
  return (
    <Card labelledBy="groups-title">
      <CardHeader titleId="groups-title" title="Failures by error" description="Records with the same exception, stage and message (values taken out) form one group." />
      {groups.length === 0 ? (
        <p className="px-5 py-4 text-sm text-zinc-600 dark:text-zinc-400">No record matches the filter.</p>
      ) : (
        <ul aria-label="Error groups" className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {groups.map((group) => {
            const name = group.exceptionClass === null && group.stage === null ? "No context headers" : `${shortClassName(group.exceptionClass)} in ${group.stage ?? "an unknown stage"}`;
            const isSelected = selected === group.signature;
            return (
              <li key={group.signature} aria-label={name} className={`flex flex-wrap items-start justify-between gap-3 px-5 py-3 ${isSelected ? "bg-accent-50/60 dark:bg-accent-950/20" : ""}`}>
                <div className="min-w-0 flex-1">
                  <p className="text-sm font-medium text-zinc-900 dark:text-zinc-100">
                    <span title={group.exceptionClass ?? undefined}>{name}</span>
                  </p>
                  <p className="mt-0.5 w-0 min-w-full truncate font-mono text-xs text-zinc-600 dark:text-zinc-400" title={group.example ?? undefined}>
                    {group.template ?? (group.exceptionClass === null ? "Written without errors.deadletterqueue.context.headers.enable=true: the reason is unknown." : "(no message)")}
                  </p>
                  <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
                    {group.lastFailedAt !== null ? (
                      <>Last failed <Timestamp epochMs={group.lastFailedAt} relative /></>
                    ) : (
                      <span title="Records written by Apache Kafka Connect say when the original record was made, not when it failed">
                        Newest record made <Timestamp epochMs={group.lastTimestamp} relative />
                      </span>
                    )}
                    {group.connectors.length > 0 ? ` · ${group.connectors.join(", ")}` : ""}
                  </p>
                </div>
                <div className="flex shrink-0 items-center gap-3">
                  <p className="text-right text-sm tabular-nums">
                    <span className="font-semibold text-zinc-900 dark:text-zinc-100">{count.format(group.count)}</span>
                    <span className="text-zinc-500 dark:text-zinc-400"> record{group.count === 1 ? "" : "s"}</span>
                    <span className="block text-xs text-zinc-500 dark:text-zinc-400">{count.format(group.replayed)} replayed</span>
                  </p>
                  <Button aria-pressed={isSelected} onClick={() => onShow(isSelected ? undefined : group.signature)}>
                    {isSelected ? "Show all" : "Show records"}
                  </Button>
                  <Button disabled={replayDisabled || refusal !== undefined || group.replayed === group.count} title={refusal} onClick={() => onReplay(group)}>
                    Replay group…
                  </Button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
