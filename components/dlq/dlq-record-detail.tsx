"use client";

import Link from "next/link";
import { useState } from "react";
import { ALL, reasonOf } from "@/components/auth/can";
import { useCan } from "@/components/auth/use-can";
import { FailureTrace } from "@/components/connectors/failure-trace";
import { EditReplayForm } from "@/components/dlq/edit-replay-form";
import { linkClass } from "@/components/dlq/form-classes";
import { useDlqRecord } from "@/components/queries/dlq";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { DetailList, type DetailItem } from "@/components/ui/detail-list";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Skeleton } from "@/components/ui/skeleton";
import { Timestamp } from "@/components/ui/timestamp";
import type { DlqRecordDetail, PayloadView, ReplayJob } from "@/server/contracts/dlq";

const formatLabel: Record<PayloadView["format"], string> = { json: "JSON", text: "Text", hex: "Hex (not text)", null: "null" };

/** A key or value as detected (JSON pretty-printed, text, or hex), with its size. */
function Payload({ title, view }: { title: string; view: PayloadView }) {
  return (
    <section aria-label={title} className="min-w-0">
      <h3 className="flex items-baseline gap-2 text-xs font-semibold text-zinc-700 uppercase dark:text-zinc-300">
        {title} <span className="font-normal normal-case text-zinc-500">{formatLabel[view.format]} · {view.bytes} bytes{view.truncated ? " · cut" : ""}</span>
      </h3>
      {view.format === "null" ? (
        <p className="mt-1 font-mono text-xs text-zinc-500">null</p>
      ) : (
        <pre className="mt-1 max-h-72 overflow-auto rounded-lg border border-zinc-200 bg-zinc-50 p-3 font-mono text-xs leading-5 break-all whitespace-pre-wrap text-zinc-800 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-200">
          {view.text || " "}
        </pre>
      )}
    </section>
  );
}

function contextItems(record: DlqRecordDetail): DetailItem[] {
  const { context } = record;
  const items: DetailItem[] = [
    ...(record.context.failedAt !== null ? [{ term: "Failed at", value: <Timestamp epochMs={record.context.failedAt} /> }] : []),
    { term: "Record time", value: <><Timestamp epochMs={record.timestamp} /> ({record.timestampType}, the original record&apos;s)</> },
  ];
  if (!context.hasContextHeaders) return [...items, { term: "Context", value: "No context headers: the connector does not set errors.deadletterqueue.context.headers.enable=true." }];
  const { topic, partition, offset } = context.original;
  items.push(
    { term: "Stage", value: context.stage ?? "—", mono: true },
    { term: "Exception", value: context.exceptionClass ?? "—", mono: true },
    { term: "Message", value: context.exceptionMessage ?? "(no message)" },
    { term: "Running class", value: context.className ?? "—", mono: true },
    {
      term: "Connector",
      value: context.connector ? <><Link href={`/connectors/${encodeURIComponent(context.connector)}`} className={linkClass}>{context.connector}</Link>{context.task !== null ? `, task ${context.task}` : ""}</> : "—",
    },
  );
  if (context.origin === "source") {
    items.push({ term: "Meant for topic", value: topic ?? "—", mono: true }, { term: "Source partition", value: context.sourcePartition ?? "—", mono: true }, { term: "Source offset", value: context.sourceOffset ?? "—", mono: true });
  } else {
    items.push({ term: "Original record", value: topic === null ? "—" : `${topic}, partition ${partition ?? "?"}, offset ${offset ?? "?"}`, mono: true });
  }
  if (record.replayed) {
    const { targetTopic, targetPartition, targetOffset, edited, at } = record.replayed;
    items.push({
      term: "Replayed",
      value: <>to {targetTopic}{targetPartition >= 0 ? ` (partition ${targetPartition}, offset ${targetOffset})` : ""}{edited ? " after an edit" : ""}, <Timestamp epochMs={at} relative /></>,
    });
  }
  return items;
}

/** Props of `DlqRecordDetailCard`. */
export interface DlqRecordDetailCardProps {
  topic: string;
  coordinates: { partition: number; offset: string };
  onClose: () => void;
  onReplay: () => void;
  onStarted: (job: ReplayJob) => void;
  replayDisabled: boolean;
}

/**
 * One DLQ record in full: its error context decoded from the headers, the stack trace, key and
 * value in their detected format, every header; "Replay…" and "Edit and replay…" (the editor role
 * on `*` needed).
 */
export function DlqRecordDetailCard({ topic, coordinates, onClose, onReplay, onStarted, replayDisabled }: DlqRecordDetailCardProps) {
  const { data: record, error, isPending } = useDlqRecord(topic, coordinates);
  const [editing, setEditing] = useState(false);
  const refusal = reasonOf(useCan()("edit", ALL));
  const title = `Record ${coordinates.partition}/${coordinates.offset}`;
  return (
    <Card labelledBy="record-title">
      <CardHeader
        titleId="record-title"
        title={title}
        description={record ? (record.replayed ? "Already replayed." : "Not replayed yet.") : undefined}
        actions={
          <>
            <Button disabled={!record || replayDisabled || refusal !== undefined || editing} title={refusal} onClick={onReplay}>Replay…</Button>
            <Button disabled={!record || replayDisabled || refusal !== undefined} title={refusal} aria-expanded={editing} onClick={() => setEditing(!editing)}>Edit and replay…</Button>
            <Button onClick={onClose}>Close</Button>
          </>
        }
      />
      <div className="space-y-5 px-5 py-4">
        {isPending ? <Skeleton className="h-32 w-full" /> : null}
        {error ? <ErrorAlert>Could not read the record: {error.message}</ErrorAlert> : null}
        {record ? (
          <>
            {editing ? (
              <EditReplayForm
                topic={topic}
                record={record}
                onCancel={() => setEditing(false)}
                onStarted={(job) => {
                  setEditing(false);
                  onStarted(job);
                }}
              />
            ) : null}
            <DetailList items={contextItems(record)} />
            {record.stacktrace ? (
              <section aria-label="Stack trace">
                <h3 className="mb-1 text-xs font-semibold text-zinc-700 uppercase dark:text-zinc-300">Stack trace</h3>
                <FailureTrace trace={record.stacktrace} />
              </section>
            ) : null}
            <div className="grid gap-4 lg:grid-cols-2">
              <Payload title="Key" view={record.key} />
              <Payload title="Value" view={record.value} />
            </div>
            <section aria-label="Headers">
              <h3 className="text-xs font-semibold text-zinc-700 uppercase dark:text-zinc-300">Headers ({record.headers.length})</h3>
              <dl className="mt-1 grid grid-cols-[minmax(10rem,auto)_1fr] gap-x-4 gap-y-1 font-mono text-xs">
                {record.headers.map((header, index) => (
                  <div key={`${header.key}-${index}`} className="contents">
                    <dt className="text-zinc-500 dark:text-zinc-400">{header.key}</dt>
                    <dd className="min-w-0 truncate text-zinc-800 dark:text-zinc-200" title={header.value.text}>
                      {header.value.format === "null" ? "null" : header.value.text.split("\n")[0]}
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          </>
        ) : null}
      </div>
    </Card>
  );
}
