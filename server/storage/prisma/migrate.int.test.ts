import { spawnSync } from "node:child_process";
import { cpSync, appendFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { tempDir } from "@/scripts/test/integration";
import { openDatabase } from "@/server/storage/prisma/database";
import { applyMigrations } from "@/server/storage/prisma/migrate";
import { PrismaWorkerProcessStore } from "@/server/storage/prisma/worker-process-store";

const migrations = path.resolve("prisma", "migrations");
const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function freshDatabase(): { url: string; file: string; dir: string } {
  const { dir, remove } = tempDir("migrate");
  cleanups.push(remove);
  const file = path.join(dir, "nested", "tributary.db");
  return { url: `file:${file}`, file, dir };
}

describe("database migrations at start-up", () => {
  it("creates the database file and applies every migration once", () => {
    const { url, file } = freshDatabase();
    const first = applyMigrations(url, migrations);
    expect(first.applied).toContain("20261124000000_init");
    expect(applyMigrations(url, migrations).applied).toEqual([]);
    const db = new Database(file);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((row) => (row as { name: string }).name);
    db.close();
    expect(tables).toEqual(expect.arrayContaining(["_prisma_migrations", "WorkerProcess"]));
  });

  it("records migrations so that the Prisma CLI sees the database as up to date", () => {
    const { url } = freshDatabase();
    applyMigrations(url, migrations);
    const status = spawnSync("npx", ["prisma", "migrate", "status"], { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });
    expect(status.stdout).toContain("Database schema is up to date!");
    expect(status.status).toBe(0);
  });

  it("refuses to start when an applied migration was edited afterwards", () => {
    const { url, dir } = freshDatabase();
    const copy = path.join(dir, "migrations");
    cpSync(migrations, copy, { recursive: true });
    applyMigrations(url, copy);
    appendFileSync(path.join(copy, "20261124000000_init", "migration.sql"), "\n-- edited\n");
    expect(() => applyMigrations(url, copy)).toThrow(/was changed after it was applied/);
  });

  it("stores worker processes through Prisma on the migrated database", async () => {
    const { url } = freshDatabase();
    applyMigrations(url, migrations);
    const store = new PrismaWorkerProcessStore(openDatabase(url));
    try {
      await store.started({ id: "w-1", mode: "standalone", version: "1.0.0", restUrl: "http://h:8083", pid: 42, host: "h" });
      await store.stopped("w-1");
      const [record] = await store.recent(5);
      expect(record).toMatchObject({ id: "w-1", mode: "standalone", restUrl: "http://h:8083", pid: 42 });
      expect(record!.stoppedAt).toBeInstanceOf(Date);
    } finally {
      await store.close();
    }
  });
});
