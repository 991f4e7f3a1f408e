"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { ALL, reasonOf } from "@/components/auth/can";
import { useCan } from "@/components/auth/use-can";
import { DlqFilterBar } from "@/components/dlq/dlq-filter-bar";
import { DlqGroupList } from "@/components/dlq/dlq-group-list";
import { DlqRecordDetailCard } from "@/components/dlq/dlq-record-detail";
import { DlqRecordTable, recordKey } from "@/components/dlq/dlq-record-table";
import { DlqSetupHelp } from "@/components/dlq/dlq-setup-help";
import { linkButtonClass, linkClass, primaryClass } from "@/components/dlq/form-classes";
import { inboxSearch, inboxStateFrom, isFiltered, type InboxState } from "@/components/dlq/inbox-state";
import { PurgeDialog } from "@/components/dlq/purge-dialog";
import { ReplayDialog, type ReplaySelection } from "@/components/dlq/replay-dialog";
import { ReplayProgress } from "@/components/dlq/replay-progress";
import { ConsoleApiError } from "@/components/queries/console-api";
import { exportUrl, useDlqGroups, useDlqRecords, useDlqTopic, useLatestReplay, useReplayJob } from "@/components/queries/dlq";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorAlert } from "@/components/ui/error-alert";
import { InboxIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import type { DlqFilter } from "@/server/contracts/dlq";

const PAGE_SIZE = 50;
const count = new Intl.NumberFormat();

/** A replay waiting for confirmation: what, and how many records. */
interface PendingReplay {
  selection: ReplaySelection;
  count: number;
}

/**
 * One DLQ topic's inbox (`/dead-letters?topic=…`): its failures grouped by error, filters,
 * the records newest first with paging, a record's detail, replay (a selection, a group, or
 * everything matching the filter, with progress), edit-then-replay, purge and export. Filters,
 * page and opened record live in the URL.
 */
export function DlqInbox({ topic }: { topic: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const state = inboxStateFrom(useSearchParams());
  const { filter } = state;
  const { signature: _signature, ...groupFilter } = filter;
  const description = useDlqTopic(topic);
  const groups = useDlqGroups(topic, groupFilter);
  const allGroups = useDlqGroups(topic, {});
  const records = useDlqRecords(topic, filter, state.before, PAGE_SIZE);
  const latest = useLatestReplay(topic);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [pending, setPending] = useState<PendingReplay | null>(null);
  const [jobId, setJobId] = useState<string | null | undefined>(undefined);
  const shownJob = jobId === undefined ? (latest.data?.state === "running" ? latest.data.id : null) : jobId;
  const job = useReplayJob(shownJob);
  const replaying = job.data?.state === "running";
  const mayReplay = useCan()("edit", ALL);
  const refusal = reasonOf(mayReplay);

  const go = (next: InboxState) => router.replace(`${pathname}${inboxSearch(topic, next)}`, { scroll: false });
  const setFilter = (next: DlqFilter) => {
    setSelected(new Set());
    go({ filter: next });
  };

  if (description.error instanceof ConsoleApiError && description.error.status === 404) {
    return (
      <EmptyState icon={InboxIcon} title="Topic not found" actions={<Link href="/dead-letters" className={linkClass}>← Back to dead letters</Link>}>
        There is no topic named <span className="font-mono">{topic}</span> on this cluster, and no connector names it as its dead letter queue.
      </EmptyState>
    );
  }
  const topicInfo = description.data;
  const header = (
    <div>
      <Link href="/dead-letters" className={`text-sm ${linkClass}`}>← Dead letters</Link>
      <div className="mt-2">
        <PageHeader
          title={topic}
          description={
            topicInfo ? (
              <>
                {count.format(topicInfo.records)} record{topicInfo.records === 1 ? "" : "s"}
                {topicInfo.connectors.length > 0 ? (
                  <>
                    {" · dead letter queue of "}
                    {topicInfo.connectors.map((c, i) => (
                      <span key={c.name}>
                        {i > 0 ? ", " : ""}
                        <Link href={`/connectors/${encodeURIComponent(c.name)}`} className={linkClass}>{c.name}</Link>
                      </span>
                    ))}
                  </>
                ) : null}
                {topicInfo.orphaned ? <> · orphaned: it was the dead letter queue of {topicInfo.formerConnectors.join(", ")}, since deleted or changed</> : null}
              </>
            ) : undefined
          }
          actions={
            topicInfo?.exists ? (
              <>
                <a href={exportUrl(topic, filter)} download className={linkButtonClass}>Export JSON</a>
                <PurgeDialog topic={topicInfo} disabled={replaying} />
              </>
            ) : undefined
          }
        />
      </div>
    </div>
  );

  if (!topicInfo) {
    return (
      <div className="space-y-4">
        {header}
        {description.error ? <ErrorAlert>Could not load {topic}: {description.error.message}</ErrorAlert> : <Skeleton className="h-40 w-full" />}
      </div>
    );
  }
  if (!topicInfo.exists || (topicInfo.records === 0 && !shownJob)) {
    return (
      <div className="space-y-6">
        {header}
        <EmptyState icon={InboxIcon} title={topicInfo.exists ? "No failed records" : "Nothing has failed yet"} actions={topicInfo.connectors.some((c) => c.tolerance !== "all" || !c.contextHeaders) ? <DlqSetupHelp /> : undefined}>
          {topicInfo.exists
            ? "The topic is empty: nothing failed, or every record was purged or removed by retention."
            : "The topic is created when the connector first sends a failed record to it. Records that fail conversion or a transform will show here with the reason."}
        </EmptyState>
      </div>
    );
  }

  const page = records.data;
  const selectedRecords = [...selected].map((key) => {
    const [partition, offset] = key.split("/");
    return { partition: Number(partition), offset: offset! };
  });
  const classes = [...new Set((allGroups.data?.groups ?? []).map((g) => g.exceptionClass).filter((c): c is string => c !== null))].sort();
  const stages = [...new Set((allGroups.data?.groups ?? []).map((g) => g.stage).filter((s): s is string => s !== null))].sort();
  const started = (id: string) => {
    setJobId(id);
    setSelected(new Set());
  };

  return (
    <div className="space-y-6">
      {header}
      {shownJob ? <ReplayProgress jobId={shownJob} onDismiss={() => setJobId(null)} /> : null}
      {groups.error ? <ErrorAlert>Could not group the records: {groups.error.message}</ErrorAlert> : null}
      {groups.data ? (
        <DlqGroupList
          groups={groups.data.groups}
          selected={filter.signature}
          onShow={(signature) => setFilter({ ...filter, signature })}
          onReplay={(group) => setPending({ selection: { filter: { ...groupFilter, signature: group.signature } }, count: group.count })}
          replayDisabled={replaying}
        />
      ) : (
        <Skeleton className="h-32 w-full" />
      )}
      <section aria-labelledby="records-title" className="space-y-3">
        <h2 id="records-title" className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">Records</h2>
        {refusal ? <p className="text-sm text-zinc-600 dark:text-zinc-400">{refusal} to replay or purge records.</p> : null}
        <DlqFilterBar filter={filter} onChange={setFilter} errorClasses={classes} stages={stages} />
        {page ? (
          <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
            <p className="text-zinc-600 dark:text-zinc-400">
              {count.format(page.matched)} of {count.format(page.total)} record{page.total === 1 ? "" : "s"} {isFiltered(filter) ? "match" : "in the topic"}
              {page.indexed < page.total ? ` (the newest ${count.format(page.indexed)} are searched)` : ""}
              {selected.size > 0 ? ` · ${selected.size} selected` : ""}
            </p>
            <div className="flex flex-wrap gap-2">
              {selected.size > 0 ? <Button onClick={() => setSelected(new Set())}>Clear selection</Button> : null}
              <button type="button" className={primaryClass} disabled={replaying || !mayReplay.allowed || selected.size === 0} title={refusal} onClick={() => setPending({ selection: { records: selectedRecords }, count: selected.size })}>
                Replay selected…
              </button>
              <Button disabled={replaying || !mayReplay.allowed || page.matched === 0} title={refusal} onClick={() => setPending({ selection: { filter }, count: page.matched })}>
                {isFiltered(filter) ? `Replay all ${count.format(page.matched)} matching…` : `Replay all ${count.format(page.matched)}…`}
              </Button>
            </div>
          </div>
        ) : null}
        {state.record ? (
          <DlqRecordDetailCard
            key={recordKey(state.record)}
            topic={topic}
            coordinates={state.record}
            onClose={() => go({ ...state, record: undefined })}
            onReplay={() => setPending({ selection: { records: [state.record!] }, count: 1 })}
            onStarted={(job) => started(job.id)}
            replayDisabled={replaying}
          />
        ) : null}
        {records.error ? <ErrorAlert>Could not load the records: {records.error.message}</ErrorAlert> : null}
        {page ? (
          page.records.length === 0 ? (
            <p className="rounded-xl border border-dashed border-zinc-300 px-5 py-8 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
              {page.matched === 0 ? "No record matches the filter." : "No record on this page: go to the newest records."}
            </p>
          ) : (
            <DlqRecordTable
              topic={topic}
              page={page}
              newest={state.before === undefined}
              selected={selected}
              onSelect={(keys, on) => {
                const next = new Set(selected);
                for (const key of keys) if (on) next.add(key);
                else next.delete(key);
                setSelected(next);
              }}
              opened={state.record ? recordKey(state.record) : undefined}
              onOpen={(record) => go({ ...state, record: { partition: record.partition, offset: record.offset } })}
              onPage={(before) => go({ filter, before })}
            />
          )
        ) : (
          <Skeleton className="h-64 w-full" />
        )}
      </section>
      {pending ? (
        <ReplayDialog topic={topic} open onClose={() => setPending(null)} selection={pending.selection} count={pending.count} onStarted={(job) => started(job.id)} />
      ) : null}
    </div>
  );
}
