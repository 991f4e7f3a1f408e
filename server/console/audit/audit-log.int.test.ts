/**
 * The audit log on a real SQLite file: entries are recorded without the caller waiting, filtered,
 * paged newest first, exported whole, pruned by age and by count; what it is given masked stays
 * masked.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "@/scripts/test/integration";
import { AuditLog, type AuditRecord } from "@/server/console/audit/audit-log";
import { maskConfig, secretTestFor } from "@/server/console/config-secrets";
import { openDatabase, type Database } from "@/server/storage/prisma/database";
import { applyMigrations } from "@/server/storage/prisma/migrate";

const folder = tempDir("audit");
let db: Database;
let count = 0;

function freshLog(options?: ConstructorParameters<typeof AuditLog>[1], now?: () => number): AuditLog {
  return new AuditLog(db, options, now);
}

const entry = (over: Partial<AuditRecord>): AuditRecord => ({
  at: Date.UTC(2026, 11, 1),
  user: "anonymous",
  via: "none",
  address: "",
  event: "connector.pause",
  target: "orders",
  status: 204,
  before: null,
  after: null,
  detail: null,
  ...over,
});

beforeAll(() => {
  const url = `file:${path.join(folder.dir, `audit-${count++}.db`)}`;
  applyMigrations(url, path.resolve("prisma", "migrations"));
  db = openDatabase(url);
});

afterAll(async () => {
  await db.$disconnect();
  folder.remove();
});

describe("AuditLog", () => {
  it("records, filters by user, event, target and time, and pages newest first", async () => {
    await db.auditEntry.deleteMany();
    const log = freshLog();
    for (let i = 0; i < 5; i++) log.record(entry({ at: Date.UTC(2026, 11, 1, 0, i), target: i % 2 === 0 ? "orders" : "users", user: i < 3 ? "ann" : "bob" }));
    log.record(entry({ event: "dlq.replay", target: "orders-dlq", status: 400, detail: "bad filter" }));

    const first = await log.page({}, 4);
    expect(first.entries.map((e) => e.target)).toEqual(["orders-dlq", "orders", "users", "orders"]);
    expect(first.entries[0]).toMatchObject({ outcome: "refused", status: 400, detail: "bad filter", event: "dlq.replay" });
    const second = await log.page({}, 4, first.next!);
    expect(second.entries).toHaveLength(2);
    expect(second.next).toBeNull();

    expect((await log.page({ user: "bob" }, 10)).entries).toHaveLength(2);
    expect((await log.page({ target: "orders", user: "ann" }, 10)).entries).toHaveLength(2);
    expect((await log.page({ event: "dlq.replay" }, 10)).entries).toHaveLength(1);
    const window = await log.page({ since: Date.UTC(2026, 11, 1, 0, 1), until: Date.UTC(2026, 11, 1, 0, 3) }, 10);
    expect(window.entries.map((e) => e.at)).toEqual([Date.UTC(2026, 11, 1, 0, 2), Date.UTC(2026, 11, 1, 0, 1)]);
  });

  it("exports every matching entry across batches", async () => {
    await db.auditEntry.deleteMany();
    const log = freshLog();
    for (let i = 0; i < 1_203; i++) log.record(entry({ target: i % 3 === 0 ? "a" : "b" }));
    const exported: number[] = [];
    for await (const e of log.entries({ target: "a" })) exported.push(e.id);
    expect(exported).toHaveLength(401);
    expect([...exported].sort((x, y) => y - x)).toEqual(exported);
  });

  it("keeps the configs it was given masked, and a failure to write does not throw at the caller", async () => {
    await db.auditEntry.deleteMany();
    const log = freshLog();
    const isSecret = secretTestFor({ pluginConfig: () => [] }, null);
    const before = maskConfig({ "connector.class": "FileStreamSource", "db.password": "hunter2", topic: "t" }, isSecret);
    log.record(entry({ event: "connector.config.update", before, after: { ...before, topic: "u" } }));
    log.record(entry({ status: Number.NaN }));
    const [saved] = (await log.page({}, 10)).entries;
    expect(saved!.before).toEqual({ "connector.class": "FileStreamSource", "db.password": "[hidden]", topic: "t" });
    expect(JSON.stringify(await db.auditEntry.findMany())).not.toContain("hunter2");
  });

  it("prunes entries past the retention's age and count", async () => {
    await db.auditEntry.deleteMany();
    const now = Date.UTC(2026, 11, 2);
    const log = freshLog({ maxEntries: 3, maxAgeMs: 3_600_000 }, () => now);
    log.record(entry({ at: now - 2 * 3_600_000, target: "old" }));
    for (let i = 0; i < 5; i++) log.record(entry({ at: now - i, target: `t${i}` }));
    await log.settled();
    await log.prune();
    expect((await log.page({}, 10)).entries.map((e) => e.target)).toEqual(["t4", "t3", "t2"]);
  });
});
