import { describe, expect, it } from "vitest";
import { JavaHashMap } from "@/server/plugins/api/data/java-hash-map";

describe("JavaHashMap", () => {
  it("iterates as Kafka Connect's InsertField leaves a copied HashMap (order taken from Kafka 4.4 on Java 17)", () => {
    const value = new Map<string, unknown>(["id", "name", "ratio", "active", "epoch", "when", "address", "tags", "note"].map((key) => [key, 1]));
    const map = JavaHashMap.copyOf(value);
    for (const key of ["topic", "ts", "source"]) map.set(key, 2);
    expect([...map.toMap().keys()]).toEqual(["note", "address", "name", "active", "topic", "epoch", "id", "source", "when", "ratio", "tags", "ts"]);
  });

  it("sizes a table from its initial capacity, keeps an overwritten key in place, forgets a deleted one", () => {
    const map = new JavaHashMap<string, number>(3);
    for (const key of ["name", "id", "tags"]) map.set(key, 1);
    map.set("name", 2);
    expect([...map.toMap()]).toEqual([["name", 2], ["id", 1], ["tags", 1]]);
    map.delete("id");
    expect([...map.toMap().keys()]).toEqual(["name", "tags"]);
  });

  it("keeps insertion order when a key's Java hash is unknown", () => {
    const map = new JavaHashMap<unknown, number>();
    map.set("b", 1).set(new Uint8Array([1]), 2).set("a", 3);
    expect([...map.toMap().values()]).toEqual([1, 2, 3]);
  });
});
