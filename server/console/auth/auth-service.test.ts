import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuthService } from "@/server/console/auth/auth-service";
import { authTestDatabase } from "@/server/console/auth/testing/auth-db";
import type { Database } from "@/server/storage/prisma/database";

let database: { db: Database; close: () => Promise<void> };
let clock = Date.parse("2026-12-02T12:00:00Z");
const now = () => clock;
let auth: AuthService;
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
const present = (authorization: string | null, sessionSecret?: string, address = "10.0.0.1") => ({ authorization, sessionSecret, address });

beforeAll(async () => {
  database = authTestDatabase();
  auth = new AuthService("on", database.db, { sessionTtlMs: 3_600_000, now });
});
afterAll(() => database.close());

describe("first admin", () => {
  it("makes a set-up code while no user exists, and takes it once", async () => {
    const code = await auth.prepareFirstAdmin("admin", undefined);
    expect(code).toMatch(/^[\w-]{12}$/);
    expect(await auth.setupRequired()).toBe(true);
    await expect(auth.setup("root", "long enough password", "wrong", "a")).rejects.toMatchObject({ code: "auth.setup_code" });
    await expect(auth.setup("root", "short", code!, "a")).rejects.toMatchObject({ code: "request.invalid", message: expect.stringContaining("12 characters") });
    const signed = await auth.setup("root", "long enough password", code!, "a");
    expect(signed.user).toEqual({ name: "root", grants: [{ role: "admin", connectors: "*" }] });
    await expect(auth.setup("other", "long enough password", code!, "a")).rejects.toMatchObject({ code: "auth.setup_done" });
    expect(await auth.setupRequired()).toBe(false);
  });

  it("creates the admin from TRIBUTARY_ADMIN_PASSWORD, refusing a short one", async () => {
    const other = authTestDatabase();
    const service = new AuthService("on", other.db, { sessionTtlMs: 1000 });
    await expect(service.prepareFirstAdmin("admin", "short")).rejects.toMatchObject({ code: "config.invalid_value" });
    expect(await service.prepareFirstAdmin("admin", "a very long admin password")).toBeUndefined();
    expect((await service.login("admin", "a very long admin password", "x")).user.name).toBe("admin");
    await other.close();
  });
});

describe("sessions", () => {
  it("signs in, finds the session by its secret only, slides and expires it, and signs out", async () => {
    const { session } = await auth.login("root", "long enough password", "10.0.0.1");
    const row = await database.db.session.findFirstOrThrow({ where: { userName: "root" } });
    expect(row.id).not.toBe(session.secret);
    const found = await auth.authenticate(present(null, session.secret));
    expect(found).toMatchObject({ principal: { user: "root", via: "session" }, csrfToken: session.csrfToken });
    clock += 50 * 60_000;
    expect(await auth.authenticate(present(null, session.secret))).toBeDefined();
    clock += 50 * 60_000;
    expect(await auth.authenticate(present(null, session.secret))).toBeDefined();
    clock += 61 * 60_000;
    expect(await auth.authenticate(present(null, session.secret))).toBeUndefined();
    const second = await auth.login("root", "long enough password", "10.0.0.1");
    await auth.logout(second.session.secret);
    expect(await auth.authenticate(present(null, second.session.secret))).toBeUndefined();
    expect(await auth.authenticate(present(null, "not-a-session"))).toBeUndefined();
  });

  it("refuses a wrong password and an unknown user alike", async () => {
    await expect(auth.login("root", "wrong password!!", "10.0.0.9")).rejects.toMatchObject({ code: "auth.invalid_credentials" });
    await expect(auth.login("nobody", "wrong password!!", "10.0.0.9")).rejects.toMatchObject({ code: "auth.invalid_credentials", message: "The user name or password is wrong." });
  });
});

describe("throttle", () => {
  it("pauses a name and address after 10 failures in 5 minutes, even with the right password", async () => {
    for (let i = 0; i < 10; i++) await expect(auth.login("root", "wrong password!!", "10.9.9.9")).rejects.toMatchObject({ code: "auth.invalid_credentials" });
    await expect(auth.login("root", "long enough password", "10.9.9.9")).rejects.toMatchObject({ code: "auth.throttled" });
    expect((await auth.login("root", "long enough password", "10.9.9.8")).user.name).toBe("root");
    clock += 5 * 60_000 + 1;
    expect((await auth.login("root", "long enough password", "10.9.9.9")).user.name).toBe("root");
  });
});

