import { expect, test } from "@playwright/test";
import { ROLES, type Grant, type Role } from "@/server/contracts/auth";
import { endpointRules, type EndpointRule } from "@/server/console/auth/endpoint-access";

/**
 * Every endpoint of server/console/auth/endpoint-access.ts through the real proxy of a server
 * with login on (project `auth`, see playwright.config.ts): refused without credentials, allowed
 * or refused with 403 for each role as the table says, plus sessions, CSRF, Basic, tokens and
 * sign-out. Requests go to connectors and topics that do not exist, so an allowed write answers
 * 4xx and changes nothing.
 */

const ADMIN_PASSWORD = process.env.E2E_ADMIN_PASSWORD!;
const suffix = Date.now().toString(36);
const basicOf = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
const adminBasic = basicOf("admin", ADMIN_PASSWORD);

interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

interface CallOptions {
  authorization?: string;
  cookie?: string;
  csrf?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

let base = "";

/** One request without a cookie jar, redirects not followed; an event stream is answered by its headers. */
async function call(method: string, path: string, options: CallOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.authorization) headers.authorization = options.authorization;
  if (options.cookie) headers.cookie = options.cookie;
  if (options.csrf) headers["x-csrf-token"] = options.csrf;
  const writes = ["POST", "PUT", "PATCH"].includes(method);
  if (writes) headers["content-type"] = "application/json";
  const controller = new AbortController();
  const response = await fetch(`${base}${path}`, {
    method,
    headers,
    body: writes ? JSON.stringify(options.body ?? {}) : undefined,
    redirect: "manual",
    signal: controller.signal,
  });
  if ((response.headers.get("content-type") ?? "").includes("event-stream")) {
    controller.abort();
    return { status: response.status, headers: response.headers, body: undefined };
  }
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: pages, Next's 404.
  }
  return { status: response.status, headers: response.headers, body };
}

/** A request path for a rule: `:connector` → `connector`, `*` → `0` (no such task, topic, user, token, plugin or replay). */
function pathOf(rule: EndpointRule, connector: string): string {
  const root = rule.api === "connect" ? "/api/connect" : "/api/console";
  return `${root}${rule.path.map((part) => `/${part === ":connector" ? connector : part === "*" ? "0" : part}`).join("")}`;
}

/** The body of a write: one that fails validation or names nothing that exists. */
function bodyOf(rule: EndpointRule): unknown {
  if (rule.path[0] === "admin") return { level: "NOPE" };
  return {};
}

const rank = (role: Role) => ROLES.indexOf(role);

interface Caller {
  label: string;
  grants: Grant[];
  authorization: string;
}

const callers: Caller[] = [];
const rules = endpointRules().filter((rule) => rule.role !== "public");

/** What the table promises `caller` on `rule` for connector `connector`. */
function allowed(caller: Caller, rule: EndpointRule, connector: string): boolean {
  const needed = rule.role as Role;
  const covering = caller.grants.filter((grant) => {
    if (rule.scope === "all") return grant.connectors === "*";
    if (rule.scope === "connector") return grant.connectors === "*" || connector.startsWith(grant.connectors.replace(/\*$/, ""));
    return true;
  });
  return covering.some((grant) => rank(grant.role) >= rank(needed));
}

