import { describe, expect, it } from "vitest";
import { ALL, allOf, can, reasonOf, roleSummary } from "@/components/auth/can";
import type { Grant, SessionInfo } from "@/server/contracts/auth";

function signedIn(grants: Grant[]): SessionInfo {
  return { auth: "on", user: { name: "ann", grants }, setupRequired: false };
}

describe("can", () => {
  const ann = signedIn([
    { role: "viewer", connectors: "*" },
    { role: "operator", connectors: "orders-*" },
    { role: "editor", connectors: "orders-eu" },
  ]);

  it("allows everything when login is off, or while the session is unknown", () => {
    const off: SessionInfo = { auth: "off", user: null, setupRequired: false };
    expect(can(off, "admin", ALL)).toEqual({ allowed: true });
    expect(can(undefined, "edit", "x")).toEqual({ allowed: true });
  });

  it("refuses everything without a user", () => {
    expect(can({ auth: "on", user: null, setupRequired: false }, "view", "x")).toEqual({ allowed: false, reason: "Sign in first" });
  });

  it("takes the strongest grant covering the connector", () => {
    expect(can(ann, "operate", "orders-1").allowed).toBe(true);
    expect(can(ann, "edit", "orders-eu").allowed).toBe(true);
    expect(can(ann, "view", "billing").allowed).toBe(true);
    expect(can(ann, "operate", "billing")).toEqual({ allowed: false, reason: "Needs the operator role on billing" });
    expect(can(ann, "edit", "orders-1")).toEqual({ allowed: false, reason: "Needs the editor role on orders-1" });
  });

  it("needs the role on * for ALL (topics, DLQs, users)", () => {
    expect(can(ann, "view", ALL).allowed).toBe(true);
    expect(can(ann, "edit", ALL)).toEqual({ allowed: false, reason: "Needs the editor role on all connectors (*)" });
    expect(can(signedIn([{ role: "admin", connectors: "orders-*" }]), "admin", ALL).allowed).toBe(false);
  });

  it("is content with any pattern when no target is named (creating a connector)", () => {
    expect(can(ann, "edit").allowed).toBe(true);
    expect(can(signedIn([{ role: "operator", connectors: "*" }]), "edit")).toEqual({ allowed: false, reason: "Needs the editor role on at least one connector pattern" });
  });

  it("ranks roles cumulatively", () => {
    const admin = signedIn([{ role: "admin", connectors: "*" }]);
    for (const action of ["view", "operate", "edit", "admin"] as const) expect(can(admin, action, "any-name").allowed).toBe(true);
  });
});

describe("roleSummary", () => {
  it("says a single role on * by its name, several grants in full", () => {
    expect(roleSummary([{ role: "admin", connectors: "*" }])).toBe("admin");
    expect(roleSummary([{ role: "viewer", connectors: "*" }, { role: "editor", connectors: "orders-*" }])).toBe("viewer on *, editor on orders-*");
    expect(roleSummary([])).toBe("no role");
  });
});

describe("allOf", () => {
  it("gives the first refusal, naming its connector", () => {
    const viewer = signedIn([{ role: "viewer", connectors: "*" }, { role: "operator", connectors: "a" }]);
    expect(allOf(["a", "b", "c"].map((name) => can(viewer, "operate", name)))).toEqual({ allowed: false, reason: "Needs the operator role on b" });
    expect(allOf([can(viewer, "operate", "a")])).toEqual({ allowed: true });
    expect(reasonOf(can(viewer, "edit", "a"))).toBe("Needs the editor role on a");
  });
});
