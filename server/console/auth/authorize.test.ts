import { describe, expect, it } from "vitest";
import { authorize, mayActOnConnector } from "@/server/console/auth/authorize";
import { endpointAccess } from "@/server/console/auth/endpoint-access";

const editorOfOrders = [{ role: "editor" as const, connectors: "orders-*" }];
const viewer = [{ role: "viewer" as const, connectors: "*" }];
const allowed = (grants: typeof viewer | typeof editorOfOrders, method: string, path: string) => authorize(grants, endpointAccess(method, path)).allowed;

describe("authorize", () => {
  it("checks the role on the connector named in the path", () => {
    expect(allowed(editorOfOrders, "PUT", "/api/connect/connectors/orders-1/config")).toBe(true);
    expect(allowed(editorOfOrders, "PUT", "/api/connect/connectors/billing/config")).toBe(false);
    expect(allowed(viewer, "PUT", "/api/connect/connectors/orders-1/pause")).toBe(false);
    expect(allowed(viewer, "GET", "/api/connect/connectors/orders-1/status")).toBe(true);
  });

  it("needs the role on `*` for what is everyone's, and any grant for lists", () => {
    expect(allowed(editorOfOrders, "GET", "/api/console/topics")).toBe(false);
    expect(allowed(viewer, "GET", "/api/console/topics")).toBe(true);
    expect(allowed(editorOfOrders, "GET", "/api/connect/connectors")).toBe(true);
    expect(allowed(editorOfOrders, "POST", "/api/connect/connectors")).toBe(true);
    expect(allowed(viewer, "POST", "/api/connect/connectors")).toBe(false);
    expect(allowed([], "GET", "/connectors")).toBe(false);
    expect(allowed([], "GET", "/api/console/session")).toBe(true);
  });

  it("says which role is needed where", () => {
    const decision = authorize(viewer, endpointAccess("DELETE", "/api/connect/connectors/orders-1"));
    expect(decision).toEqual({ allowed: false, message: "This needs the editor role on connector 'orders-1'; you are a viewer there." });
    expect(mayActOnConnector(editorOfOrders, "billing", "editor")).toEqual({ allowed: false, message: "This needs the editor role on connector 'billing'; you have no role there." });
    expect(mayActOnConnector(editorOfOrders, "orders-x", "editor").allowed).toBe(true);
  });
});
