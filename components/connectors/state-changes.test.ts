import { describe, expect, it } from "vitest";
import { mergeChanges, transitions } from "@/components/connectors/state-changes";
import type { StatusEvent } from "@/server/contracts/events";

const event = (at: number, state: StatusEvent["state"], task: number | null = null, trace?: string): StatusEvent => ({
  type: "status",
  connector: "c1",
  task,
  state,
  workerId: "w:1",
  at,
  ...(trace ? { trace } : {}),
});

describe("recent state changes", () => {
  it("merges live events into the fetched history once each, in time order", () => {
    const fetched = [event(1, "UNASSIGNED"), event(2, "RUNNING"), event(3, "RUNNING", 0)];
    const merged = mergeChanges(fetched, [event(3, "RUNNING", 0), event(5, "FAILED", 0, "Error: boom"), event(4, "PAUSED")]);
    expect(merged).toEqual([event(1, "UNASSIGNED"), event(2, "RUNNING"), event(3, "RUNNING", 0), event(4, "PAUSED"), event(5, "FAILED", 0, "Error: boom")]);
    expect(fetched).toHaveLength(3);
  });

  it("keeps changes of the same millisecond in arrival order, and only the last ones", () => {
    expect(mergeChanges([event(1, "PAUSED"), event(1, "PAUSED", 0)], [event(1, "RUNNING")]).map((e) => e.state)).toEqual(["PAUSED", "PAUSED", "RUNNING"]);
    const many = Array.from({ length: 60 }, (_, i) => event(i, "RUNNING", i));
    const kept = mergeChanges([], many);
    expect(kept).toHaveLength(50);
    expect(kept[0]!.at).toBe(10);
    expect(mergeChanges([], many, 3).map((e) => e.at)).toEqual([57, 58, 59]);
  });

  it("lists changes newest first with the connector's or task's previous state", () => {
    const list = transitions([event(1, "RUNNING"), event(2, "RUNNING", 0), event(3, "PAUSED"), event(4, "FAILED", 0)]);
    expect(list.map(({ event: e, from }) => [e.task, from, e.state])).toEqual([
      [0, "RUNNING", "FAILED"],
      [null, "RUNNING", "PAUSED"],
      [0, null, "RUNNING"],
      [null, null, "RUNNING"],
    ]);
  });

  it("leaves out a report that repeats the previous one, but keeps a new failure of a failed task", () => {
    const list = transitions([event(1, "STOPPED"), event(2, "STOPPED"), event(3, "FAILED", 0, "Error: a"), event(4, "FAILED", 0, "Error: b"), event(5, "FAILED", 0, "Error: b")]);
    expect(list.map(({ event: e, from }) => [e.at, from, e.state])).toEqual([
      [4, "FAILED", "FAILED"],
      [3, null, "FAILED"],
      [1, null, "STOPPED"],
    ]);
  });
});
