import type { Metadata } from "next";
import { ClusterOverview } from "@/components/metrics/cluster-overview";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Overview" };

/** Overview section: the cluster's throughput, its busiest connectors and those failing, live. */
export default function OverviewPage() {
  return (
    <>
      <PageHeader title="Overview" description="Throughput, the busiest connectors and the ones that need attention. Prometheus scrapes the same figures at /metrics." />
      <ClusterOverview />
    </>
  );
}
