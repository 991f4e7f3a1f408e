"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { DlqSetupHelp } from "@/components/dlq/dlq-setup-help";
import { fieldClass, linkClass } from "@/components/dlq/form-classes";
import { useDlqTopics } from "@/components/queries/dlq";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorAlert } from "@/components/ui/error-alert";
import { InboxIcon } from "@/components/ui/icons";
import { Skeleton } from "@/components/ui/skeleton";
import type { DlqTopic } from "@/server/contracts/dlq";

const count = new Intl.NumberFormat();

/** Opens any topic's inbox by name (a DLQ of a connector elsewhere, or one Apache Kafka Connect wrote). */
function OpenTopicForm() {
  const router = useRouter();
  const [name, setName] = useState("");
  const id = useId();
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        if (name.trim()) router.push(`/dead-letters?topic=${encodeURIComponent(name.trim())}`);
      }}
    >
      <div className="flex min-w-64 flex-1 flex-col gap-1">
        <label htmlFor={id} className="text-xs font-medium text-zinc-600 dark:text-zinc-400">Open a topic by name</label>
        <input id={id} value={name} onChange={(event) => setName(event.target.value)} placeholder="e.g. connect-dlq" autoComplete="off" spellCheck={false} className={`${fieldClass} font-mono`} />
      </div>
      <Button type="submit" disabled={!name.trim()}>Open</Button>
    </form>
  );
}

/** What the connector's settings mean for its DLQ, when they keep records out of it or strip its context. */
function settingsWarning(connector: DlqTopic["connectors"][number]): string | null {
  if (connector.tolerance !== "all") return `errors.tolerance=${connector.tolerance}: the task fails instead of sending records here`;
  if (!connector.contextHeaders) return "no context headers: records arrive without the reason";
  return null;
}

/**
 * The DLQ topics of the cluster's connectors (`errors.deadletterqueue.topic.name`), each with its
 * connectors and record count, linking to its inbox, and those whose connector is gone, marked
 * orphaned with the connectors that last used them; a form opens any other topic by name. With
 * no DLQ configured, an empty state shows the settings to add.
 */
export function DlqTopicList() {
  const { data, error, isPending } = useDlqTopics();
  if (isPending) return <Skeleton className="h-40 w-full" />;
  if (error) return <ErrorAlert>Could not load the dead letter queues: {error.message}</ErrorAlert>;
  if (data.topics.length === 0) {
    return (
      <div className="space-y-6">
        <EmptyState icon={InboxIcon} title="No dead letter queues yet" actions={<DlqSetupHelp />}>
          No connector sends its failed records to a dead letter queue. Add these settings to a sink connector&apos;s config, and the records it
          cannot convert or transform will land here with the reason, ready to replay once the cause is fixed.
        </EmptyState>
        <OpenTopicForm />
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <div className="relative overflow-x-auto rounded-xl border border-zinc-200 dark:border-zinc-800">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Dead letter queues</caption>
          <thead className="bg-zinc-50 text-xs font-medium text-zinc-500 uppercase dark:bg-zinc-900 dark:text-zinc-400">
            <tr>
              <th scope="col" className="px-4 py-2.5">Topic</th>
              <th scope="col" className="px-4 py-2.5">Connectors</th>
              <th scope="col" className="px-4 py-2.5 text-right">Records</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {data.topics.map((topic) => (
              <tr key={topic.topic} className="bg-white align-top dark:bg-zinc-950">
                <th scope="row" className="px-4 py-3 font-mono text-[0.8125rem] font-medium">
                  <Link href={`/dead-letters?topic=${encodeURIComponent(topic.topic)}`} className={linkClass}>{topic.topic}</Link>
                  {topic.exists ? null : <p className="mt-1 font-sans text-xs font-normal text-zinc-500 dark:text-zinc-400">Not created yet: nothing has failed.</p>}
                </th>
                <td className="px-4 py-3">
                  {topic.orphaned ? (
                    <p className="text-xs text-amber-700 dark:text-amber-400">
                      <span className="mr-1.5 inline-flex h-5 items-center rounded-full border border-amber-200 bg-amber-50 px-2 font-medium text-amber-800 dark:border-amber-900/70 dark:bg-amber-950/50 dark:text-amber-300">
                        Orphaned
                      </span>
                      No connector sends here now; it was the dead letter queue of{" "}
                      <span className="font-mono">{topic.formerConnectors.join(", ")}</span>.
                    </p>
                  ) : null}
                  <ul className="space-y-1">
                    {topic.connectors.map((connector) => (
                      <li key={connector.name}>
                        <Link href={`/connectors/${encodeURIComponent(connector.name)}`} className="text-zinc-800 underline decoration-zinc-300 underline-offset-4 hover:text-accent-700 dark:text-zinc-200 dark:decoration-zinc-600">
                          {connector.name}
                        </Link>
                        {settingsWarning(connector) ? <p className="text-xs text-amber-700 dark:text-amber-400">{settingsWarning(connector)}</p> : null}
                      </li>
                    ))}
                  </ul>
                </td>
                <td className="px-4 py-3 text-right font-medium tabular-nums">{count.format(topic.records)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <OpenTopicForm />
    </div>
  );
}
