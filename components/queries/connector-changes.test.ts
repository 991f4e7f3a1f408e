import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { appendStatusChange, connectorChangesQueryKey } from "@/components/queries/connector-changes";
import { applyStatusEvents } from "@/components/queries/live-events";
import type { StatusEvent } from "@/server/contracts/events";

const event = (connector: string, at: number, state: StatusEvent["state"]): StatusEvent => ({ type: "status", connector, task: null, state, workerId: "w", at });

describe("live status events in a connector's recent changes", () => {
  it("appends an event to the open page's changes through the event stream's handler, and to no other connector's", () => {
    const client = new QueryClient();
    client.setQueryData(connectorChangesQueryKey("c1"), [event("c1", 1, "RUNNING")]);
    client.setQueryData(connectorChangesQueryKey("c2"), []);
    applyStatusEvents(client, [event("c1", 2, "PAUSED")]);
    expect(client.getQueryData(connectorChangesQueryKey("c1"))).toEqual([event("c1", 1, "RUNNING"), event("c1", 2, "PAUSED")]);
    expect(client.getQueryData(connectorChangesQueryKey("c2"))).toEqual([]);
  });

  it("caches nothing for a connector no page shows", () => {
    const client = new QueryClient();
    appendStatusChange(client, event("c1", 1, "RUNNING"));
    expect(client.getQueryData(connectorChangesQueryKey("c1"))).toBeUndefined();
  });

  it("refetches instead while the history is still loading, so the event is not lost", async () => {
    const client = new QueryClient();
    let answer: (changes: StatusEvent[]) => void = () => {};
    let calls = 0;
    const fetching = client.fetchQuery({
      queryKey: connectorChangesQueryKey("c1"),
      queryFn: () => {
        calls++;
        return new Promise<StatusEvent[]>((resolve) => (answer = resolve));
      },
    });
    appendStatusChange(client, event("c1", 1, "RUNNING"));
    expect(client.getQueryState(connectorChangesQueryKey("c1"))!.isInvalidated).toBe(true);
    answer([]);
    await fetching;
    expect(calls).toBe(1);
  });
});
