import { describe, expect, it } from "vitest";
import { addToChain, aliasProblem, chainAliases, moveInChain, removeFromChain } from "@/components/connector-form/config-chain";

const INSERT = "org.apache.kafka.connect.transforms.InsertField$Value";
const FILTER = "org.apache.kafka.connect.transforms.Filter";
const MATCHES = "org.apache.kafka.connect.transforms.predicates.TopicNameMatches";

describe("transform and predicate chains", () => {
  it("reads aliases as Kafka Connect does: trimmed, blanks left out", () => {
    expect(chainAliases({ transforms: " a, b ,,c " }, "transforms")).toEqual(["a", "b", "c"]);
    expect(chainAliases({}, "predicates")).toEqual([]);
  });

  it("adds a transform at the end with its type", () => {
    const once = addToChain({ name: "c" }, "transforms", "insert", INSERT);
    expect(once).toEqual({ name: "c", transforms: "insert", "transforms.insert.type": INSERT });
    expect(addToChain(once, "transforms", "drop", FILTER)).toMatchObject({ transforms: "insert,drop", "transforms.drop.type": FILTER });
  });

  it("explains what is wrong with an alias", () => {
    const config = { transforms: "insert" };
    expect(aliasProblem(config, "transforms", "")).toMatch(/alias/);
    expect(aliasProblem(config, "transforms", "a,b")).toMatch(/letters, digits/);
    expect(aliasProblem(config, "transforms", "has space")).toMatch(/letters, digits/);
    expect(aliasProblem(config, "transforms", "insert")).toMatch(/already used/);
    expect(aliasProblem(config, "transforms", "route_1")).toBeNull();
    expect(aliasProblem(config, "predicates", "insert")).toBeNull();
  });

  it("removes an alias with all its keys and drops the list key with its last alias", () => {
    const config = { transforms: "a,b", "transforms.a.type": INSERT, "transforms.a.static.field": "f", "transforms.b.type": FILTER, "transforms.ab.type": INSERT };
    const withoutA = removeFromChain(config, "transforms", "a");
    expect(withoutA).toEqual({ transforms: "b", "transforms.b.type": FILTER, "transforms.ab.type": INSERT });
    expect(removeFromChain(withoutA, "transforms", "b")).toEqual({ "transforms.ab.type": INSERT });
  });

  it("removing a predicate clears the transforms' references to it, and only those", () => {
    const config = {
      transforms: "drop,keep",
      "transforms.drop.type": FILTER,
      "transforms.drop.predicate": "isTest",
      "transforms.drop.negate": "true",
      "transforms.keep.type": FILTER,
      "transforms.keep.predicate": "other",
      predicates: "isTest,other",
      "predicates.isTest.type": MATCHES,
      "predicates.isTest.pattern": "test-.*",
      "predicates.other.type": MATCHES,
    };
    const next = removeFromChain(config, "predicates", "isTest");
    expect(next.predicates).toBe("other");
    expect(next).not.toHaveProperty("predicates.isTest.type");
    expect(next).not.toHaveProperty("predicates.isTest.pattern");
    expect(next).not.toHaveProperty("transforms.drop.predicate");
    expect(next).not.toHaveProperty("transforms.drop.negate");
    expect(next["transforms.keep.predicate"]).toBe("other");
  });

  it("moves an alias up and down, clamped to the ends, without touching its keys", () => {
    const config = { transforms: "a,b,c", "transforms.a.type": INSERT };
    expect(moveInChain(config, "transforms", "c", -1).transforms).toBe("a,c,b");
    expect(moveInChain(config, "transforms", "a", 1).transforms).toBe("b,a,c");
    expect(moveInChain(config, "transforms", "a", -1).transforms).toBe("a,b,c");
    expect(moveInChain(config, "transforms", "b", 5).transforms).toBe("a,c,b");
    expect(moveInChain(config, "transforms", "missing", 1)).toEqual(config);
    expect(moveInChain(config, "transforms", "a", 1)["transforms.a.type"]).toBe(INSERT);
  });
});
