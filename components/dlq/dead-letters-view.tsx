"use client";

import { useSearchParams } from "next/navigation";
import { DlqInbox } from "@/components/dlq/dlq-inbox";
import { DlqTopicList } from "@/components/dlq/dlq-topic-list";
import { PageHeader } from "@/components/ui/page-header";

/** `/dead-letters`: the list of DLQ topics, or with `?topic=` that topic's inbox. */
export function DeadLettersView() {
  const topic = useSearchParams().get("topic")?.trim();
  if (topic) return <DlqInbox key={topic} topic={topic} />;
  return (
    <>
      <PageHeader title="Dead letters" description="Records that connectors could not process, with the reason and a way to replay them." />
      <DlqTopicList />
    </>
  );
}
