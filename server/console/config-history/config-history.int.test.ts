/**
 * The config history on a real SQLite file: versions are numbered per connector, a config equal
 * to the latest makes none, a rollback's config makes a new version with its note, history
 * survives a deleted connector, and a change observed while an attributed write is under way is
 * recorded as that write's, not as `unknown`.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "@/scripts/test/integration";
import { eventually } from "@/scripts/test/integration";
import { ConfigHistory } from "@/server/console/config-history/config-history";
import { configHistoryObserver } from "@/server/console/config-history/config-observer";
import { TributaryError } from "@/server/errors/tributary-error";
import { EventHub } from "@/server/runtime/events/event-hub";
import type { Herder } from "@/server/runtime/herder/herder";
import { openDatabase, type Database } from "@/server/storage/prisma/database";
import { applyMigrations } from "@/server/storage/prisma/migrate";

const folder = tempDir("history");
let db: Database;

beforeAll(() => {
  const url = `file:${path.join(folder.dir, "history.db")}`;
  applyMigrations(url, path.resolve("prisma", "migrations"));
  db = openDatabase(url);
});

afterAll(async () => {
  await db.$disconnect();
  folder.remove();
});

const v1 = { "connector.class": "FileStreamSource", topic: "a", "db.password": "s1" };

describe("ConfigHistory", () => {
  it("numbers versions per connector and records only configs that differ from the latest", async () => {
    const history = new ConfigHistory(db);
    expect(await history.record("n1", v1, { user: "ann" })).toBe(1);
    expect(await history.record("n1", { ...v1 }, { user: "ann" })).toBeUndefined();
    expect(await history.record("n1", { ...v1, topic: "b" }, { user: "bob" })).toBe(2);
    expect(await history.record("n2", v1, { user: "ann" })).toBe(1);
    const versions = await history.versions("n1");
    expect(versions.map((v) => [v.version, v.user, v.changedKeys])).toEqual([[2, "bob", 1], [1, "ann", 3]]);
    expect((await history.version("n1", 1))!.config).toEqual(v1);
    expect(await history.version("n1", 9)).toBeUndefined();
    expect(await history.versions("none")).toEqual([]);
  });

  it("records a rollback's config as a new version with its note, keeping the real secret values", async () => {
    const history = new ConfigHistory(db);
    await history.record("r", v1, { user: "ann" });
    await history.record("r", { ...v1, topic: "b", "db.password": "s2" }, { user: "ann" });
    const old = (await history.version("r", 1))!;
    expect(await history.record("r", old.config, { user: "bob", note: "rolled back to v1" })).toBe(3);
    const latest = (await history.versions("r"))[0]!;
    expect(latest).toMatchObject({ version: 3, user: "bob", note: "rolled back to v1", config: v1, changedKeys: 2 });
  });

  it("continues the numbering of a deleted and re-created connector", async () => {
    const history = new ConfigHistory(db);
    await history.record("d", v1, { user: "ann" });
    // The connector is deleted (nothing is recorded), then created again with another config.
    expect(await history.record("d", { ...v1, topic: "z" }, { user: "ann" })).toBe(2);
  });

  it("attributes a write's version to its user even when the store's notification arrives first", async () => {
    const history = new ConfigHistory(db);
    let current = v1;
    const read = async () => current;
    const { result, recorded } = await history.attribute(
      null,
      { user: "carol" },
      async () => {
        current = { ...v1, topic: "created" };
        await history.observe("w", read);
        return "w";
      },
      async (name) => ({ connector: name, config: await read() }),
    );
    expect(result).toBe("w");
    expect(await recorded).toBe(1);
    current = { ...v1, topic: "elsewhere" };
    await history.observe("w", read);
    const versions = await history.versions("w");
    expect(versions.map((v) => [v.version, v.user, v.config.topic])).toEqual([[2, "unknown", "elsewhere"], [1, "carol", "created"]]);
  });

  it("passes a failed write's error on and records nothing", async () => {
    const history = new ConfigHistory(db);
    await expect(history.attribute("f", { user: "ann" }, () => Promise.reject(new Error("refused")), async () => undefined)).rejects.toThrow("refused");
    expect(await history.versions("f")).toEqual([]);
  });

  it("records, as unknown, the configs found at start and those the store reports changed elsewhere", async () => {
    const history = new ConfigHistory(db);
    await history.record("o1", v1, { user: "ann" });
    const configs = new Map([["o1", { ...v1, topic: "changed while down" }], ["o2", v1]]);
    const herder = {
      connectors: async () => [...configs.keys()],
      connectorConfig: async (name: string) => {
        const config = configs.get(name);
        if (!config) throw new TributaryError("connector.not_found", `Connector ${name} not found`);
        return config;
      },
    } as unknown as Herder;
    const hub = new EventHub();
    const observer = configHistoryObserver(history, hub, () => herder);
    observer.start();
    const latest = async (name: string) => (await history.versions(name))[0];
    await eventually(async () => ((await latest("o1"))?.version === 2 && (await latest("o2")) ? true : undefined), 5_000);
    expect(await latest("o1")).toMatchObject({ user: "unknown", config: { topic: "changed while down" } });

    configs.set("o2", { ...v1, topic: "another worker" });
    hub.publish({ type: "connector", connector: "o2", change: "updated", at: Date.now() });
    configs.delete("o1");
    hub.publish({ type: "connector", connector: "o1", change: "updated", at: Date.now() });
    await eventually(async () => ((await latest("o2"))?.version === 2 ? true : undefined), 5_000);
    expect(await latest("o2")).toMatchObject({ user: "unknown", config: { topic: "another worker" } });
    expect((await history.versions("o1")).length).toBe(2);
    await observer.stop();
  });
});