test.beforeAll(async ({ baseURL }) => {
  base = baseURL!;
  const people: Array<[string, Grant[]]> = [
    ["viewer", [{ role: "viewer", connectors: "*" }]],
    ["operator", [{ role: "operator", connectors: "*" }]],
    ["editor", [{ role: "editor", connectors: "*" }]],
    ["orders-editor", [{ role: "editor", connectors: "orders-*" }]],
  ];
  for (const [role, grants] of people) {
    const name = `${role}-${suffix}`;
    const password = `${name}-password`;
    const created = await call("POST", "/api/console/users", { authorization: adminBasic, body: { name, password, grants } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const token = await call("POST", "/api/console/tokens", { authorization: basicOf(name, password), body: { name: "e2e" } });
    expect(token.status).toBe(201);
    callers.push({ label: role, grants, authorization: `Bearer ${(token.body as { token: string }).token}` });
  }
  callers.push({ label: "admin", grants: [{ role: "admin", connectors: "*" }], authorization: adminBasic });
});

test("without credentials every endpoint answers 401 in its API's shape, and pages go to /login", async () => {
  for (const rule of rules) {
    const path = pathOf(rule, "orders-x");
    const answer = await call(rule.method, path, { body: bodyOf(rule) });
    expect(answer.status, `${rule.method} ${path}`).toBe(401);
    const body = answer.body as Record<string, unknown>;
    expect(body.error_code).toBe(401);
    if (rule.api === "console") expect(body.code).toBe("auth.required");
    else expect(Object.keys(body).sort()).toEqual(["error_code", "message"]);
    expect(answer.headers.get("www-authenticate")).toBe(rule.api === "connect" ? 'Basic realm="Tributary"' : null);
  }
  const metrics = await call("GET", "/metrics");
  expect(metrics.status).toBe(401);
  expect(metrics.headers.get("www-authenticate")).toBe('Basic realm="Tributary"');
  for (const page of ["/", "/connectors", "/connectors/orders-x?tab=config"]) {
    const answer = await call("GET", page);
    expect(answer.status, page).toBe(307);
    // Next turns a same-origin absolute Location into a relative one.
    expect(answer.headers.get("location")).toBe(`/login?next=${encodeURIComponent(page)}`);
  }
  expect((await call("GET", "/login")).status).not.toBe(307);
  expect((await call("GET", "/api/connect/health")).status).toBe(200);
  expect((await call("GET", "/api/console/session")).body).toMatchObject({ auth: "on", user: null, setupRequired: false });
});

test("each role gets what endpoint-access.ts grants it, and 403 naming the role otherwise", async () => {
  test.setTimeout(120_000);
  const failures: string[] = [];
  for (const rule of rules) {
    for (const caller of callers) {
      for (const connector of rule.scope === "connector" ? ["orders-x", "billing-x"] : ["orders-x"]) {
        const path = pathOf(rule, connector);
        const answer = await call(rule.method, path, { authorization: caller.authorization, body: bodyOf(rule) });
        const expected = allowed(caller, rule, connector);
        const what = `${caller.label} ${rule.method} ${path} → ${answer.status} ${String(JSON.stringify(answer.body)).slice(0, 160)}`;
        if (expected && (answer.status === 401 || answer.status === 403 || answer.status >= 500)) failures.push(`should be allowed: ${what}`);
        if (!expected) {
          const body = answer.body as Record<string, unknown>;
          const ok = answer.status === 403 && String(body.message).includes(`needs the ${rule.role} role`) && (rule.api === "connect" || body.code === "auth.forbidden");
          if (!ok) failures.push(`should be 403: ${what}`);
        }
      }
    }
  }
  const viewerMetrics = await call("GET", "/metrics", { authorization: callers[0]!.authorization });
  expect(viewerMetrics.status).toBe(200);
  expect((await call("GET", "/metrics", { authorization: callers[3]!.authorization })).status).toBe(403);
  expect(failures).toEqual([]);
});

test("a create needs the editor role on the connector its body names", async () => {
  const ordersEditor = callers.find((caller) => caller.label === "orders-editor")!;
  const billing = await call("POST", "/api/connect/connectors", { authorization: ordersEditor.authorization, body: { name: "billing-1", config: {} } });
  expect(billing.status).toBe(403);
  expect((billing.body as { message: string }).message).toContain("connector 'billing-1'");
  const orders = await call("POST", "/api/connect/connectors", { authorization: ordersEditor.authorization, body: { name: "orders-1", config: {} } });
  expect(orders.status).toBe(400);
});

test("lists show only the connectors a user may view", async () => {
  const names = [`orders-${suffix}`, `billing-${suffix}`];
  for (const name of names) {
    const created = await call("POST", "/api/connect/connectors", {
      authorization: adminBasic,
      body: { name, config: { "connector.class": "FileStreamSource", file: "/nonexistent/e2e", topic: `e2e-auth-${suffix}`, "tasks.max": "1" }, initial_state: "STOPPED" },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
  }
  try {
    const ordersEditor = callers.find((caller) => caller.label === "orders-editor")!;
    const list = await call("GET", "/api/connect/connectors", { authorization: ordersEditor.authorization });
    expect(list.body).toContain(names[0]);
    expect(list.body).not.toContain(names[1]);
    const expanded = await call("GET", "/api/connect/connectors?expand=status", { authorization: ordersEditor.authorization });
    expect(Object.keys(expanded.body as object)).toContain(names[0]);
    expect(Object.keys(expanded.body as object)).not.toContain(names[1]);
    const all = await call("GET", "/api/connect/connectors", { authorization: adminBasic });
    expect(all.body).toEqual(expect.arrayContaining(names));
  } finally {
    for (const name of names) await call("DELETE", `/api/connect/connectors/${name}`, { authorization: adminBasic });
  }
});

test("a session signs in, needs its CSRF token on writes, and signs out", async () => {
  const name = `editor-${suffix}`;
  const wrong = await call("POST", "/api/console/session", { body: { username: name, password: "not the password" } });
  expect(wrong.status).toBe(401);
  expect((wrong.body as { code: string }).code).toBe("auth.invalid_credentials");
  const login = await call("POST", "/api/console/session", { body: { username: name, password: `${name}-password` } });
  expect(login.status).toBe(200);
  expect(login.body).toEqual({ user: { name, grants: [{ role: "editor", connectors: "*" }] } });
  const cookies = login.headers.getSetCookie();
  expect(cookies.find((cookie) => cookie.startsWith("tributary_session="))).toMatch(/HttpOnly; SameSite=Lax/);
  expect(cookies.find((cookie) => cookie.startsWith("tributary_csrf="))).toMatch(/SameSite=Strict/);
  const cookie = cookies.map((value) => value.split(";")[0]).join("; ");
  const info = (await call("GET", "/api/console/session", { cookie })).body as { user: { name: string }; csrfToken: string };
  expect(info.user.name).toBe(name);
  expect(cookie).toContain(`tributary_csrf=${info.csrfToken}`);

  expect((await call("GET", "/api/connect/connectors", { cookie })).status).toBe(200);
  expect((await call("GET", "/connectors", { cookie })).status).toBe(200);
  const noCsrf = await call("PUT", "/api/connect/connectors/orders-x/pause", { cookie });
  expect(noCsrf.status).toBe(403);
  expect((await call("POST", "/api/console/dlq/topics/0/purge", { cookie })).body).toMatchObject({ code: "auth.csrf" });
  expect((await call("PUT", "/api/connect/connectors/orders-x/pause", { cookie, csrf: "wrong" })).status).toBe(403);
  expect((await call("PUT", "/api/connect/connectors/orders-x/pause", { cookie, csrf: info.csrfToken })).status).toBe(404);
  const editor = callers.find((caller) => caller.label === "editor")!;
  expect((await call("PUT", "/api/connect/connectors/orders-x/pause", { authorization: editor.authorization })).status).toBe(404);

  const logout = await call("DELETE", "/api/console/session", { cookie, csrf: info.csrfToken });
  expect(logout.status).toBe(204);
  expect(logout.headers.getSetCookie().every((value) => value.includes("Max-Age=0"))).toBe(true);
  expect((await call("GET", "/api/connect/connectors", { cookie })).status).toBe(401);
  expect((await call("GET", "/api/console/session", { cookie })).body).toMatchObject({ user: null });
});

test("Basic takes a password or a token, and the principal header cannot be forged", async () => {
  expect((await call("GET", "/api/connect/connectors", { authorization: adminBasic })).status).toBe(200);
  const wrong = await call("GET", "/api/connect/connectors", { authorization: basicOf("admin", "wrong password") });
  expect(wrong.status).toBe(401);
  expect(wrong.headers.get("www-authenticate")).toBe('Basic realm="Tributary"');
  const viewer = callers.find((caller) => caller.label === "viewer")!;
  const token = viewer.authorization.slice("Bearer ".length);
  expect((await call("GET", "/api/connect/connectors", { authorization: basicOf(`viewer-${suffix}`, token) })).status).toBe(200);
  const forged = Buffer.from(JSON.stringify({ user: "admin", via: "session", grants: [{ role: "admin", connectors: "*" }], address: "" })).toString("base64url");
  expect((await call("GET", "/api/connect/connectors", { headers: { "x-tributary-principal": forged } })).status).toBe(401);
  expect((await call("GET", "/api/console/users", { authorization: viewer.authorization, headers: { "x-tributary-principal": forged } })).status).toBe(403);
});

test("a token is shown once, listed without its secret, and stops working when deleted", async () => {
  const name = `operator-${suffix}`;
  const basic = basicOf(name, `${name}-password`);
  const created = await call("POST", "/api/console/tokens", { authorization: basic, body: { name: "short-lived", expiresInDays: 1 } });
  expect(created.status).toBe(201);
  const { id, token, expiresAt } = created.body as { id: string; token: string; expiresAt: string };
  expect(token).toMatch(/^trb_/);
  expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now());
  const listed = await call("GET", "/api/console/tokens", { authorization: `Bearer ${token}` });
  expect(JSON.stringify(listed.body)).not.toContain(token.slice(-20));
  const mine = (listed.body as { tokens: Array<Record<string, unknown>> }).tokens;
  expect(mine.every((row) => row.user === name)).toBe(true);
  expect(mine.find((row) => row.id === id)).not.toHaveProperty("hash");
  const everyone = ((await call("GET", "/api/console/tokens", { authorization: adminBasic })).body as { tokens: Array<{ user: string }> }).tokens;
  expect(new Set(everyone.map((row) => row.user)).size).toBeGreaterThan(1);
  const viewer = callers.find((caller) => caller.label === "viewer")!;
  expect((await call("DELETE", `/api/console/tokens/${id}`, { authorization: viewer.authorization })).status).toBe(404);
  expect((await call("DELETE", `/api/console/tokens/${id}`, { authorization: `Bearer ${token}` })).status).toBe(204);
  expect((await call("GET", "/api/connect/connectors", { authorization: `Bearer ${token}` })).status).toBe(401);
});

test("users: passwords of 12 characters, no hashes shown, the last admin stays", async () => {
  const short = await call("POST", "/api/console/users", { authorization: adminBasic, body: { name: `short-${suffix}`, password: "short", grants: [{ role: "viewer", connectors: "*" }] } });
  expect(short.status).toBe(400);
  expect((short.body as { message: string }).message).toContain("12 characters");
  const users = ((await call("GET", "/api/console/users", { authorization: adminBasic })).body as { users: Array<Record<string, unknown>> }).users;
  expect(users.map((user) => user.name)).toContain("admin");
  expect(JSON.stringify(users)).not.toContain("scrypt");
  expect((await call("DELETE", "/api/console/users/admin", { authorization: adminBasic })).status).toBe(409);
  const demote = await call("PUT", "/api/console/users/admin", { authorization: adminBasic, body: { grants: [{ role: "viewer", connectors: "*" }] } });
  expect(demote.status).toBe(409);
  expect((demote.body as { code: string }).code).toBe("auth.last_admin");
  const gone = `viewer-${suffix}`;
  const viewer = callers.find((caller) => caller.label === "viewer")!;
  expect((await call("DELETE", `/api/console/users/${gone}`, { authorization: adminBasic })).status).toBe(204);
  expect((await call("GET", "/api/connect/connectors", { authorization: viewer.authorization })).status).toBe(401);
});
