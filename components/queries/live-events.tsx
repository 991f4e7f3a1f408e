"use client";

import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { connectorsQueryKey } from "@/components/queries/connectors";
import type { ExpandedConnectors } from "@/server/contracts/connect";
import { statusEventSchema, type StatusEvent } from "@/server/contracts/events";

const LiveContext = createContext(false);

/** Whether the console's event stream is connected; queries poll slowly while it is. */
export function useLive(): boolean {
  return useContext(LiveContext);
}

/**
 * Writes a status event into the cached connectors list, so an open page shows it without
 * refetching. A connector the cache does not know yet makes the list refetch instead.
 */
export function applyStatusEvent(client: QueryClient, event: StatusEvent): void {
  const list = client.getQueryData<ExpandedConnectors>(connectorsQueryKey);
  const entry = list?.[event.connector];
  if (!list || !entry?.status) {
    void client.invalidateQueries({ queryKey: connectorsQueryKey });
    return;
  }
  const instance = { state: event.state, worker_id: event.workerId, ...(event.trace ? { trace: event.trace } : {}) };
  const status =
    event.task === null
      ? { ...entry.status, connector: instance }
      : { ...entry.status, tasks: [...entry.status.tasks.filter((t) => t.id !== event.task), { id: event.task, ...instance }].sort((a, b) => a.id - b.id) };
  client.setQueryData<ExpandedConnectors>(connectorsQueryKey, { ...list, [event.connector]: { ...entry, status } });
}

/**
 * Subscribes to `GET /api/console/events` for as long as the console is open: status events are
 * written into the React Query cache, connector events (created, updated, deleted) reload the list. The browser's EventSource reconnects by itself (the server
 * asks for a 1 s retry); while it is disconnected, queries fall back to polling.
 */
export function LiveEventsProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const [live, setLive] = useState(false);
  useEffect(() => {
    const source = new EventSource("/api/console/events");
    source.onopen = () => setLive(true);
    source.onerror = () => setLive(false);
    source.addEventListener("status", (message) => {
      const parsed = statusEventSchema.safeParse(JSON.parse((message as MessageEvent<string>).data));
      if (parsed.success) applyStatusEvent(client, parsed.data);
    });
    source.addEventListener("connector", () => void client.invalidateQueries({ queryKey: connectorsQueryKey }));
    return () => source.close();
  }, [client]);
  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}