describe("tokens and Basic", () => {
  it("shows a token once, stores only its hash, honours expiry and deletion", async () => {
    const created = await auth.tokens.create("root", "ci", 1);
    expect(created.token).toMatch(/^trb_[0-9a-f]{16}_[\w-]{43}$/);
    const row = await database.db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.hash).not.toContain(created.token);
    expect(JSON.stringify(await auth.tokens.list("root"))).not.toContain(created.token.slice(22));
    expect((await auth.authenticate(present(`Bearer ${created.token}`)))?.principal).toMatchObject({ user: "root", via: "token" });
    expect((await auth.tokens.list("root"))[0]!.lastUsedAt).not.toBeNull();
    await expect(auth.authenticate(present(`Bearer ${created.token}x`))).rejects.toMatchObject({ code: "auth.invalid_credentials" });
    clock += 86_400_000 + 1;
    await expect(auth.authenticate(present(`Bearer ${created.token}`))).rejects.toMatchObject({ code: "auth.invalid_credentials" });
    const forever = await auth.tokens.create("root", "forever");
    expect(forever.expiresAt).toBeNull();
    await auth.tokens.delete(forever.id);
    await expect(auth.authenticate(present(`Bearer ${forever.token}`))).rejects.toMatchObject({ code: "auth.invalid_credentials" });
    await expect(auth.tokens.delete(forever.id)).rejects.toMatchObject({ code: "token.not_found" });
  });

  it("accepts Basic with the password or a token, and caches the password check", async () => {
    expect((await auth.authenticate(present(basic("root", "long enough password"))))?.principal).toMatchObject({ user: "root", via: "basic" });
    const started = performance.now();
    for (let i = 0; i < 20; i++) await auth.authenticate(present(basic("root", "long enough password")));
    expect(performance.now() - started).toBeLessThan(1000);
    const token = await auth.tokens.create("root", "basic");
    expect((await auth.authenticate(present(basic("root", token.token))))?.principal.user).toBe("root");
    await expect(auth.authenticate(present(basic("someone", token.token)))).rejects.toMatchObject({ code: "auth.invalid_credentials" });
    await expect(auth.authenticate(present(basic("root", "wrong password!!")))).rejects.toMatchObject({ code: "auth.invalid_credentials" });
    await expect(auth.authenticate(present("Digest abc"))).rejects.toMatchObject({ code: "auth.invalid_credentials" });
    await expect(auth.authenticate(present("Basic !!!"))).rejects.toMatchObject({ code: "auth.invalid_credentials" });
  });

  it("acts as anonymous admin with login off", async () => {
    const off = new AuthService("off", database.db, { sessionTtlMs: 1000 });
    expect((await off.authenticate(present(null)))?.principal).toEqual({ user: "anonymous", via: "none", grants: [{ role: "admin", connectors: "*" }], address: "10.0.0.1" });
  });
});

describe("user admin", () => {
  it("keeps the last admin, revokes a deleted user's sessions and tokens", async () => {
    await expect(auth.admin.update("root", { grants: [{ role: "viewer", connectors: "*" }] })).rejects.toMatchObject({ code: "auth.last_admin" });
    await expect(auth.admin.update("root", { disabled: true })).rejects.toMatchObject({ code: "auth.last_admin" });
    await expect(auth.admin.delete("root")).rejects.toMatchObject({ code: "auth.last_admin" });
    await expect(auth.admin.create({ name: "ed", password: "short", grants: [] })).rejects.toMatchObject({ code: "request.invalid" });
    const ed = await auth.admin.create({ name: "ed", password: "editor password 1", grants: [{ role: "editor", connectors: "orders-*" }] });
    expect(ed).not.toHaveProperty("passwordHash");
    await expect(auth.admin.create({ name: "ed", password: "editor password 1", grants: [] })).rejects.toMatchObject({ code: "user.already_exists" });
    const { session } = await auth.login("ed", "editor password 1", "x");
    const token = await auth.tokens.create("ed", "t");
    await auth.admin.update("ed", { password: "editor password 2" });
    expect(await auth.authenticate(present(null, session.secret))).toBeUndefined();
    await expect(auth.login("ed", "editor password 1", "y")).rejects.toMatchObject({ code: "auth.invalid_credentials" });
    await auth.admin.delete("ed");
    await expect(auth.authenticate(present(`Bearer ${token.token}`))).rejects.toMatchObject({ code: "auth.invalid_credentials" });
    expect(await database.db.apiToken.count({ where: { userName: "ed" } })).toBe(0);
    await expect(auth.admin.delete("ed")).rejects.toMatchObject({ code: "user.not_found" });
    await auth.admin.create({ name: "second", password: "second admin pw", grants: [{ role: "admin", connectors: "*" }] });
    expect((await auth.admin.update("root", { grants: [{ role: "viewer", connectors: "*" }] })).grants).toEqual([{ role: "viewer", connectors: "*" }]);
  });
});
