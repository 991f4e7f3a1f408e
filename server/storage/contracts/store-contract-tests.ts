/**
 * The behaviour every store implementation must have, written once and run against each of them
 * (memory in unit tests, Prisma on a real SQLite file in integration tests). Test-only module.
 */
import { describe, expect, it } from "vitest";
import type { ConfigStore } from "@/server/storage/contracts/config-store";
import type { OffsetStore } from "@/server/storage/contracts/offset-store";
import type { StatusStore } from "@/server/storage/contracts/status-store";

/** A fresh, empty set of stores and a function that releases them. */
export interface StoreFixture {
  config: ConfigStore;
  offsets: OffsetStore;
  status: StatusStore;
  close(): Promise<void>;
}

/** Declares the contract tests for the stores `open()` builds. */
export function describeStoreContracts(implementation: string, open: () => Promise<StoreFixture>): void {
  async function withStores(test: (stores: StoreFixture) => Promise<void>): Promise<void> {
    const stores = await open();
    await stores.config.start();
    await stores.status.start();
    try {
      await test(stores);
    } finally {
      await stores.close();
    }
  }

  describe(`${implementation} config store`, () => {
    it("creates a connector STARTED with no tasks, and lists connectors by name", () =>
      withStores(async ({ config }) => {
        await config.putConnectorConfig("zeta", { "connector.class": "FileStreamSink", "tasks.max": "2" });
        await config.putConnectorConfig("alpha", { "connector.class": "FileStreamSource" }, "PAUSED");
        expect((await config.connectors()).map((c) => [c.name, c.targetState])).toEqual([["alpha", "PAUSED"], ["zeta", "STARTED"]]);
        expect(await config.connector("zeta")).toEqual({ name: "zeta", config: { "connector.class": "FileStreamSink", "tasks.max": "2" }, targetState: "STARTED", taskConfigs: [] });
        expect(await config.connector("missing")).toBeUndefined();
      }));

    it("keeps raw values, placeholders included, byte for byte", () =>
      withStores(async ({ config }) => {
        const raw = { "connector.class": "X", password: "${file:/secrets.properties:db.password}", note: "ünïcödé = ✓ \n next line" };
        await config.putConnectorConfig("c", raw);
        expect((await config.connector("c"))!.config).toEqual(raw);
      }));

    it("updates a config without touching its target state or task configs, unless told", () =>
      withStores(async ({ config }) => {
        await config.putConnectorConfig("c", { a: "1" });
        await config.putTaskConfigs("c", [{ t: "0" }, { t: "1" }]);
        await config.putTargetState("c", "PAUSED");
        await config.putConnectorConfig("c", { a: "2" });
        expect(await config.connector("c")).toEqual({ name: "c", config: { a: "2" }, targetState: "PAUSED", taskConfigs: [{ t: "0" }, { t: "1" }] });
        await config.putConnectorConfig("c", { a: "3" }, "STOPPED");
        expect((await config.connector("c"))!.targetState).toBe("STOPPED");
      }));

    it("replaces task configs as one set, shrinking too", () =>
      withStores(async ({ config }) => {
        await config.putConnectorConfig("c", {});
        await config.putTaskConfigs("c", [{ t: "0" }, { t: "1" }, { t: "2" }]);
        await config.putTaskConfigs("c", [{ t: "zero" }]);
        expect((await config.connector("c"))!.taskConfigs).toEqual([{ t: "zero" }]);
        await config.putTaskConfigs("c", []);
        expect((await config.connector("c"))!.taskConfigs).toEqual([]);
      }));

    it("refuses tasks and target states for unknown connectors, and removes connectors", () =>
      withStores(async ({ config }) => {
        await expect(config.putTaskConfigs("ghost", [{}])).rejects.toMatchObject({ code: "connector.not_found" });
        await expect(config.putTargetState("ghost", "PAUSED")).rejects.toMatchObject({ code: "connector.not_found" });
        await config.putConnectorConfig("c", {});
        await config.putTaskConfigs("c", [{ t: "0" }]);
        expect(await config.removeConnector("c")).toBe(true);
        expect(await config.removeConnector("c")).toBe(false);
        expect(await config.connector("c")).toBeUndefined();
        await config.putConnectorConfig("c", { again: "yes" });
        expect(await config.connector("c")).toMatchObject({ targetState: "STARTED", taskConfigs: [] });
      }));
  });

  describe(`${implementation} config store snapshots and changes`, () => {
    it("serves every write from snapshot(), and a snapshot handed out never changes", () =>
      withStores(async ({ config }) => {
        const empty = config.snapshot();
        await config.putConnectorConfig("b", { k: "1" }, "PAUSED");
        await config.putConnectorConfig("a", { k: "2" });
        await config.putTaskConfigs("a", [{ t: "0" }]);
        const current = config.snapshot();
        expect([...current.connectors.keys()]).toEqual(["a", "b"]);
        expect(current.connectors.get("a")).toEqual({ name: "a", config: { k: "2" }, targetState: "STARTED", taskConfigs: [{ t: "0" }] });
        expect(current.version).toBeGreaterThan(empty.version);
        expect(empty.connectors.size).toBe(0);
        await config.putTargetState("a", "STOPPED");
        expect(current.connectors.get("a")!.targetState).toBe("STARTED");
        expect(config.snapshot().connectors.get("a")!.targetState).toBe("STOPPED");
      }));

    it("tells each write to subscribers once, in order, when the snapshot already shows it", () =>
      withStores(async ({ config }) => {
        const told: Array<{ kind: string; connector: string; target: string | undefined; fresh: boolean }> = [];
        const unsubscribe = config.subscribe((change) => {
          const snapshot = config.snapshot();
          told.push({ kind: change.kind, connector: change.connector, target: snapshot.connectors.get(change.connector)?.targetState, fresh: snapshot.version === change.version });
        });
        await config.putConnectorConfig("c", {});
        await config.putConnectorConfig("c", { changed: "yes" });
        await config.putTaskConfigs("c", [{}]);
        await config.putTargetState("c", "PAUSED");
        await config.putRestartRequest("c", { includeTasks: true, onlyFailed: false });
        await config.removeConnector("c");
        unsubscribe();
        await config.putConnectorConfig("after", {});
        expect(told).toEqual([
          { kind: "connector-created", connector: "c", target: "STARTED", fresh: true },
          { kind: "connector-updated", connector: "c", target: "STARTED", fresh: true },
          { kind: "tasks", connector: "c", target: "STARTED", fresh: true },
          { kind: "target-state", connector: "c", target: "PAUSED", fresh: true },
          { kind: "restart", connector: "c", target: "PAUSED", fresh: true },
          { kind: "connector-removed", connector: "c", target: undefined, fresh: true },
        ]);
      }));

    it("keeps the latest restart request per connector, refuses unknown connectors and drops it with the connector", () =>
      withStores(async ({ config }) => {
        await expect(config.putRestartRequest("ghost", { includeTasks: false, onlyFailed: false })).rejects.toMatchObject({ code: "connector.not_found" });
        await config.putConnectorConfig("c", {});
        await config.putRestartRequest("c", { includeTasks: true, onlyFailed: true });
        await config.putRestartRequest("c", { includeTasks: false, onlyFailed: false });
        expect(config.snapshot().restartRequests.get("c")).toEqual({ includeTasks: false, onlyFailed: false });
        await config.removeConnector("c");
        expect(config.snapshot().restartRequests.has("c")).toBe(false);
      }));
  });

  describe(`${implementation} offset store`, () => {
    it("writes and reads offsets per connector, with partitions matched by content not key order", () =>
      withStores(async ({ offsets }) => {
        await offsets.write("src", [
          { partition: { filename: "a.txt" }, offset: { position: 30 } },
          { partition: { db: "x", table: "t" }, offset: { id: "9007199254740993", ts: 1.5, done: false, gap: null } },
        ]);
        await offsets.write("other", [{ partition: { filename: "a.txt" }, offset: { position: 1 } }]);
        expect(await offsets.offsetsFor("src", [{ table: "t", db: "x" }, { filename: "missing" }])).toEqual([
          { partition: { table: "t", db: "x" }, offset: { id: "9007199254740993", ts: 1.5, done: false, gap: null } },
        ]);
        expect((await offsets.offsets("src")).length).toBe(2);
        expect(await offsets.offsets("nobody")).toEqual([]);
      }));

    it("overwrites a partition's offset and removes it on null", () =>
      withStores(async ({ offsets }) => {
        await offsets.write("src", [{ partition: { f: "a" }, offset: { position: 1 } }]);
        await offsets.write("src", [{ partition: { f: "a" }, offset: { position: 2 } }, { partition: { f: "b" }, offset: { position: 5 } }]);
        expect(await offsets.offsetsFor("src", [{ f: "a" }])).toEqual([{ partition: { f: "a" }, offset: { position: 2 } }]);
        await offsets.write("src", [{ partition: { f: "a" }, offset: null }]);
        expect(await offsets.offsets("src")).toEqual([{ partition: { f: "b" }, offset: { position: 5 } }]);
      }));

    it("survives the connector's removal from the config store", () =>
      withStores(async ({ config, offsets }) => {
        await config.putConnectorConfig("src", {});
        await offsets.write("src", [{ partition: { f: "a" }, offset: { position: 7 } }]);
        await config.removeConnector("src");
        expect(await offsets.offsets("src")).toEqual([{ partition: { f: "a" }, offset: { position: 7 } }]);
      }));
  });

  describe(`${implementation} status store`, () => {
    it("keeps the latest connector and task statuses, tasks sorted, traces kept", () =>
      withStores(async ({ status }) => {
        await status.putConnector("c", { state: "RUNNING", workerId: "h:8083", generation: 1 });
        await status.putTask("c", 1, { state: "FAILED", trace: "ConnectException: boom\n\tat x", workerId: "h:8083", generation: 1 });
        await status.putTask("c", 0, { state: "RUNNING", workerId: "h:8083", generation: 1 });
        await status.putTask("c", 0, { state: "PAUSED", workerId: "h:8083", generation: 2 });
        expect(await status.connector("c")).toEqual({ state: "RUNNING", workerId: "h:8083", generation: 1 });
        expect(await status.tasks("c")).toEqual([
          { task: 0, state: "PAUSED", workerId: "h:8083", generation: 2 },
          { task: 1, state: "FAILED", trace: "ConnectException: boom\n\tat x", workerId: "h:8083", generation: 1 },
        ]);
        expect(await status.connector("nobody")).toBeUndefined();
      }));

    it("tells each stored status to subscribers once it reads back, and serves the snapshot", () =>
      withStores(async ({ status }) => {
        const told: unknown[] = [];
        status.subscribe((change) => told.push({ ...change, stored: status.snapshot().get(change.connector) }));
        await status.putConnector("c", { state: "RUNNING", workerId: "w:1", generation: 3 });
        await status.putTask("c", 0, { state: "FAILED", trace: "boom", workerId: "w:2", generation: 3 });
        expect(told).toEqual([
          { connector: "c", task: null, status: { state: "RUNNING", workerId: "w:1", generation: 3 }, stored: { connector: { state: "RUNNING", workerId: "w:1", generation: 3 }, tasks: new Map() } },
          {
            connector: "c",
            task: 0,
            status: { state: "FAILED", trace: "boom", workerId: "w:2", generation: 3 },
            stored: { connector: { state: "RUNNING", workerId: "w:1", generation: 3 }, tasks: new Map([[0, { state: "FAILED", trace: "boom", workerId: "w:2", generation: 3 }]]) },
          },
        ]);
        await status.removeConnector("c");
        expect(status.snapshot().has("c")).toBe(false);
        expect(told).toHaveLength(2);
      }));

    it("forgets tasks above a count, and a removed connector entirely", () =>
      withStores(async ({ status }) => {
        await status.putConnector("c", { state: "RUNNING", workerId: "w", generation: 1 });
        for (const task of [0, 1, 2]) await status.putTask("c", task, { state: "RUNNING", workerId: "w", generation: 1 });
        await status.removeTasks("c", 1);
        expect((await status.tasks("c")).map((t) => t.task)).toEqual([0]);
        await status.removeConnector("c");
        expect(await status.connector("c")).toBeUndefined();
        expect(await status.tasks("c")).toEqual([]);
      }));
  });
}
