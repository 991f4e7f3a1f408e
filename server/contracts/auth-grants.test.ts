import { describe, expect, it } from "vitest";
import { atLeast, patternMatches, roleOn, roleOnAll, roleOnAny } from "@/server/contracts/auth-grants";

describe("patternMatches", () => {
  it.each([
    ["*", "anything", true],
    ["orders", "orders", true],
    ["orders", "orders-1", false],
    ["orders-*", "orders-1", true],
    ["orders-*", "orders-", true],
    ["orders-*", "order", false],
    ["*-sink", "pg-sink", true],
    ["*-sink", "pg-source", false],
    ["a*b*c", "abc", true],
    ["a*b*c", "axxbyyc", true],
    ["a*b*c", "acb", false],
    ["ab*ba", "aba", false],
  ])("%s against %s → %s", (pattern, name, expected) => {
    expect(patternMatches(pattern, name)).toBe(expected);
  });
});

describe("roles", () => {
  const grants = [
    { role: "viewer" as const, connectors: "*" },
    { role: "editor" as const, connectors: "orders-*" },
  ];

  it("takes the strongest grant that covers a connector", () => {
    expect(roleOn(grants, "orders-1")).toBe("editor");
    expect(roleOn(grants, "billing")).toBe("viewer");
    expect(roleOn([{ role: "operator", connectors: "x-*" }], "y")).toBeUndefined();
  });

  it("counts only `*` grants for everything, and any grant for `any`", () => {
    expect(roleOnAll(grants)).toBe("viewer");
    expect(roleOnAny(grants)).toBe("editor");
    expect(roleOnAll([{ role: "admin", connectors: "a*" }])).toBeUndefined();
  });

  it("orders viewer < operator < editor < admin", () => {
    expect(atLeast("editor", "operator")).toBe(true);
    expect(atLeast("operator", "editor")).toBe(false);
    expect(atLeast(undefined, "viewer")).toBe(false);
  });
});
