import { describe, expect, it } from "vitest";
import { configDiff } from "@/components/connector-form/config-diff";
import { MASK } from "@/components/connectors/connector-config";

const isSecret = (key: string) => key.endsWith("password");

describe("configDiff", () => {
  it("lists added, removed and changed keys, sorted, and leaves equal keys out", () => {
    const before = { name: "c", topic: "a", file: "/tmp/in", "tasks.max": "1" };
    const after = { name: "c", topic: "b", "tasks.max": "1", "batch.size": "10" };
    expect(configDiff(before, after, isSecret)).toEqual([
      { key: "batch.size", kind: "added", after: "10", secret: false },
      { key: "file", kind: "removed", before: "/tmp/in", secret: false },
      { key: "topic", kind: "changed", before: "a", after: "b", secret: false },
    ]);
  });

  it("masks secret values whether added, removed or changed", () => {
    const changes = configDiff({ "db.password": "old", "old.password": "x" }, { "db.password": "new", "new.password": "y" }, isSecret);
    expect(changes).toEqual([
      { key: "db.password", kind: "changed", before: MASK, after: MASK, secret: true },
      { key: "new.password", kind: "added", after: MASK, secret: true },
      { key: "old.password", kind: "removed", before: MASK, secret: true },
    ]);
    expect(JSON.stringify(changes)).not.toMatch(/old"|new"|"x"|"y"/);
  });

  it("tells an emptied value from a removed key", () => {
    expect(configDiff({ topic: "a" }, { topic: "" }, isSecret)).toEqual([{ key: "topic", kind: "changed", before: "a", after: "", secret: false }]);
  });

  it("finds nothing between identical configs", () => {
    expect(configDiff({ a: "1" }, { a: "1" }, isSecret)).toEqual([]);
  });
});
