import { describe, expect, it } from "vitest";
import { SnapshotMap } from "@/server/storage/memory/snapshot-map";

describe("SnapshotMap", () => {
  it("hands out one copy between changes, and a new one after each change", () => {
    const map = new SnapshotMap<string, number>();
    map.set("a", 1);
    const first = map.snapshot();
    expect(map.snapshot()).toBe(first);
    map.set("b", 2);
    const second = map.snapshot();
    expect(second).not.toBe(first);
    expect([...first]).toEqual([["a", 1]]);
    expect([...second]).toEqual([["a", 1], ["b", 2]]);
  });

  it("keeps a snapshot handed out unchanged by a later delete, and a delete of nothing keeps the copy", () => {
    const map = new SnapshotMap<string, number>();
    map.set("a", 1);
    const before = map.snapshot();
    expect(map.delete("missing")).toBe(false);
    expect(map.snapshot()).toBe(before);
    expect(map.delete("a")).toBe(true);
    expect(map.get("a")).toBeUndefined();
    expect([...before]).toEqual([["a", 1]]);
    expect(map.snapshot().size).toBe(0);
  });
});
