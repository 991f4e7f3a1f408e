import type { Metadata } from "next";
import { Suspense } from "react";
import { DeadLettersView } from "@/components/dlq/dead-letters-view";
import { Skeleton } from "@/components/ui/skeleton";

export const metadata: Metadata = { title: "Dead letters" };

/** Dead letters section: the DLQ topics of the cluster's connectors, and each topic's inbox (`?topic=`). */
export default function DeadLettersPage() {
  return (
    <Suspense fallback={<Skeleton className="h-40 w-full" />}>
      <DeadLettersView />
    </Suspense>
  );
}
