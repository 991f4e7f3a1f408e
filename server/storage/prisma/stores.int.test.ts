import { hostname } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { tempDir } from "@/scripts/test/integration";
import { describeStoreContracts } from "@/server/storage/contracts/store-contract-tests";
import { PrismaConfigStore } from "@/server/storage/prisma/config-store";
import { openDatabase } from "@/server/storage/prisma/database";
import { applyMigrations } from "@/server/storage/prisma/migrate";
import { PrismaOffsetStore } from "@/server/storage/prisma/offset-store";
import { PrismaStatusStore } from "@/server/storage/prisma/status-store";
import { StoreLock } from "@/server/storage/prisma/store-lock";

const folder = tempDir("stores");
afterAll(() => folder.remove());
let count = 0;

describeStoreContracts("prisma (SQLite file)", async () => {
  const url = `file:${path.join(folder.dir, `stores-${count++}.db`)}`;
  applyMigrations(url, path.resolve("prisma", "migrations"));
  const db = openDatabase(url);
  return { config: new PrismaConfigStore(db), offsets: new PrismaOffsetStore(db), status: new PrismaStatusStore(db), close: () => db.$disconnect() };
});

describe("prisma stores opened again on the same database", () => {
  it("start with everything written before, serve it from memory, and tell subscribers nothing of what they loaded", async () => {
    const url = `file:${path.join(folder.dir, "reopened.db")}`;
    applyMigrations(url, path.resolve("prisma", "migrations"));
    const before = openDatabase(url);
    const configs = new PrismaConfigStore(before);
    const statuses = new PrismaStatusStore(before);
    await configs.start();
    await statuses.start();
    await configs.putConnectorConfig("c", { "connector.class": "FileStreamSource" }, "PAUSED");
    await configs.putTaskConfigs("c", [{ t: "0" }]);
    await statuses.putTask("c", 0, { state: "FAILED", trace: "boom", workerId: "w:1", generation: 3 });
    await before.$disconnect();

    const after = openDatabase(url);
    const reopened = { configs: new PrismaConfigStore(after), statuses: new PrismaStatusStore(after) };
    const told: string[] = [];
    reopened.configs.subscribe((change) => told.push(change.kind));
    reopened.statuses.subscribe((change) => told.push(change.status.state));
    await reopened.configs.start();
    await reopened.statuses.start();
    expect(reopened.configs.snapshot().connectors.get("c")).toEqual({ name: "c", config: { "connector.class": "FileStreamSource" }, targetState: "PAUSED", taskConfigs: [{ t: "0" }] });
    expect(reopened.statuses.snapshot().get("c")!.tasks.get(0)).toEqual({ state: "FAILED", trace: "boom", workerId: "w:1", generation: 3 });
    expect(told).toEqual([]);
    await reopened.configs.putTargetState("c", "STARTED");
    expect(told).toEqual(["target-state"]);
    await after.$disconnect();
  });
});

describe("the standalone store lock in one process", () => {
  it("refuses a second lock on the same database, naming the holder, and is free again once released", () => {
    const url = `file:${path.join(folder.dir, "locked.db")}`;
    const lock = StoreLock.acquire(url, { pid: process.pid, host: hostname(), mode: "embedded", restUrl: "http://127.0.0.1:3000" });
    let refusal: unknown;
    try {
      StoreLock.acquire(url, { pid: process.pid, host: hostname(), mode: "standalone", restUrl: null });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({
      code: "storage.locked",
      message: expect.stringMatching(new RegExp(`in use by another Tributary process \\(pid ${process.pid} on ${hostname()}, the console \\(embedded workers\\) at http://127.0.0.1:3000, since `)),
    });
    lock.release();
    lock.release();
    StoreLock.acquire(url, { pid: process.pid, host: hostname(), mode: "standalone", restUrl: null }).release();
    const memory = () => StoreLock.acquire("file::memory:", { pid: process.pid, host: hostname(), mode: "standalone", restUrl: null });
    expect(() => [memory(), memory()]).not.toThrow();
  });
});
