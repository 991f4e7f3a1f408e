import { hostname } from "node:os";
import path from "node:path";
import { projectHome } from "@/server/config/project-home";
import type { WorkerConfig } from "@/server/config/worker-config";
import { WorkerClientFactory } from "@/server/kafka/client-factory";
import { KafkaCluster } from "@/server/kafka/kafka-cluster";
import { BUILT_IN_PLUGINS } from "@/server/plugins/built-in-plugins";
import { installMetricsHistory } from "@/server/console/metrics/history-slot";
import { MetricsHistory } from "@/server/console/metrics/metrics-history";
import { RollupStore } from "@/server/console/metrics/rollup-store";
import { EventHub } from "@/server/runtime/events/event-hub";
import { publishStoreChanges } from "@/server/runtime/events/store-events";
import { ConnectMetrics } from "@/server/runtime/metrics/connect-metrics";
import { StandaloneHerder, type StandaloneHerderOptions } from "@/server/runtime/herder/standalone-herder";
import { loadPluginPath } from "@/server/runtime/plugins/plugin-path-loader";
import { PluginRegistry } from "@/server/runtime/plugins/plugin-registry";
import { Runtime, type RuntimeMode } from "@/server/runtime/runtime";
import { PrismaConfigStore } from "@/server/storage/prisma/config-store";
import { openDatabase } from "@/server/storage/prisma/database";
import { applyMigrations, sqliteFile } from "@/server/storage/prisma/migrate";
import { demoPipeline, type SeedConnector } from "@/server/boot/demo-pipeline";
import { PrismaOffsetStore } from "@/server/storage/prisma/offset-store";
import { PrismaStatusStore } from "@/server/storage/prisma/status-store";
import { StoreLock } from "@/server/storage/prisma/store-lock";
import { PrismaWorkerProcessStore } from "@/server/storage/prisma/worker-process-store";
import { getLogger } from "@/server/logging/logger";
import { VERSION } from "@/server/version";

const log = getLogger("tributary.boot");

/** Where this worker's REST API is reachable, as Kafka Connect advertises it. */
export interface RestEndpoint {
  /** The port the REST API listens on. */
  port: number;
  protocol: "http" | "https";
}

/**
 * The composition root: takes the database's exclusive lock (a second process on the same
 * database stops here with `storage.locked`), applies pending database migrations, opens the
 * database and the Kafka cluster connection, and builds a Runtime with its herder from them
 * (plus the demo pipeline on the first start of the embedded runtime). The console's live events
 * are fed from the stores. Synchronous, so start-up failures (a held lock, migrations, bad TLS
 * files) throw here, before anything is installed; the process then exits, which lets the lock
 * go, or (`tributary standalone`) releases the lock it passed in.
 */
export function createRuntime(mode: RuntimeMode, config: WorkerConfig, rest: RestEndpoint, lock: StoreLock = lockDatabase(mode, config, rest)): Runtime {
  const databaseUrl = config.settings["tributary.database.url"];
  const { workerId, restUrl } = advertised(config, rest);
  const { applied, created } = applyMigrations(databaseUrl, path.join(projectHome(), "prisma", "migrations"));
  if (applied.length > 0) log.info({ applied, databaseUrl }, "database migrated");
  const db = openDatabase(databaseUrl);
  const events = new EventHub();
  const metrics = new ConnectMetrics({ windows: { windowMs: config.settings["metrics.sample.window.ms"], samples: config.settings["metrics.num.samples"] } });
  events.subscribe((event) => metrics.observe(event));
  const history = new MetricsHistory({ metrics, events, store: new RollupStore(db), retentionMs: config.settings["tributary.metrics.retention.ms"] });
  installMetricsHistory(history);
  const stores = { configs: new PrismaConfigStore(db), statuses: new PrismaStatusStore(db), offsets: new PrismaOffsetStore(db) };
  publishStoreChanges(events, stores);
  return new Runtime({
    mode,
    workerId,
    version: VERSION,
    restUrl,
    cluster: new KafkaCluster(config, config.settings["client.id"] ?? `tributary-${mode}`),
    workers: new PrismaWorkerProcessStore(db, lock),
    events,
    metrics,
    services: [history],
    herder: createHerder(config, workerId, stores, metrics, mode === "embedded" && created ? demoPipeline(path.dirname(sqliteFile(databaseUrl))) : []),
  });
}

/**
 * Takes the exclusive lock of the worker's database (`tributary.database.url`) for this process,
 * recording `rest` as where it answers; throws `storage.locked`, naming the holder, when another
 * process has it. createRuntime takes it unless given one; `tributary standalone` takes it
 * before it opens its listeners, so a second worker on the same database and port is told
 * about the database rather than the port.
 */
export function lockDatabase(mode: RuntimeMode, config: WorkerConfig, rest: RestEndpoint): StoreLock {
  return StoreLock.acquire(config.settings["tributary.database.url"], { pid: process.pid, host: hostname(), mode, restUrl: advertised(config, rest).restUrl });
}

function advertised(config: WorkerConfig, rest: RestEndpoint): { workerId: string; restUrl: string } {
  const host = config.settings["rest.advertised.host.name"] ?? hostname();
  const port = config.settings["rest.advertised.port"] ?? rest.port;
  return { workerId: `${host}:${port}`, restUrl: `${rest.protocol}://${host}:${port}` };
}

/** A registry holding the built-in plugins; `plugin.path` is loaded into it when the herder starts. */
export function createPluginRegistry(): PluginRegistry {
  const registry = new PluginRegistry();
  for (const { kind, plugin } of BUILT_IN_PLUGINS) registry.register(kind, plugin, VERSION);
  return registry;
}

type Stores = Pick<StandaloneHerderOptions, "configs" | "statuses" | "offsets">;

function createHerder(config: WorkerConfig, workerId: string, stores: Stores, metrics: ConnectMetrics, seed: SeedConnector[]): StandaloneHerder {
  const clients = new WorkerClientFactory(config);
  const { settings } = config;
  const registry = createPluginRegistry();
  const pluginPath = settings["plugin.path"];
  return new StandaloneHerder({
    workerId,
    registry,
    loadPlugins: async () => void (pluginPath.length > 0 && (await loadPluginPath(pluginPath, registry))),
    ...stores,
    admin: clients.admin(),
    worker: {
      workerConfig: {
        ...config.originals,
        "key.converter": settings["key.converter"],
        "value.converter": settings["value.converter"],
        "header.converter": settings["header.converter"],
      },
      clients,
      offsetFlushIntervalMs: settings["offset.flush.interval.ms"],
      topicCreationEnabled: settings["topic.creation.enable"],
      metrics,
    },
    topicTracking: { enabled: settings["topic.tracking.enable"], allowReset: settings["topic.tracking.allow.reset"] },
    overridePolicy: settings["connector.client.config.override.policy"],
    close: () => clients.close(),
    seed,
  });
}
