"use client";

import { useEffect, useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { consoleRequest } from "@/components/queries/console-api";
import { playgroundResponseSchema, type PlaygroundRequest, type PlaygroundResponse } from "@/server/contracts/playground";

/** How long the config and samples must stay unchanged before they are run. */
export const PLAYGROUND_DEBOUNCE_MS = 500;

/**
 * Runs samples through a candidate config with `POST /api/console/playground` (nothing is
 * started or written). Rejects with `ConsoleApiError` carrying the API's message for a config
 * that cannot run (unknown class, a transform that cannot be configured) or a topic with no records.
 */
export async function runPlayground(request: PlaygroundRequest, signal?: AbortSignal): Promise<PlaygroundResponse> {
  return playgroundResponseSchema.parse(await consoleRequest("/playground", signal, request));
}

/** What `usePlaygroundRun` knows about the request being edited. */
export interface PlaygroundRun {
  /** The latest answer; while a newer request waits or runs it still describes an earlier one (`current` false). */
  data: PlaygroundResponse | undefined;
  /** True when `data` answers exactly the request passed in. */
  current: boolean;
  /** True while the request waits out the debounce or runs. */
  running: boolean;
  /** Why the current request failed, else null. */
  error: Error | null;
  /** Runs the current request again now (the newest records of a topic change). */
  rerun: () => void;
}

/**
 * The playground while the user edits: `request` runs once it has stayed unchanged for
 * `PLAYGROUND_DEBOUNCE_MS` (null runs nothing and shows nothing). Each request is its own
 * query, so an answer to an older request never replaces the current one's, and a request that
 * is no longer wanted is aborted; the previous answer stays shown until the current one arrives.
 */
export function usePlaygroundRun(request: PlaygroundRequest | null): PlaygroundRun {
  const serialized = request === null ? null : JSON.stringify(request);
  const [settled, setSettled] = useState(serialized);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(serialized), PLAYGROUND_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [serialized]);
  const query = useQuery({
    queryKey: ["console", "playground", settled],
    queryFn: ({ signal }) => runPlayground(JSON.parse(settled!) as PlaygroundRequest, signal),
    enabled: settled !== null,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    refetchOnWindowFocus: false,
    retry: false,
  });
  const settledNow = settled === serialized;
  return {
    data: request === null ? undefined : query.data,
    current: settledNow && query.isSuccess && !query.isPlaceholderData,
    running: request !== null && (!settledNow || query.isFetching),
    error: settledNow && request !== null ? query.error : null,
    rerun: () => void query.refetch(),
  };
}
