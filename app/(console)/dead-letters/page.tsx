import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { InboxIcon } from "@/components/ui/icons";
import { InlineCode } from "@/components/ui/inline-code";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Dead letters" };

/** Dead letters section. Until the DLQ inbox lands, an empty state explaining how to route failures to a DLQ. */
export default function DeadLettersPage() {
  return (
    <>
      <PageHeader title="Dead letters" description="Records that sink connectors could not process, with the reason and a way to replay them." />
      <EmptyState
        icon={InboxIcon}
        title="No dead letter inbox yet"
      >
        This inbox will show failed records with their <InlineCode>__connect.errors.*</InlineCode> headers and let you
        replay them once the cause is fixed.
      </EmptyState>
    </>
  );
}
