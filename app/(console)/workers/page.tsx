import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { ClusterMembers } from "@/components/workers/cluster-members";
import { RebalanceTimeline } from "@/components/workers/rebalance-timeline";
import { WorkerCard } from "@/components/workers/worker-card";
import { WorkerMetrics } from "@/components/workers/worker-metrics";

export const metadata: Metadata = { title: "Workers" };

/** Workers section: the worker serving this console, read live from the health document, its cluster's workers and rebalances in distributed mode, and its process charts. */
export default function WorkersPage() {
  return (
    <>
      <PageHeader title="Workers" description="The processes that run connectors and their tasks." />
      <div className="space-y-6">
        <WorkerCard />
        <ClusterMembers />
        <RebalanceTimeline />
        <WorkerMetrics />
      </div>
    </>
  );
}
