"use client";

import { useQuery, type QueryClient, type UseQueryResult } from "@tanstack/react-query";
import { connectorQueryKey } from "@/components/queries/connector";
import { consoleRequest } from "@/components/queries/console-api";
import { autoRestartsSchema, type AutoRestarts } from "@/server/contracts/auto-restarts";
import type { StatusEvent } from "@/server/contracts/events";

/** How often the auto-restart card re-reads while a restart is pending or being made, and otherwise. */
export const AUTO_RESTARTS_POLL_MS = { active: 2_000, idle: 30_000 } as const;

/** Key of the connector's auto-restart policy and history. */
export function autoRestartsQueryKey(name: string) {
  return [...connectorQueryKey(name), "restarts"] as const;
}

/**
 * The connector's auto-restart policy, pending restarts and recent attempts
 * (`GET /api/console/connectors/{c}/restarts`). Re-read every 2 s while a restart is pending or
 * its outcome unknown, every 30 s otherwise; status events that may start or settle an attempt
 * re-read it at once (see `refreshAutoRestarts`).
 */
export function useAutoRestarts(name: string): UseQueryResult<AutoRestarts, Error> {
  return useQuery({
    queryKey: autoRestartsQueryKey(name),
    queryFn: async ({ signal }) => autoRestartsSchema.parse(await consoleRequest(`/connectors/${encodeURIComponent(name)}/restarts`, signal)),
    refetchInterval: (query) => {
      const data = query.state.data;
      const active = data && (data.pending.length > 0 || data.attempts.some((a) => a.outcome === "restarting"));
      return active ? AUTO_RESTARTS_POLL_MS.active : AUTO_RESTARTS_POLL_MS.idle;
    },
  });
}

/** Re-reads an observed auto-restart history when a live event may have scheduled or settled an attempt (FAILED, RUNNING). */
export function refreshAutoRestarts(client: QueryClient, event: StatusEvent): void {
  if (event.state === "FAILED" || event.state === "RUNNING") void client.invalidateQueries({ queryKey: autoRestartsQueryKey(event.connector) });
}
