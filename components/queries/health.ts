"use client";

import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import { healthSchema, type Health } from "@/server/contracts/health";
import { apiFetch } from "@/components/queries/api-fetch";

/** React Query key of the health document; shared by every component that reads it. */
export const healthQueryKey = ["console", "health"] as const;

/** How often the console re-reads health while a page is open, in milliseconds. */
export const HEALTH_POLL_MS = 5_000;

const REQUEST_TIMEOUT_MS = 4_000;

/**
 * Thrown when the console API cannot answer with a health document: network failure, timeout,
 * a status other than 200/503, or a body that does not match `healthSchema`.
 */
export class ConsoleApiUnreachableError extends Error {
  override readonly name = "ConsoleApiUnreachableError";
}

/**
 * Fetches and validates `GET /api/console/health`. 200 and 503 both carry the health document
 * (503 while the runtime is starting), so both are parsed; anything else rejects with
 * `ConsoleApiUnreachableError`. Browser only.
 */
export async function fetchHealth(signal?: AbortSignal): Promise<Health> {
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  let response: Response;
  try {
    response = await apiFetch("/api/console/health", {
      cache: "no-store",
      headers: { accept: "application/json" },
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    const reason = timeout.aborted ? `no answer within ${REQUEST_TIMEOUT_MS / 1000} s` : "network error";
    throw new ConsoleApiUnreachableError(`Console API unreachable (${reason})`, { cause });
  }
  if (response.status !== 200 && response.status !== 503) {
    throw new ConsoleApiUnreachableError(`Console API answered HTTP ${response.status}`);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (cause) {
    throw new ConsoleApiUnreachableError(`Console API answered HTTP ${response.status} without JSON`, { cause });
  }
  const parsed = healthSchema.safeParse(body);
  if (!parsed.success) {
    throw new ConsoleApiUnreachableError("Console API answered with an unexpected health document", {
      cause: parsed.error,
    });
  }
  return parsed.data;
}

/**
 * The live health document, re-read every 5 s. No retries: the next poll is the retry, and a
 * failed poll must show as "unreachable" promptly. When the latest poll failed, `isError` is
 * true and `data` still holds the last good document (if any).
 */
export function useHealth(): UseQueryResult<Health, Error> {
  return useQuery({
    queryKey: healthQueryKey,
    queryFn: ({ signal }) => fetchHealth(signal),
    refetchInterval: HEALTH_POLL_MS,
    retry: false,
    staleTime: 0,
  });
}
