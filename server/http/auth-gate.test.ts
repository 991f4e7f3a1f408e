import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuthService } from "@/server/console/auth/auth-service";
import { installAuth, uninstallAuth } from "@/server/console/auth/auth-slot";
import { authTestDatabase } from "@/server/console/auth/testing/auth-db";
import { authGate } from "@/server/http/auth-gate";

const database = authTestDatabase();
let service: AuthService;
const request = (method: string, path: string, headers: Record<string, string> = {}) => new Request(`http://console${path}`, { method, headers });
const refusal = async (outcome: Awaited<ReturnType<typeof authGate>>) => {
  if (!outcome.refusal) throw new Error("expected a refusal");
  return { status: outcome.refusal.status, headers: outcome.refusal.headers, body: await outcome.refusal.text() };
};

beforeAll(async () => {
  service = new AuthService("on", database.db, { sessionTtlMs: 3_600_000 });
  await installAuth(() => service, async (auth) => void (await auth.prepareFirstAdmin("admin", "gate admin password"))).ready;
});
afterAll(async () => {
  uninstallAuth();
  await database.close();
});

describe("authGate", () => {
  it("answers 503 before the service is installed with login on, except on public endpoints; with login off lets everyone in as anonymous", async () => {
    uninstallAuth();
    const previous = process.env.TRIBUTARY_AUTH;
    try {
      process.env.TRIBUTARY_AUTH = "on";
      expect((await refusal(await authGate(request("GET", "/api/console/topics")))).status).toBe(503);
      expect(await authGate(request("GET", "/api/console/session"))).toEqual({});
      process.env.TRIBUTARY_AUTH = "off";
      const outcome = await authGate(request("GET", "/connectors"));
      if (outcome.refusal) throw new Error(`refused: ${outcome.refusal.status}`);
      expect(outcome.principal).toMatchObject({ user: "anonymous", via: "none", grants: [{ role: "admin", connectors: "*" }] });
    } finally {
      if (previous === undefined) delete process.env.TRIBUTARY_AUTH;
      else process.env.TRIBUTARY_AUTH = previous;
      installAuth(() => service, async () => undefined);
    }
  });

  it("refuses a missing login in each API's shape, and sends pages to /login", async () => {
    const connect = await refusal(await authGate(request("GET", "/api/connect/connectors")));
    expect(connect).toMatchObject({ status: 401 });
    expect(connect.headers.get("www-authenticate")).toBe('Basic realm="Tributary"');
    expect(Object.keys(JSON.parse(connect.body))).toEqual(["error_code", "message"]);
    const console = await refusal(await authGate(request("DELETE", "/api/console/users/x")));
    expect(JSON.parse(console.body)).toMatchObject({ error_code: 401, code: "auth.required" });
    expect(console.headers.get("www-authenticate")).toBeNull();
    const page = await refusal(await authGate(request("GET", "/connectors/a?tab=config")));
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toBe("http://console/login?next=%2Fconnectors%2Fa%3Ftab%3Dconfig");
  });

  it("checks the CSRF token of session writes only, and the role", async () => {
    await service.admin.create({ name: "op", password: "operator password", grants: [{ role: "operator", connectors: "*" }] });
    const { session } = await service.login("op", "operator password", "");
    const cookie = `tributary_session=${session.secret}`;
    expect(await authGate(request("GET", "/api/connect/connectors", { cookie }))).toMatchObject({ principal: { user: "op", via: "session" } });
    expect(JSON.parse((await refusal(await authGate(request("PUT", "/api/connect/connectors/a/pause", { cookie })))).body).message).toContain("CSRF");
    expect(await authGate(request("PUT", "/api/connect/connectors/a/pause", { cookie, "x-csrf-token": session.csrfToken }))).toMatchObject({ principal: { user: "op" } });
    const forbidden = await refusal(await authGate(request("DELETE", "/api/console/users/x", { cookie, "x-csrf-token": session.csrfToken })));
    expect(JSON.parse(forbidden.body)).toMatchObject({ error_code: 403, code: "auth.forbidden", message: "This needs the admin role on all connectors (`*`); you are an operator there." });
    const token = await service.tokens.create("op", "t");
    expect(await authGate(request("PUT", "/api/connect/connectors/a/pause", { authorization: `Bearer ${token.token}` }))).toMatchObject({ principal: { via: "token" } });
    expect(await authGate(request("POST", "/api/console/session", { cookie }))).toMatchObject({ principal: { user: "op" } });
  });
});
