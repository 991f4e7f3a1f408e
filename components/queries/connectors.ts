"use client";

import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import { expandedConnectorsSchema, type ExpandedConnectors } from "@/server/contracts/connect";

/** React Query key of the connectors list with status and info. */
export const connectorsQueryKey = ["connect", "connectors", "expanded"] as const;

/** How often the list is re-read while open (the events stream replaces this later). */
export const CONNECTORS_POLL_MS = 2_000;

/** Fetches `GET /api/connect/connectors?expand=status&expand=info`; rejects with the API's message on failure. */
export async function fetchConnectors(signal?: AbortSignal): Promise<ExpandedConnectors> {
  const response = await fetch("/api/connect/connectors?expand=status&expand=info", { cache: "no-store", signal });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = typeof body === "object" && body !== null && "message" in body ? String(body.message) : `HTTP ${response.status}`;
    throw new Error(message);
  }
  return expandedConnectorsSchema.parse(body);
}

/** Every connector with its status and config, re-read every 2 s. */
export function useConnectors(): UseQueryResult<ExpandedConnectors, Error> {
  return useQuery({ queryKey: connectorsQueryKey, queryFn: ({ signal }) => fetchConnectors(signal), refetchInterval: CONNECTORS_POLL_MS });
}
