"use client";

import { useMutation, useQuery, useQueryClient, type UseMutationResult, type UseQueryResult } from "@tanstack/react-query";
import { ConsoleApiError, consoleRequest } from "@/components/queries/console-api";
import {
  dlqGroupsSchema,
  dlqRecordDetailSchema,
  dlqRecordPageSchema,
  dlqTopicSchema,
  dlqTopicsSchema,
  purgeResultSchema,
  replayJobSchema,
  replayJobsSchema,
  type DlqFilter,
  type DlqGroups,
  type DlqRecordDetail,
  type DlqRecordPage,
  type DlqTopic,
  type DlqTopics,
  type PurgeRequest,
  type PurgeResult,
  type ReplayJob,
} from "@/server/contracts/dlq";
import { apiFetch } from "@/components/queries/api-fetch";

/** How often DLQ views re-read: new failures arrive at any time. */
const DLQ_POLL_MS = 5_000;

/** How often a running replay's progress is read. */
const REPLAY_POLL_MS = 500;

/** Prefix of every DLQ query key; invalidating it reloads every DLQ view. */
export const dlqQueryKey = ["console", "dlq"] as const;

function topicPath(topic: string): string {
  return `/dlq/topics/${encodeURIComponent(topic)}`;
}

/** A filter as query parameters (unset fields left out), in a stable order. */
export function filterParams(filter: DlqFilter): URLSearchParams {
  const params = new URLSearchParams();
  const entries: Array<[keyof DlqFilter, unknown]> = [
    ["errorClass", filter.errorClass],
    ["stage", filter.stage],
    ["signature", filter.signature],
    ["partition", filter.partition],
    ["from", filter.from],
    ["to", filter.to],
    ["replayed", filter.replayed],
  ];
  for (const [key, value] of entries) if (value !== undefined) params.set(key, String(value));
  return params;
}

/** Every DLQ topic named by a connector, with its record count (`GET /api/console/dlq/topics`). */
export function useDlqTopics(): UseQueryResult<DlqTopics, Error> {
  return useQuery({
    queryKey: [...dlqQueryKey, "topics"],
    queryFn: async ({ signal }) => dlqTopicsSchema.parse(await consoleRequest("/dlq/topics", signal)),
    refetchInterval: DLQ_POLL_MS,
  });
}

/** One topic's description; rejects with a 404 `ConsoleApiError` for a topic that does not exist. */
export function useDlqTopic(topic: string): UseQueryResult<DlqTopic, Error> {
  return useQuery({
    queryKey: [...dlqQueryKey, "topic", topic],
    queryFn: async ({ signal }) => dlqTopicSchema.parse(await consoleRequest(topicPath(topic), signal)),
    refetchInterval: DLQ_POLL_MS,
    retry: (failures, error) => failures < 1 && !(error instanceof ConsoleApiError && error.status < 500),
  });
}

/** A page of a topic's records matching `filter`, newest first, below offset `before` when given. */
export function useDlqRecords(topic: string, filter: DlqFilter, before: string | undefined, limit: number): UseQueryResult<DlqRecordPage, Error> {
  const params = filterParams(filter);
  if (before !== undefined) params.set("before", before);
  params.set("limit", String(limit));
  return useQuery({
    queryKey: [...dlqQueryKey, "records", topic, params.toString()],
    queryFn: async ({ signal }) => dlqRecordPageSchema.parse(await consoleRequest(`${topicPath(topic)}/records?${params}`, signal)),
    refetchInterval: DLQ_POLL_MS,
    placeholderData: (previous) => previous,
  });
}

/** One record in full; `null` coordinates skip the request. */
export function useDlqRecord(topic: string, coordinates: { partition: number; offset: string } | null): UseQueryResult<DlqRecordDetail, Error> {
  return useQuery({
    queryKey: [...dlqQueryKey, "record", topic, coordinates?.partition, coordinates?.offset],
    queryFn: async ({ signal }) => dlqRecordDetailSchema.parse(await consoleRequest(`${topicPath(topic)}/records/${coordinates!.partition}/${coordinates!.offset}`, signal)),
    enabled: coordinates !== null,
    retry: false,
  });
}

