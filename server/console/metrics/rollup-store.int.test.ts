/**
 * The metrics history on a real SQLite file: finished minutes are written as rollups, a minute
 * flushed twice (a restart within it) merges, hour-long charts read them back after the
 * in-memory window is gone, and rows older than the retention are pruned.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "@/scripts/test/integration";
import { MetricsHistory } from "@/server/console/metrics/metrics-history";
import { RollupStore } from "@/server/console/metrics/rollup-store";
import { metricsQuerySchema } from "@/server/contracts/metrics";
import { EventHub } from "@/server/runtime/events/event-hub";
import { ConnectMetrics } from "@/server/runtime/metrics/connect-metrics";
import { openDatabase, type Database } from "@/server/storage/prisma/database";
import { applyMigrations } from "@/server/storage/prisma/migrate";

const folder = tempDir("rollups");
let db: Database;
let store: RollupStore;

beforeAll(() => {
  const url = `file:${path.join(folder.dir, "worker.db")}`;
  applyMigrations(url, path.resolve("prisma", "migrations"));
  db = openDatabase(url);
  store = new RollupStore(db);
});

afterAll(async () => {
  await db.$disconnect();
  folder.remove();
});

const process = { sample: () => ({ cpu: 1, rss: 1, heapUsed: 1, eventLoopDelay: 1 }), close: () => {} };

describe("metric rollups in SQLite", () => {
  it("merges a minute written twice and prunes old minutes", async () => {
    const row = { connector: "c", task: 0, metric: "records-in", minute: 1000, sum: 10, max: 4, samples: 5 };
    await store.write([row]);
    await store.write([{ ...row, sum: 6, max: 9, samples: 3 }, { ...row, minute: 1001 }]);
    expect(await store.read({ connector: "c", metric: "records-in", from: 1000, to: 1002 })).toEqual([
      { ...row, sum: 16, max: 9, samples: 8 },
      { ...row, minute: 1001 },
    ]);
    expect(await store.prune(1001)).toBe(1);
    expect(await store.read({ connector: "c", metric: "records-in", from: 0, to: 2000 })).toHaveLength(1);
  });

  it("charts an hour from the stored minutes once the seconds are gone from memory", async () => {
    let clock = Date.UTC(2026, 0, 1, 10, 0, 0, 5);
    const metrics = new ConnectMetrics({ now: () => clock });
    const write = (history: MetricsHistory, seconds: number, perSecond: number) => {
      const sink = metrics.sinkTask("sink", 0);
      for (let i = 0; i < seconds; i++) {
        sink.recordRead(perSecond);
        clock += 1000;
        history.tick();
      }
    };
    const first = new MetricsHistory({ metrics, events: new EventHub(), store, retentionMs: 86_400_000, now: () => clock, process });
    write(first, 150, 12);
    await first.stop();
    const restarted = new ConnectMetrics({ now: () => clock });
    const second = new MetricsHistory({ metrics: restarted, events: new EventHub(), store, retentionMs: 86_400_000, now: () => clock, process });
    clock += 20 * 60_000;
    second.tick();
    const hour = await second.series(metricsQuerySchema.parse({ connector: "sink", metric: "records-in", range: "1h" }));
    const points = hour.series[0]!.points;
    expect(points.map(([t]) => (t - Date.UTC(2026, 0, 1, 10)) / 60_000)).toEqual([0, 1, 2]);
    expect(points.every(([, v]) => Math.abs(v - 12) < 1e-9)).toBe(true);
    await second.stop();
  });
});
