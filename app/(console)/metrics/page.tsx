import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { ChartIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Metrics" };

/** Metrics section. Until charts land, an empty state pointing at the status endpoint. */
export default function MetricsPage() {
  return (
    <>
      <PageHeader title="Metrics" description="Throughput, lag and errors for every connector and task over time." />
      <EmptyState
        icon={ChartIcon}
        title="No charts yet"
      >
        Record rates, consumer lag and error counts will be charted here per connector and task, live.
      </EmptyState>
    </>
  );
}