/** The records matching `filter` grouped by error signature. */
export function useDlqGroups(topic: string, filter: DlqFilter): UseQueryResult<DlqGroups, Error> {
  const params = filterParams(filter);
  return useQuery({
    queryKey: [...dlqQueryKey, "groups", topic, params.toString()],
    queryFn: async ({ signal }) => dlqGroupsSchema.parse(await consoleRequest(`${topicPath(topic)}/groups?${params}`, signal)),
    refetchInterval: DLQ_POLL_MS,
    placeholderData: (previous) => previous,
  });
}

/** The URL that downloads the records matching `filter` as a JSON file. */
export function exportUrl(topic: string, filter: DlqFilter): string {
  const params = filterParams(filter).toString();
  return `/api/console${topicPath(topic)}/export${params ? `?${params}` : ""}`;
}

/** POSTs JSON to `/api/console{path}`; rejects with `ConsoleApiError` carrying the API's message and suggestion. */
async function consolePost(path: string, body: unknown): Promise<unknown> {
  const response = await apiFetch(`/api/console${path}`, {
    method: "POST",
    cache: "no-store",
    headers: { accept: "application/json", "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: { message?: unknown; code?: unknown; suggestion?: unknown } | undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!response.ok) {
    const message = typeof parsed?.message === "string" ? parsed.message : `HTTP ${response.status}`;
    throw new ConsoleApiError(response.status, message, typeof parsed?.code === "string" ? parsed.code : "internal", typeof parsed?.suggestion === "string" ? parsed.suggestion : undefined);
  }
  return parsed;
}

/** What to replay: some records, or every record matching a filter; optionally elsewhere, slower, or edited. */
export interface ReplayInput {
  records?: Array<{ partition: number; offset: string }>;
  filter?: DlqFilter;
  targetTopic?: string;
  recordsPerSecond: number;
  edit?: { key?: string | null; value?: string | null };
}

/** Starts a replay (`POST …/topics/{topic}/replay`) and resolves with the job; the API's refusal carries its reason. */
export function useStartReplay(topic: string): UseMutationResult<ReplayJob, Error, ReplayInput> {
  return useMutation({
    mutationFn: async (input) => replayJobSchema.parse(await consolePost(`${topicPath(topic)}/replay`, input)),
  });
}

/**
 * A replay job's progress, read every half second while it runs. When it ends, every DLQ view
 * is reloaded so the inbox shows which records were replayed.
 */
export function useReplayJob(id: string | null): UseQueryResult<ReplayJob, Error> {
  const client = useQueryClient();
  return useQuery({
    queryKey: [...dlqQueryKey, "replay", id],
    queryFn: async ({ signal }) => {
      const job = replayJobSchema.parse(await consoleRequest(`/dlq/replays/${encodeURIComponent(id!)}`, signal));
      if (job.state !== "running") void client.invalidateQueries({ queryKey: dlqQueryKey, predicate: (query) => query.queryKey[2] !== "replay" });
      return job;
    },
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data?.state === "running" || query.state.data === undefined ? REPLAY_POLL_MS : false),
  });
}

/** The newest replay job of `topic` in this console process, or null; read once, so a reloaded page finds a replay still running. */
export function useLatestReplay(topic: string): UseQueryResult<ReplayJob | null, Error> {
  return useQuery({
    queryKey: [...dlqQueryKey, "replays", topic],
    queryFn: async ({ signal }) => replayJobsSchema.parse(await consoleRequest(`/dlq/replays?topic=${encodeURIComponent(topic)}`, signal)).jobs[0] ?? null,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Asks a running replay to stop after its current batch. */
export function useCancelReplay(): UseMutationResult<ReplayJob, Error, string> {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (id) => replayJobSchema.parse(await consolePost(`/dlq/replays/${encodeURIComponent(id)}/cancel`, {})),
    onSuccess: (job) => client.setQueryData([...dlqQueryKey, "replay", job.id], job),
  });
}

/** Purges a partition up to an offset (`POST …/topics/{topic}/purge`); every DLQ view reloads afterwards. */
export function usePurge(topic: string): UseMutationResult<PurgeResult, Error, PurgeRequest> {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (request) => purgeResultSchema.parse(await consolePost(`${topicPath(topic)}/purge`, request)),
    onSuccess: () => client.invalidateQueries({ queryKey: dlqQueryKey }),
  });
}
