import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { connectorConfigQueryKey, connectorStatusQueryKey } from "@/components/queries/connector";
import { deletingQueryKey } from "@/components/queries/connector-actions";
import { connectorsQueryKey } from "@/components/queries/connectors";
import { applyConnectorEvent, applyStatusEvents } from "@/components/queries/live-events";
import type { ConnectorStateInfo, ExpandedConnectors } from "@/server/contracts/connect";

const cached: ExpandedConnectors = {
  c1: {
    status: { name: "c1", connector: { state: "RUNNING", worker_id: "w" }, tasks: [{ id: 0, state: "RUNNING", worker_id: "w" }, { id: 1, state: "RUNNING", worker_id: "w" }], type: "source" },
  },
};

describe("status events in the React Query cache", () => {
  it("updates the task's state and trace in place", () => {
    const client = new QueryClient();
    client.setQueryData(connectorsQueryKey, cached);
    applyStatusEvents(client, [{ type: "status", connector: "c1", task: 1, state: "FAILED", workerId: "w", trace: "Error: boom", at: 1 }]);
    const tasks = client.getQueryData<ExpandedConnectors>(connectorsQueryKey)!.c1!.status!.tasks;
    expect(tasks).toEqual([{ id: 0, state: "RUNNING", worker_id: "w" }, { id: 1, state: "FAILED", worker_id: "w", trace: "Error: boom" }]);
  });

  it("updates the connector's own state, and reloads the list for a connector it does not know", () => {
    const client = new QueryClient();
    client.setQueryData(connectorsQueryKey, cached);
    applyStatusEvents(client, [{ type: "status", connector: "c1", task: null, state: "PAUSED", workerId: "w", at: 1 }]);
    expect(client.getQueryData<ExpandedConnectors>(connectorsQueryKey)!.c1!.status!.connector.state).toBe("PAUSED");
    applyStatusEvents(client, [{ type: "status", connector: "new", task: null, state: "RUNNING", workerId: "w", at: 2 }]);
    expect(client.getQueryState(connectorsQueryKey)!.isInvalidated).toBe(true);
  });

  it("updates the connector page's own status query the same way, and leaves other connectors' alone", () => {
    const client = new QueryClient();
    client.setQueryData(connectorStatusQueryKey("c1"), cached.c1!.status);
    client.setQueryData(connectorStatusQueryKey("c2"), { ...cached.c1!.status!, name: "c2" });
    applyStatusEvents(client, [{ type: "status", connector: "c1", task: 0, state: "FAILED", workerId: "w2", trace: "Error: EISDIR\n    at read", at: 1 }]);
    applyStatusEvents(client, [{ type: "status", connector: "c1", task: null, state: "PAUSED", workerId: "w", at: 2 }]);
    const status = client.getQueryData<ConnectorStateInfo>(connectorStatusQueryKey("c1"))!;
    expect(status.connector).toEqual({ state: "PAUSED", worker_id: "w" });
    expect(status.tasks).toEqual([{ id: 0, state: "FAILED", worker_id: "w2", trace: "Error: EISDIR\n    at read" }, { id: 1, state: "RUNNING", worker_id: "w" }]);
    expect(client.getQueryData<ConnectorStateInfo>(connectorStatusQueryKey("c2"))).toEqual({ ...cached.c1!.status!, name: "c2" });
  });

  it("empties a STOPPED connector's tasks and does not add back the UNASSIGNED reports its stopping tasks write", () => {
    const client = new QueryClient();
    client.setQueryData(connectorStatusQueryKey("c1"), cached.c1!.status);
    applyStatusEvents(client, [
      { type: "status", connector: "c1", task: null, state: "STOPPED", workerId: "w", at: 1 },
      { type: "status", connector: "c1", task: 0, state: "UNASSIGNED", workerId: "w", at: 2 },
    ]);
    expect(client.getQueryData<ConnectorStateInfo>(connectorStatusQueryKey("c1"))).toMatchObject({ connector: { state: "STOPPED" }, tasks: [] });
    applyStatusEvents(client, [
      { type: "status", connector: "c1", task: null, state: "RUNNING", workerId: "w", at: 3 },
      { type: "status", connector: "c1", task: 0, state: "RUNNING", workerId: "w", at: 4 },
    ]);
    expect(client.getQueryData<ConnectorStateInfo>(connectorStatusQueryKey("c1"))!.tasks).toEqual([{ id: 0, state: "RUNNING", worker_id: "w" }]);
  });

  it("writes a burst of 1,000 events over 1,000 connectors into the list with one cache write, the last event of each winning", () => {
    const client = new QueryClient();
    const many: ExpandedConnectors = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`c${i}`, { status: { ...cached.c1!.status!, name: `c${i}` } }]));
    client.setQueryData(connectorsQueryKey, many);
    let writes = 0;
    client.getQueryCache().subscribe((event) => {
      if (event.type === "updated" && event.action.type === "success") writes++;
    });
    const events = Array.from({ length: 1000 }, (_, i) => ({ type: "status" as const, connector: `c${i}`, task: null, state: "PAUSED" as const, workerId: "w", at: i }));
    applyStatusEvents(client, [...events, { ...events[7]!, state: "RUNNING", at: 2000 }]);
    const list = client.getQueryData<ExpandedConnectors>(connectorsQueryKey)!;
    expect(writes).toBe(1);
    expect(Object.values(list).filter((entry) => entry.status!.connector.state === "PAUSED")).toHaveLength(999);
    expect(list.c7!.status!.connector.state).toBe("RUNNING");
    expect(many.c0!.status!.connector.state).toBe("RUNNING");
  });

  it("makes a connector page that has no status yet (or a 404) refetch it", () => {
    const client = new QueryClient();
    client.getQueryCache().build(client, { queryKey: connectorStatusQueryKey("new") });
    applyStatusEvents(client, [{ type: "status", connector: "new", task: null, state: "RUNNING", workerId: "w", at: 1 }]);
    expect(client.getQueryState(connectorStatusQueryKey("new"))!.isInvalidated).toBe(true);
  });
});

describe("connector events in the React Query cache", () => {
  const event = (change: "updated" | "deleted") => ({ type: "connector" as const, connector: "c1", change, at: 1 });

  it("reloads an updated connector's queries, and only the status of one deleted elsewhere", () => {
    const client = new QueryClient();
    client.setQueryData(connectorStatusQueryKey("c1"), cached.c1!.status);
    client.setQueryData(connectorConfigQueryKey("c1"), { name: "c1" });
    applyConnectorEvent(client, event("deleted"));
    expect(client.getQueryState(connectorStatusQueryKey("c1"))!.isInvalidated).toBe(true);
    expect(client.getQueryState(connectorConfigQueryKey("c1"))!.isInvalidated).toBe(false);
    applyConnectorEvent(client, event("updated"));
    expect(client.getQueryState(connectorConfigQueryKey("c1"))!.isInvalidated).toBe(true);
  });

  it("leaves a connector this browser is deleting alone, so nothing is refetched into a 404", () => {
    const client = new QueryClient();
    client.setQueryData(connectorStatusQueryKey("c1"), cached.c1!.status);
    client.setQueryData(deletingQueryKey("c1"), true);
    applyConnectorEvent(client, event("deleted"));
    expect(client.getQueryState(connectorStatusQueryKey("c1"))!.isInvalidated).toBe(false);
  });
});
