"use client";

import { useInfiniteQuery, type InfiniteData, type UseInfiniteQueryResult } from "@tanstack/react-query";
import { consoleRequest } from "@/components/queries/console-api";
import { auditPageSchema, type AuditPage } from "@/server/contracts/audit";

/** The audit log's filters as the page holds them: empty strings are no filter; times are epoch ms. */
export interface AuditFilterInput {
  user: string;
  event: string;
  target: string;
  since: number | null;
  until: number | null;
}

/** The query string of `filter` (without paging), for the list and the export. */
export function auditParams(filter: AuditFilterInput): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ["user", "event", "target"] as const) if (filter[key].trim()) params.set(key, filter[key].trim());
  if (filter.since !== null) params.set("since", String(filter.since));
  if (filter.until !== null) params.set("until", String(filter.until));
  return params;
}

/** The audit log matching `filter`, newest first, page by page (`fetchNextPage` reads older entries); re-read every 30 s. */
export function useAuditLog(filter: AuditFilterInput): UseInfiniteQueryResult<InfiniteData<AuditPage, number | undefined>, Error> {
  return useInfiniteQuery({
    queryKey: ["console", "audit", filter],
    queryFn: async ({ signal, pageParam }) => {
      const params = auditParams(filter);
      params.set("limit", "50");
      if (pageParam !== undefined) params.set("before", String(pageParam));
      return auditPageSchema.parse(await consoleRequest(`/audit?${params}`, signal));
    },
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    refetchInterval: 30_000,
  });
}
