"use client";

import { useQuery, type QueryClient, type UseQueryResult } from "@tanstack/react-query";
import { mergeChanges } from "@/components/connectors/state-changes";
import { connectorQueryKey } from "@/components/queries/connector";
import { CONNECTORS_POLL_MS } from "@/components/queries/connectors";
import { consoleRequest } from "@/components/queries/console-api";
import { connectorChangesSchema } from "@/server/contracts/connector-changes";
import type { StatusEvent } from "@/server/contracts/events";

/** Key of the connector's recent state changes; the event stream appends to it. */
export function connectorChangesQueryKey(name: string) {
  return [...connectorQueryKey(name), "changes"] as const;
}

/**
 * The connector's recent status changes, oldest first (`GET /api/console/connectors/{c}/changes`),
 * kept current by the event stream (see `appendStatusChange`); re-read every 30 s while the
 * stream is `live` and every 2 s while it is not.
 */
export function useConnectorChanges(name: string, live: boolean): UseQueryResult<StatusEvent[], Error> {
  return useQuery({
    queryKey: connectorChangesQueryKey(name),
    queryFn: async ({ signal }) => connectorChangesSchema.parse(await consoleRequest(`/connectors/${encodeURIComponent(name)}/changes`, signal)).changes,
    refetchInterval: live ? CONNECTORS_POLL_MS.live : CONNECTORS_POLL_MS.fallback,
  });
}

/**
 * Adds a live status event to its connector's cached changes, when a page holds them. While
 * that query is still fetching, it is fetched again instead, so an event that arrives between
 * the server's answer and the cache write is not lost.
 */
export function appendStatusChange(client: QueryClient, event: StatusEvent): void {
  const key = connectorChangesQueryKey(event.connector);
  const state = client.getQueryState(key);
  if (state?.fetchStatus === "fetching") void client.invalidateQueries({ queryKey: key });
  else if (state?.data) client.setQueryData<StatusEvent[]>(key, mergeChanges(state.data as StatusEvent[], [event]));
}
