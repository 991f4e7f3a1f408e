"use client";

import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import { connectRequest } from "@/components/queries/connector-api";
import { consoleRequest } from "@/components/queries/console-api";
import { expandedConnectorsSchema, type ExpandedConnectors } from "@/server/contracts/connect";
import { connectorNoticesSchema, type ConnectorNotices } from "@/server/contracts/connector-notices";

/** React Query key of the connectors list with status and info. */
export const connectorsQueryKey = ["connect", "connectors", "expanded"] as const;

/** How often the list is re-read: often when the event stream is down, rarely when it pushes changes. */
export const CONNECTORS_POLL_MS = { live: 30_000, fallback: 2_000 } as const;

/** Fetches `GET /api/connect/connectors?expand=status&expand=info`; rejects with the API's message on failure. */
export async function fetchConnectors(signal?: AbortSignal): Promise<ExpandedConnectors> {
  return expandedConnectorsSchema.parse(await connectRequest("/connectors?expand=status&expand=info", { signal }));
}

/** Every connector with its status and config; status changes arrive through the event stream (`live`). */
export function useConnectors(live: boolean): UseQueryResult<ExpandedConnectors, Error> {
  return useQuery({
    queryKey: connectorsQueryKey,
    queryFn: ({ signal }) => fetchConnectors(signal),
    refetchInterval: live ? CONNECTORS_POLL_MS.live : CONNECTORS_POLL_MS.fallback,
  });
}

/**
 * What connectors' statuses cannot say (a FileStreamSource waiting for its file), by connector;
 * with `connector`, that one's only (a connector's page). Re-read every 5 s.
 */
export function useConnectorNotices(connector?: string): UseQueryResult<ConnectorNotices["notices"], Error> {
  const query = connector === undefined ? "" : `?connector=${encodeURIComponent(connector)}`;
  return useQuery({
    queryKey: ["console", "connectors", "notices", connector ?? null],
    queryFn: async ({ signal }) => connectorNoticesSchema.parse(await consoleRequest(`/connectors/notices${query}`, signal)).notices,
    refetchInterval: 5_000,
  });
}
