"use client";

import { useConnectorTopics } from "@/components/queries/connector";
import { Card, CardHeader } from "@/components/ui/card";
import { ErrorAlert } from "@/components/ui/error-alert";
import { InlineCode } from "@/components/ui/inline-code";
import { Skeleton } from "@/components/ui/skeleton";

/** The topics the connector has produced to or consumed from since its last topic reset (`GET /connectors/{c}/topics`). */
export function ConnectorTopicsCard({ name }: { name: string }) {
  const topics = useConnectorTopics(name);
  return (
    <Card labelledBy="topics-title" aria-busy={topics.isPending}>
      <CardHeader titleId="topics-title" title="Topics in use" description="Every topic it has used since its last topic reset." />
      <div className="px-5 py-4 text-sm">
        {topics.isPending ? (
          <Skeleton className="h-6 w-40" />
        ) : topics.error ? (
          <ErrorAlert>Could not load the topics: {topics.error.message}</ErrorAlert>
        ) : topics.data.length === 0 ? (
          <p className="text-zinc-600 dark:text-zinc-400">None yet: a topic shows here once the connector has written to or read from it.</p>
        ) : (
          <ul aria-label="Topics" className="flex flex-wrap gap-2">
            {topics.data.map((topic) => (
              <li key={topic}><InlineCode>{topic}</InlineCode></li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}
