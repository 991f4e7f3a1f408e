"use client";

import Link from "next/link";
import { useState } from "react";
import { fieldClass, labelClass, linkClass } from "@/components/dlq/form-classes";
import { useTopics } from "@/components/queries/topics";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorAlert } from "@/components/ui/error-alert";
import { RowsIcon } from "@/components/ui/icons";
import { Skeleton } from "@/components/ui/skeleton";

const count = new Intl.NumberFormat("en");

/** The href of a topic's browser page. */
export function topicHref(topic: string): string {
  return `/topics/${encodeURIComponent(topic)}`;
}

/**
 * Every topic of the cluster with its partitions and record count, each linking to its browser;
 * a search narrows by name, and Kafka's internal topics (`__…`) are hidden unless asked for.
 */
export function TopicList() {
  const { data, error, isPending } = useTopics();
  const [query, setQuery] = useState("");
  const [internal, setInternal] = useState(false);
  if (isPending) return <Skeleton className="h-40 w-full" />;
  if (!data) return <ErrorAlert>Could not list the topics: {error?.message}</ErrorAlert>;
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = data.topics.filter((topic) => (internal || !topic.internal) && words.every((word) => topic.name.toLowerCase().includes(word)));
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <label className={`${labelClass} min-w-56 flex-1`}>
          Search topics
          <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} placeholder="Topic name" autoComplete="off" spellCheck={false} className={fieldClass} />
        </label>
        <label className="flex h-9 items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
          <input type="checkbox" checked={internal} onChange={(event) => setInternal(event.target.checked)} className="size-4 accent-accent-600" />
          Show internal topics
        </label>
      </div>
      {error ? <ErrorAlert>Showing the last list read: {error.message}</ErrorAlert> : null}
      {shown.length === 0 ? (
        <EmptyState icon={RowsIcon} title={data.topics.length === 0 ? "No topics yet" : "No topic matches"}>
          {data.topics.length === 0 ? "The cluster has no topics. A source connector creates its topic when it writes its first record." : "No topic name contains every word of the search."}
        </EmptyState>
      ) : (
        <div className="relative overflow-x-auto rounded-xl border border-zinc-200 dark:border-zinc-800">
          <table className="w-full table-fixed text-left text-sm">
            <caption className="sr-only">Topics</caption>
            <thead className="bg-zinc-50 text-xs font-medium text-zinc-500 uppercase dark:bg-zinc-900 dark:text-zinc-400">
              <tr>
                <th scope="col" className="px-4 py-2.5">Topic</th>
                <th scope="col" className="w-24 px-4 py-2.5 text-right sm:w-28">Partitions</th>
                <th scope="col" className="w-24 px-4 py-2.5 text-right sm:w-32">Records</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-200 bg-white dark:divide-zinc-800 dark:bg-zinc-950">
              {shown.map((topic) => (
                <tr key={topic.name}>
                  <th scope="row" className="px-4 py-2.5 font-mono text-[0.8125rem] font-medium">
                    <Link href={topicHref(topic.name)} title={topic.name} className={`block truncate ${linkClass}`}>{topic.name}</Link>
                  </th>
                  <td className="px-4 py-2.5 text-right tabular-nums">{topic.partitions}</td>
                  <td className="px-4 py-2.5 text-right tabular-nums">{count.format(topic.records)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
