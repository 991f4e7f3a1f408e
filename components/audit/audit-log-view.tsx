"use client";

import { useState } from "react";
import { AuditFilters, NO_AUDIT_FILTER } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { auditParams, useAuditLog } from "@/components/queries/audit";
import { errorAdvice } from "@/components/queries/error-advice";
import { Button } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Skeleton } from "@/components/ui/skeleton";

/**
 * The audit log page's body: filters, "Export JSON lines" (every entry matching the filters, as
 * a file), the entries newest first and "Load older" while there are more.
 */
export function AuditLogView() {
  const [filter, setFilter] = useState(NO_AUDIT_FILTER);
  const log = useAuditLog(filter);
  const entries = log.data?.pages.flatMap((page) => page.entries) ?? [];
  const query = auditParams(filter).toString();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <AuditFilters onApply={setFilter} />
        <a
          href={`/api/console/audit/export${query ? `?${query}` : ""}`}
          download
          className="inline-flex h-8 items-center rounded-md border border-zinc-200 bg-white px-3 text-sm font-medium text-zinc-800 shadow-xs hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:bg-zinc-800"
        >
          Export JSON lines
        </a>
      </div>
      {log.isPending ? (
        <Skeleton className="h-40 w-full" />
      ) : log.error && entries.length === 0 ? (
        <ErrorAlert>
          Could not load the audit log: {log.error.message} {errorAdvice(log.error)}
        </ErrorAlert>
      ) : entries.length === 0 ? (
        <p className="rounded-xl border border-dashed border-zinc-300 px-4 py-8 text-center text-sm text-zinc-500 dark:border-zinc-700 dark:text-zinc-400">
          No entries{query ? " match these filters" : " yet: changes made through the API or the console appear here"}.
        </p>
      ) : (
        <>
          <AuditTable entries={entries} />
          {log.hasNextPage ? (
            <Button disabled={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
              {log.isFetchingNextPage ? "Loading…" : "Load older"}
            </Button>
          ) : null}
        </>
      )}
    </div>
  );
}
