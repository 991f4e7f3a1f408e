import { describe, expect, it } from "vitest";
import { DEFAULT_HISTORY_PER_CONNECTOR, EventHub, type StatusChange } from "@/server/runtime/events/event-hub";

const change = (connector: string, at: number, state = "RUNNING", task: number | null = null): StatusChange => ({ type: "status", connector, task, state, workerId: "w:1", at });

describe("EventHub", () => {
  it("delivers events to subscribers in order and drops a subscriber that throws", () => {
    const hub = new EventHub();
    const seen: number[] = [];
    hub.subscribe(() => {
      throw new Error("broken");
    });
    const unsubscribe = hub.subscribe((event) => seen.push(event.at));
    hub.publish(change("c1", 1));
    expect(hub.size).toBe(1);
    unsubscribe();
    hub.publish(change("c1", 2));
    expect(seen).toEqual([1]);
    expect(hub.size).toBe(0);
  });

  it("remembers each connector's status changes, its tasks' included, oldest first, with their traces", () => {
    const hub = new EventHub();
    hub.publish(change("c1", 1));
    hub.publish(change("c2", 2, "PAUSED"));
    hub.publish({ ...change("c1", 3, "FAILED", 0), trace: "Error: boom\n    at read" });
    hub.publish({ type: "connector", connector: "c1", change: "updated", at: 4 });
    expect(hub.history("c1")).toEqual([change("c1", 1), { ...change("c1", 3, "FAILED", 0), trace: "Error: boom\n    at read" }]);
    expect(hub.history("c2")).toEqual([change("c2", 2, "PAUSED")]);
    expect(hub.history("unknown")).toEqual([]);
  });

  it("keeps only the last changes of a connector, 50 by default", () => {
    const hub = new EventHub(3);
    for (let at = 1; at <= 5; at++) hub.publish(change("c1", at));
    expect(hub.history("c1").map((c) => c.at)).toEqual([3, 4, 5]);
    const defaults = new EventHub();
    for (let at = 1; at <= DEFAULT_HISTORY_PER_CONNECTOR + 7; at++) defaults.publish(change("c1", at));
    expect(defaults.history("c1")).toHaveLength(50);
    expect(defaults.history("c1")[0]!.at).toBe(8);
  });

  it("forgets a deleted connector's history, so a new one with the same name starts clean", () => {
    const hub = new EventHub();
    hub.publish(change("c1", 1));
    hub.publish({ type: "connector", connector: "c1", change: "deleted", at: 2 });
    expect(hub.history("c1")).toEqual([]);
    hub.publish(change("c1", 3, "UNASSIGNED"));
    expect(hub.history("c1")).toEqual([change("c1", 3, "UNASSIGNED")]);
  });

  it("hands out copies: changing one does not change what the hub remembers", () => {
    const hub = new EventHub();
    hub.publish(change("c1", 1));
    hub.history("c1").push(change("c1", 2));
    expect(hub.history("c1")).toHaveLength(1);
  });
});
