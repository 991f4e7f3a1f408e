import { expect, test } from "@playwright/test";

/**
 * Hostile input to the sign-in machinery of the server with login on: malformed `Authorization`
 * headers and cookies on every kind of endpoint, and malformed bodies and paths for the session,
 * set-up, users and tokens endpoints. No answer may be a 5xx or echo the admin's password. Wrong
 * passwords go to made-up users only, so the throttle never pauses the admin the other specs use.
 */

const ADMIN_PASSWORD = process.env.E2E_ADMIN_PASSWORD!;
const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");
const adminBasic = `Basic ${b64(`admin:${ADMIN_PASSWORD}`)}`;

const authorizations = [
  "Basic",
  "Basic ",
  "Basic ===",
  "Basic !!!!",
  `Basic ${b64("no-colon")}`,
  `Basic ${b64(":")}`,
  `Basic ${b64(`fuzz-nobody:${"x".repeat(3000)}`)}`,
  `Basic ${b64("fuzz-ü✓:päss\u0000word")}`,
  `Basic ${b64("fuzz-nobody:trb_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")}`,
  "Bearer",
  "Bearer trb_",
  "Bearer trb_zz_zz",
  `Bearer ${"x".repeat(5000)}`,
  "Bearer a b c",
  "Negotiate abc",
  "\tBasic\t" + b64("fuzz-nobody:pw"),
];

const cookies = [
  "tributary_session=",
  "tributary_session=%",
  "tributary_session=%E0%A4%A",
  `tributary_session=${"a".repeat(4000)}`,
  "tributary_session=a; tributary_session=b; tributary_csrf=c",
  "tributary_session",
  "=; ;;; tributary_csrf=",
];

const paths = ["/api/connect/connectors", "/api/console/topics", "/api/console/users", "/api/console/tokens", "/api/console/session", "/connectors", "/metrics"];

const bodies: Array<string | undefined> = [
  undefined,
  "",
  "null",
  "[]",
  '"text"',
  "{",
  '{"username": 1, "password": 2}',
  JSON.stringify({ username: "a".repeat(5000), password: "b" }),
  JSON.stringify({ username: "fuzz-nobody", password: { nested: true } }),
  JSON.stringify({ username: "fuzz-nobody", password: "p".repeat(20_000) }),
  JSON.stringify({ name: "../../etc", password: "long enough password", grants: [{ role: "root", connectors: "*" }] }),
  JSON.stringify({ name: "fuzz", password: "long enough password", grants: [{ role: "viewer", connectors: "" }] }),
  JSON.stringify({ name: "x", expiresInDays: -1 }),
  JSON.stringify({ name: "x", expiresInDays: 1e308 }),
  JSON.stringify({ username: "fuzz-nobody", password: "long enough password", setupCode: "x".repeat(500) }),
  JSON.stringify({ extra: true }),
];

const writes: Array<[string, string]> = [
  ["POST", "/api/console/session"],
  ["DELETE", "/api/console/session"],
  ["POST", "/api/console/setup"],
  ["POST", "/api/console/users"],
  ["PUT", "/api/console/users/fuzz-nobody"],
  ["PUT", "/api/console/users/a%2Fb"],
  ["DELETE", "/api/console/users/%00"],
  ["POST", "/api/console/tokens"],
  ["DELETE", "/api/console/tokens/%20"],
  ["DELETE", `/api/console/tokens/${"x".repeat(3000)}`],
];

test("malformed credentials, cookies, bodies and paths get a 4xx, never a 5xx or the admin's password", async ({ baseURL }) => {
  test.setTimeout(120_000);
  const failures: string[] = [];
  const send = async (method: string, path: string, headers: Record<string, string>, body?: string) => {
    const response = await fetch(`${baseURL}${path}`, { method, headers, body, redirect: "manual" });
    const text = await response.text();
    if (response.status >= 500 || text.includes(ADMIN_PASSWORD)) failures.push(`${method} ${path.slice(0, 80)} ${JSON.stringify(headers).slice(0, 120)} ${String(body).slice(0, 80)} → ${response.status} ${text.slice(0, 120)}`);
    return response.status;
  };
  for (const path of paths) {
    for (const authorization of authorizations) await send("GET", path, { authorization });
    for (const cookie of cookies) await send("GET", path, { cookie });
  }
  for (const [method, path] of writes) {
    for (const body of bodies) {
      await send(method, path, { authorization: adminBasic, "content-type": "application/json" }, body);
      await send(method, path, { "content-type": "application/json" }, body);
    }
    await send(method, path, { authorization: adminBasic, "content-type": "text/plain" }, "hello");
  }
  expect(failures).toEqual([]);
  expect(await send("GET", "/api/connect/connectors", { authorization: adminBasic })).toBe(200);
});
