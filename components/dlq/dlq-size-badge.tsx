"use client";

import Link from "next/link";
import { useDlqTopics } from "@/components/queries/dlq";

const count = new Intl.NumberFormat();

/**
 * The size of a connector's dead letter queue, as a small link to its inbox ("DLQ 12"), amber
 * when it holds records. Renders nothing for a connector without a DLQ, or while the DLQ list
 * loads or cannot be read (it is a hint, not the place to report errors). All badges share
 * one request.
 */
export function DlqSizeBadge({ connector }: { connector: string }) {
  const { data } = useDlqTopics();
  const topic = data?.topics.find((t) => t.connectors.some((c) => c.name === connector));
  if (!topic) return null;
  const tone =
    topic.records > 0
      ? "border-amber-200 bg-amber-50 text-amber-800 hover:bg-amber-100 dark:border-amber-900/70 dark:bg-amber-950/50 dark:text-amber-300"
      : "border-zinc-200 bg-zinc-50 text-zinc-600 hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-800/60 dark:text-zinc-300";
  return (
    <Link
      href={`/dead-letters?topic=${encodeURIComponent(topic.topic)}`}
      title={`Dead letter queue ${topic.topic}: ${count.format(topic.records)} record${topic.records === 1 ? "" : "s"}`}
      aria-label={`Dead letter queue: ${count.format(topic.records)} record${topic.records === 1 ? "" : "s"}`}
      className={`inline-flex h-6 items-center gap-1 rounded-full border px-2 text-xs font-medium whitespace-nowrap tabular-nums ${tone}`}
    >
      DLQ {count.format(topic.records)}
    </Link>
  );
}
