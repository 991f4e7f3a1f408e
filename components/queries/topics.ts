"use client";

import { useInfiniteQuery, useQuery, type UseInfiniteQueryResult, type InfiniteData, type UseQueryResult } from "@tanstack/react-query";
import { consoleRequest } from "@/components/queries/console-api";
import { topicListSchema, topicRecordPageSchema, type BrowseStart, type PayloadFormat, type TopicList, type TopicRecordPage } from "@/server/contracts/topics";

/** What the browser asks for: where to start, which partition, what to look for and how to show it. */
export interface BrowseRequest {
  start: BrowseStart;
  partition?: number;
  offset?: string;
  /** Epoch ms, with `start: "time"`. */
  time?: number;
  q?: string;
  format: PayloadFormat;
  limit: number;
}

/** The request as the API's query parameters (unset fields left out), in a stable order. */
export function browseParams(request: BrowseRequest, cursor?: string): URLSearchParams {
  const params = new URLSearchParams({ start: request.start, format: request.format, limit: String(request.limit) });
  if (request.partition !== undefined) params.set("partition", String(request.partition));
  if (request.start === "offset" && request.offset !== undefined) params.set("offset", request.offset);
  if (request.start === "time" && request.time !== undefined) params.set("time", String(request.time));
  if (request.q) params.set("q", request.q);
  if (cursor !== undefined) params.set("cursor", cursor);
  return params;
}

/** Every topic of the cluster with its partitions and record count (`GET /api/console/topics`), re-read every 10 s. */
export function useTopics(): UseQueryResult<TopicList, Error> {
  return useQuery({
    queryKey: ["console", "topics"],
    queryFn: async ({ signal }) => topicListSchema.parse(await consoleRequest("/topics", signal)),
    refetchInterval: 10_000,
  });
}

/**
 * A topic's records for `request`, page by page (`fetchNextPage` reads the next with the previous
 * page's cursor). Never refetched on its own: a browse is a snapshot the user refreshes.
 */
export function useTopicRecords(topic: string, request: BrowseRequest | null): UseInfiniteQueryResult<InfiniteData<TopicRecordPage, string | undefined>, Error> {
  return useInfiniteQuery({
    queryKey: ["console", "topics", topic, "records", request],
    queryFn: async ({ signal, pageParam }) =>
      topicRecordPageSchema.parse(await consoleRequest(`/topics/${encodeURIComponent(topic)}/records?${browseParams(request!, pageParam)}`, signal)),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    enabled: request !== null,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    retry: false,
  });
}
