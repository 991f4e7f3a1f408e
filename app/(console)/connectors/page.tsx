import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PlugIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Connectors" };

/** Connectors section. Until the Connect runtime lands, an honest empty state. */
export default function ConnectorsPage() {
  return (
    <>
      <PageHeader title="Connectors" description="Source and sink connectors, their tasks, and what each one is doing." />
      <EmptyState
        icon={PlugIcon}
        title="No connectors yet"
      >
        Connectors and their tasks will be listed here with their state, throughput and errors. This worker is up
        and connected to Kafka; it does not run connectors yet.
      </EmptyState>
    </>
  );
}
