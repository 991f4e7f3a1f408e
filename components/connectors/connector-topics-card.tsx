"use client";

import Link from "next/link";
import { configuredTopics } from "@/components/connectors/connector-health";
import { useConnectorConfig, useConnectorTopics } from "@/components/queries/connector";
import { topicHref } from "@/components/topics/topic-list";
import { Card, CardHeader } from "@/components/ui/card";
import { ErrorAlert } from "@/components/ui/error-alert";
import { InlineCode } from "@/components/ui/inline-code";
import { Skeleton } from "@/components/ui/skeleton";

/**
 * The connector's topics: those its config names (a source's destination, a sink's inputs) and
 * those it has used since its last topic reset (`GET /connectors/{c}/topics`), each linking to
 * the topic browser. A `topics.regex` is shown as it is.
 */
export function ConnectorTopicsCard({ name }: { name: string }) {
  const topics = useConnectorTopics(name);
  const config = useConnectorConfig(name);
  const named = configuredTopics(config.data);
  const all = [...new Set([...named, ...(topics.data ?? [])])];
  return (
    <Card labelledBy="topics-title" aria-busy={topics.isPending}>
      <CardHeader titleId="topics-title" title="Topics" description="The topics its config names and those it has used since its last topic reset. Open one to read its records." />
      <div className="px-5 py-4 text-sm">
        {topics.isPending && config.isPending ? (
          <Skeleton className="h-6 w-40" />
        ) : topics.error && all.length === 0 ? (
          <ErrorAlert>Could not load the topics: {topics.error.message}</ErrorAlert>
        ) : all.length === 0 ? (
          <p className="text-zinc-600 dark:text-zinc-400">None yet: a topic shows here once the connector has written to or read from it.</p>
        ) : (
          <ul aria-label="Topics" className="flex flex-wrap gap-2">
            {all.map((topic) => (
              <li key={topic}>
                {topic.startsWith("/") ? (
                  <InlineCode>{topic}</InlineCode>
                ) : (
                  <Link href={topicHref(topic)} title={`Browse the records of ${topic}`} className="inline-flex max-w-full items-center gap-1.5 rounded-md border border-zinc-200 bg-zinc-50 px-2 py-1 font-mono text-xs text-accent-700 hover:border-accent-300 hover:bg-accent-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-accent-300 dark:hover:bg-accent-950/30">
                    <span className="truncate">{topic}</span>
                    {(topics.data ?? []).includes(topic) ? null : <span className="font-sans text-zinc-500 dark:text-zinc-400">(configured)</span>}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}
