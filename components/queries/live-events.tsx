"use client";

import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { connectorQueryKey, connectorStatusQueryKey } from "@/components/queries/connector";
import { deletingQueryKey } from "@/components/queries/connector-actions";
import { refreshAutoRestarts } from "@/components/queries/auto-restarts";
import { appendStatusChange } from "@/components/queries/connector-changes";
import { connectorsQueryKey } from "@/components/queries/connectors";
import { EventBatch } from "@/components/queries/event-batch";
import { serialReload } from "@/components/queries/serial-reload";
import { applyMetricsEvent } from "@/components/queries/metrics";
import type { ConnectorStateInfo, ExpandedConnectors } from "@/server/contracts/connect";
import { connectorEventSchema, metricsEventSchema, statusEventSchema, type ConnectorEvent, type StatusEvent } from "@/server/contracts/events";

const LiveContext = createContext(false);

/** How long status events are gathered before they are written into the cache together. */
const STATUS_BATCH_MS = 50;

/** Whether the console's event stream is connected; queries poll slowly while it is. */
export function useLive(): boolean {
  return useContext(LiveContext);
}

/**
 * `status` with the event's connector or task state (and trace) in place of the old one. A
 * STOPPED connector has no tasks (its task configs are emptied, as in Kafka Connect): its tasks
 * go, and the UNASSIGNED reports they write while stopping are not added back, because the
 * removal of their statuses that follows is not an event.
 */
function withEvent(status: ConnectorStateInfo, event: StatusEvent): ConnectorStateInfo {
  const instance = { state: event.state, worker_id: event.workerId, ...(event.trace ? { trace: event.trace } : {}) };
  if (event.task === null) return { ...status, connector: instance, ...(event.state === "STOPPED" ? { tasks: [] } : {}) };
  if (status.connector.state === "STOPPED" && event.state === "UNASSIGNED") return status;
  return { ...status, tasks: [...status.tasks.filter((t) => t.id !== event.task), { id: event.task, ...instance }].sort((a, b) => a.id - b.id) };
}

/**
 * Writes a batch of status events (in arrival order) into the cached connectors list with one
 * cache write, into each connector's own status query and its recent changes, so open pages
 * show them without refetching (an open auto-restart history is re-read on FAILED and RUNNING). An event for a connector the list does not know yet makes it
 * reload through `reloadList` (once per batch; a no-op when nothing observes it).
 */
export function applyStatusEvents(
  client: QueryClient,
  events: readonly StatusEvent[],
  reloadList: () => void = () => void client.invalidateQueries({ queryKey: connectorsQueryKey }),
): void {
  const list = client.getQueryData<ExpandedConnectors>(connectorsQueryKey);
  let next: ExpandedConnectors | undefined;
  let unknown = false;
  for (const event of events) {
    const entry = (next ?? list)?.[event.connector];
    if (!list || !entry?.status) {
      unknown = true;
      continue;
    }
    next ??= { ...list };
    next[event.connector] = { ...entry, status: withEvent(entry.status, event) };
  }
  if (next) client.setQueryData<ExpandedConnectors>(connectorsQueryKey, next);
  if (unknown) reloadList();
  for (const event of events) {
    const key = connectorStatusQueryKey(event.connector);
    const single = client.getQueryData<ConnectorStateInfo>(key);
    if (single) client.setQueryData<ConnectorStateInfo>(key, withEvent(single, event));
    else if (!client.getQueryData(deletingQueryKey(event.connector))) void client.invalidateQueries({ queryKey: key });
    appendStatusChange(client, event);
    refreshAutoRestarts(client, event);
  }
}

/**
 * Reloads a created or updated connector's queries. For a deleted one, only its status is
 * re-read (an open page then says it is gone), and nothing at all when this browser is the one
 * deleting it: that page navigates away, and a refetch would only answer 404.
 */
export function applyConnectorEvent(client: QueryClient, event: ConnectorEvent): void {
  if (event.change !== "deleted") {
    void client.invalidateQueries({ queryKey: connectorQueryKey(event.connector) });
    return;
  }
  if (client.getQueryData(deletingQueryKey(event.connector))) return;
  void client.invalidateQueries({ queryKey: connectorStatusQueryKey(event.connector) });
}

/**
 * Subscribes to `GET /api/console/events` for as long as the console is open: status events are
 * written into the React Query cache, connector events (created, updated, deleted) reload the list
 * and that connector's queries. Status events are gathered over 50 ms, so a burst is one cache
 * write and one render; list reloads never cancel a list fetch under way (serialReload), so a
 * burst of connector events is at most two fetches in a row, metrics events extend the open charts. The browser's EventSource reconnects by itself (the server
 * asks for a 1 s retry); while it is disconnected, queries fall back to polling.
 */
export function LiveEventsProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const [live, setLive] = useState(false);
  useEffect(() => {
    const source = new EventSource("/api/console/events");
    const reloadList = serialReload(
      () => client.invalidateQueries({ queryKey: connectorsQueryKey }, { cancelRefetch: false }).catch(() => undefined),
      () => client.getQueryState(connectorsQueryKey)?.fetchStatus === "fetching",
    );
    const statuses = new EventBatch<StatusEvent>((events) => applyStatusEvents(client, events, reloadList), STATUS_BATCH_MS);
    source.onopen = () => setLive(true);
    source.onerror = () => setLive(false);
    source.addEventListener("status", (message) => {
      const parsed = statusEventSchema.safeParse(JSON.parse((message as MessageEvent<string>).data));
      if (parsed.success) statuses.push(parsed.data);
    });
    source.addEventListener("connector", (message) => {
      reloadList();
      const parsed = connectorEventSchema.safeParse(JSON.parse((message as MessageEvent<string>).data));
      if (parsed.success) applyConnectorEvent(client, parsed.data);
    });
    source.addEventListener("metrics", (message) => {
      const parsed = metricsEventSchema.safeParse(JSON.parse((message as MessageEvent<string>).data));
      if (parsed.success) applyMetricsEvent(client, parsed.data);
    });
    return () => {
      source.close();
      statuses.close();
    };
  }, [client]);
  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}
