/**
 * A standalone herder on the real broker with real SQLite stores, for integration tests that
 * drive connectors the way the REST API does, plus a way to read back every record of a topic.
 */
import path from "node:path";
import { kafkaBrokers, tempDir, uniqueName } from "@/scripts/test/integration";
import { createPluginRegistry } from "@/server/boot/runtime-factory";
import { parseWorkerConfig } from "@/server/config/worker-config";
import { WorkerClientFactory } from "@/server/kafka/client-factory";
import { StandaloneHerder } from "@/server/runtime/herder/standalone-herder";
import type { ConnectMetrics } from "@/server/runtime/metrics/connect-metrics";
import type { PluginRegistry } from "@/server/runtime/plugins/plugin-registry";
import type { IncomingRecord } from "@/server/runtime/ports";
import { PrismaConfigStore } from "@/server/storage/prisma/config-store";
import { openDatabase } from "@/server/storage/prisma/database";
import { applyMigrations } from "@/server/storage/prisma/migrate";
import { PrismaOffsetStore } from "@/server/storage/prisma/offset-store";
import { PrismaStatusStore } from "@/server/storage/prisma/status-store";
import type { StatusChange } from "@/server/storage/contracts/status-store";

/** A running herder, its Kafka clients, its temp folder and how to tear it all down. */
export interface StandaloneHarness {
  herder: StandaloneHerder;
  clients: WorkerClientFactory;
  registry: PluginRegistry;
  dir: string;
  close(): Promise<void>;
}

/** What a harness may add: plugins, a metrics registry for the worker, a listener of stored statuses. */
export interface HarnessOptions {
  extend?: (registry: PluginRegistry) => void;
  metrics?: ConnectMetrics;
  onStatus?: (change: StatusChange) => void;
}

/** Starts a herder with the built-in plugins (plus whatever `options.extend` registers) and `offset.flush.interval.ms=500`; resolves once it runs. */
export async function startStandaloneHarness(prefix: string, options: HarnessOptions = {}): Promise<StandaloneHarness> {
  const folder = tempDir(prefix);
  const url = `file:${path.join(folder.dir, "worker.db")}`;
  applyMigrations(url, path.resolve("prisma", "migrations"));
  const db = openDatabase(url);
  const worker = parseWorkerConfig({ "bootstrap.servers": kafkaBrokers(), "offset.flush.interval.ms": "500" }, () => "test");
  const clients = new WorkerClientFactory(worker);
  const registry = createPluginRegistry();
  options.extend?.(registry);
  const statuses = new PrismaStatusStore(db);
  if (options.onStatus) statuses.subscribe(options.onStatus);
  const herder = new StandaloneHerder({
    workerId: "test:8083",
    registry,
    configs: new PrismaConfigStore(db),
    statuses,
    offsets: new PrismaOffsetStore(db),
    admin: clients.admin(),
    worker: {
      workerConfig: { "key.converter": worker.settings["key.converter"], "value.converter": worker.settings["value.converter"], "header.converter": worker.settings["header.converter"] },
      clients,
      offsetFlushIntervalMs: 500,
      topicCreationEnabled: true,
      metrics: options.metrics,
    },
    close: () => clients.close(),
  });
  await herder.prepare();
  await herder.start();
  return {
    herder,
    clients,
    registry,
    dir: folder.dir,
    close: async () => {
      await herder.stop();
      await db.$disconnect();
      folder.remove();
    },
  };
}

/** Reads `topic` from the beginning with a fresh group until `count` records arrived (or `timeoutMs` passed). */
export async function readTopic(clients: WorkerClientFactory, topic: string, count: number, timeoutMs = 30_000): Promise<IncomingRecord[]> {
  const records: IncomingRecord[] = [];
  const consumer = clients.sinkConsumer({ groupId: uniqueName("reader"), clientId: uniqueName("reader"), topics: [topic], overrides: {} });
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const timer = setTimeout(() => done(), timeoutMs);
  let failure: Error | undefined;
  await consumer.start({
    onBatch: async (batch) => {
      records.push(...batch);
      if (records.length >= count) done();
    },
    onAssignment: async () => {},
    onError: async (error) => {
      failure = error;
      done();
    },
  });
  await finished;
  clearTimeout(timer);
  await consumer.close();
  if (failure) throw failure;
  return records;
}
