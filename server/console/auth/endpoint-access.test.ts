import { describe, expect, it } from "vitest";
import { connectEndpointAccess, endpointAccess } from "@/server/console/auth/endpoint-access";

describe("endpointAccess", () => {
  it("reads the connector from the path of the Connect API, decoded", () => {
    expect(endpointAccess("PUT", "/api/connect/connectors/my%20conn/pause")).toEqual({ role: "operator", scope: { kind: "connector", name: "my conn" }, event: "connector.pause" });
    expect(endpointAccess("GET", "/api/connect/connectors/a/tasks/0/status")).toEqual({ role: "viewer", scope: { kind: "connector", name: "a" } });
    expect(endpointAccess("POST", "/api/connect/connectors/a/tasks/0/restart").event).toBe("task.restart");
  });

  it("leaves a create's connector to its body", () => {
    expect(endpointAccess("POST", "/api/connect/connectors")).toEqual({ role: "editor", scope: { kind: "body" }, event: "connector.create" });
  });

  it("keeps health, the root and the session public", () => {
    expect(endpointAccess("GET", "/api/connect").role).toBe("public");
    expect(endpointAccess("GET", "/api/connect/health").role).toBe("public");
    expect(endpointAccess("POST", "/api/console/session").role).toBe("public");
    expect(endpointAccess("GET", "/login").role).toBe("public");
  });

  it("needs `*` grants for what is not one connector's", () => {
    expect(endpointAccess("POST", "/api/console/dlq/topics/dlq-x/replay")).toEqual({ role: "editor", scope: { kind: "all" }, event: "dlq.replay" });
    expect(endpointAccess("GET", "/metrics")).toEqual({ role: "viewer", scope: { kind: "all" } });
    expect(endpointAccess("GET", "/api/console/users").role).toBe("admin");
  });

  it("asks a signed-in user for unknown paths, pages and bad encodings", () => {
    for (const [method, path] of [["GET", "/connectors"], ["GET", "/api/connect/nope"], ["TRACE", "/api/connect/connectors"], ["GET", "/api/connect/connectors/%E0%A4%A"]] as const) {
      expect(endpointAccess(method, path)).toEqual({ role: "viewer", scope: { kind: "any" } });
    }
  });

  it("serves the worker's listener from the same table (segments below its root), HEAD as GET", () => {
    expect(connectEndpointAccess("DELETE", ["connectors", "a", "offsets"]).event).toBe("connector.offsets.reset");
    expect(connectEndpointAccess("HEAD", ["connectors"])).toEqual({ role: "viewer", scope: { kind: "any" } });
  });
});
