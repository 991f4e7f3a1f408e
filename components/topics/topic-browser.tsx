"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { linkClass } from "@/components/dlq/form-classes";
import { ConsoleApiError } from "@/components/queries/console-api";
import { errorAdvice } from "@/components/queries/error-advice";
import { useTopicRecords, type BrowseRequest } from "@/components/queries/topics";
import { BrowseControls } from "@/components/topics/browse-controls";
import { paramsFromRequest, requestFromParams } from "@/components/topics/browse-url";
import { RecordTable } from "@/components/topics/record-table";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorAlert } from "@/components/ui/error-alert";
import { RefreshIcon, RowsIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";

const count = new Intl.NumberFormat("en");

function describe(request: BrowseRequest): string {
  const where = request.partition === undefined ? "all partitions" : `partition ${request.partition}`;
  switch (request.start) {
    case "newest":
      return `Newest first, ${where}`;
    case "oldest":
      return `Oldest first, ${where}`;
    case "offset":
      return `From offset ${request.offset}, ${where}`;
    case "time":
      return `From ${new Date(request.time!).toLocaleString()}, ${where}`;
  }
}

/**
 * One topic's records (`/topics/{topic}`): newest first by default, or from the oldest record,
 * an offset or a time, in one partition or all, searched and shown as detected or as JSON, text
 * or hex. The browse lives in the URL, so it can be linked and reloaded; "Load more" carries on
 * from where the page ended. Reading joins no group and commits nothing.
 */
export function TopicBrowser({ topic }: { topic: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const request = requestFromParams(useSearchParams());
  const query = useTopicRecords(topic, request);
  const pages = query.data?.pages ?? [];
  const first = pages[0];
  const records = pages.flatMap((page) => page.records);
  const browse = (next: BrowseRequest) => {
    const params = paramsFromRequest(next).toString();
    router.replace(params ? `${pathname}?${params}` : pathname, { scroll: false });
  };
  const notFound = query.error instanceof ConsoleApiError && query.error.status === 404;
  return (
    <>
      <Link href="/topics" className={`text-sm ${linkClass}`}>← Topics</Link>
      <div className="mt-2">
        <PageHeader
          title={topic}
          description={
            first ? (
              <>
                {count.format(first.partitions.reduce((sum, p) => sum + Number(BigInt(p.high) - BigInt(p.low)), 0))} records in {first.partitions.length} partition
                {first.partitions.length === 1 ? "" : "s"}. Reading joins no consumer group and commits nothing.
              </>
            ) : (
              "Reading joins no consumer group and commits nothing."
            )
          }
          actions={
            <Button onClick={() => void query.refetch()} disabled={query.isFetching}>
              <RefreshIcon className={`size-3.5 ${query.isFetching ? "animate-spin" : ""}`} />
              Refresh
            </Button>
          }
        />
      </div>
      {notFound ? (
        <EmptyState icon={RowsIcon} title="Topic not found">
          There is no topic named <span className="font-mono break-all">{topic}</span> on this cluster. It may not have been created yet: a source connector creates its topic with its first record.
        </EmptyState>
      ) : (
        <div className="space-y-4">
          <BrowseControls key={paramsFromRequest(request).toString()} request={request} partitions={first?.partitions.length ?? 0} onBrowse={browse} busy={query.isFetching} />
          {query.isPending ? (
            <Skeleton className="h-48 w-full" />
          ) : query.error && records.length === 0 ? (
            <ErrorAlert>
              Could not read {topic}: {query.error.message} {errorAdvice(query.error)}
            </ErrorAlert>
          ) : (
            <>
              <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
                {describe(request)}
                {request.q ? ` matching “${request.q}”` : ""}: {count.format(records.length)} record{records.length === 1 ? "" : "s"} shown
                {pages.at(-1)?.scanLimited ? ` (searched ${count.format(pages.reduce((sum, page) => sum + page.scanned, 0))} records so far)` : ""}.
              </p>
              {records.length === 0 ? (
                <EmptyState icon={RowsIcon} title={request.q ? "No record matches" : "No records here"}>
                  {request.q ? "No record read so far contains every word of the search." : "The topic has no records from this point on."}
                </EmptyState>
              ) : (
                <RecordTable records={records} caption={`Records of ${topic}`} />
              )}
              {query.hasNextPage ? (
                <Button onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
                  {query.isFetchingNextPage ? "Reading…" : request.start === "newest" ? "Load older" : "Load more"}
                </Button>
              ) : null}
              {query.error ? <ErrorAlert>Could not read more: {query.error.message}</ErrorAlert> : null}
            </>
          )}
        </div>
      )}
    </>
  );
}
