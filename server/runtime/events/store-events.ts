import type { EventHub } from "@/server/runtime/events/event-hub";
import type { ConfigChange, ConfigStore } from "@/server/storage/contracts/config-store";
import type { StatusStore } from "@/server/storage/contracts/status-store";

const CONNECTOR_CHANGES: Partial<Record<ConfigChange["kind"], "created" | "updated" | "deleted">> = {
  "connector-created": "created",
  "connector-updated": "updated",
  "connector-removed": "deleted",
};

/**
 * Feeds the console's live events from the stores, so what any worker writes reaches every
 * browser: each stored status becomes a `status` event, each connector config created, replaced
 * or removed a `connector` event. The statuses a deleted connector's instances report while they
 * stop (UNASSIGNED, written after the removal, then removed) are left out, so a deleted
 * connector does not come back in the console's history or metrics. Called once by the
 * composition root. Because the stores tell subscribers only once a write is stored, an event is
 * published only when a client that re-reads on it sees the change.
 */
export function publishStoreChanges(hub: EventHub, stores: { configs: ConfigStore; statuses: StatusStore }, now: () => number = Date.now): void {
  const deleted = new Set<string>();
  stores.statuses.subscribe(({ connector, task, status }) => {
    if (deleted.has(connector)) return;
    hub.publish({ type: "status", connector, task, state: status.state, workerId: status.workerId, ...(status.trace ? { trace: status.trace } : {}), at: now() });
  });
  stores.configs.subscribe((change) => {
    const kind = CONNECTOR_CHANGES[change.kind];
    if (kind === "deleted") deleted.add(change.connector);
    if (kind === "created") deleted.delete(change.connector);
    if (kind) hub.publish({ type: "connector", connector: change.connector, change: kind, at: now() });
  });
}
