import { hostname } from "node:os";
import path from "node:path";
import { projectHome } from "@/server/config/project-home";
import { WorkerConfigError, type WorkerConfig } from "@/server/config/worker-config";
import { WorkerClientFactory } from "@/server/kafka/client-factory";
import { KafkaCluster } from "@/server/kafka/kafka-cluster";
import { BUILT_IN_PLUGINS } from "@/server/plugins/built-in-plugins";
import { AuditLog } from "@/server/console/audit/audit-log";
import { installAuditLog } from "@/server/console/audit/audit-slot";
import { ConfigHistory } from "@/server/console/config-history/config-history";
import { configHistoryObserver } from "@/server/console/config-history/config-observer";
import { installConfigHistory } from "@/server/console/config-history/history-slot";
import { installMetricsHistory } from "@/server/console/metrics/history-slot";
import { MetricsHistory } from "@/server/console/metrics/metrics-history";
import { RollupStore } from "@/server/console/metrics/rollup-store";
import { EventHub } from "@/server/runtime/events/event-hub";
import { publishStoreChanges } from "@/server/runtime/events/store-events";
import { ConnectMetrics } from "@/server/runtime/metrics/connect-metrics";
import type { Herder } from "@/server/runtime/herder/herder";
import { StandaloneHerder } from "@/server/runtime/herder/standalone-herder";
import { loadPluginPath } from "@/server/runtime/plugins/plugin-path-loader";
import { PluginRegistry } from "@/server/runtime/plugins/plugin-registry";
import { Runtime, type RuntimeMode } from "@/server/runtime/runtime";
import { PrismaConfigStore } from "@/server/storage/prisma/config-store";
import { openDatabase } from "@/server/storage/prisma/database";
import { applyMigrations, sqliteFile } from "@/server/storage/prisma/migrate";
import { createClusterHerder, createControlPlaneHerder, type HerderParts } from "@/server/boot/cluster-herder";
import { demoPipeline } from "@/server/boot/demo-pipeline";
import { PrismaOffsetStore } from "@/server/storage/prisma/offset-store";
import { PrismaStatusStore } from "@/server/storage/prisma/status-store";
import { StoreLock } from "@/server/storage/prisma/store-lock";
import { PrismaWorkerProcessStore } from "@/server/storage/prisma/worker-process-store";
import { MemoryWorkerProcessStore } from "@/server/storage/memory/worker-process-store";
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
 * are fed from the stores; the audit log and the config history (which also records configs the
 * stores report changed) are kept in the database. Synchronous, so start-up failures (a held lock, migrations, bad TLS
 * files) throw here, before anything is installed; the process then exits, which lets the lock
 * go, or (`tributary standalone`) releases the lock it passed in.
 *
 * The embedded runtime joins a cluster as one of its workers when the worker settings name a
 * `group.id`: its connectors then live in the cluster's internal topics (see
 * createDistributedRuntime), while the database keeps the console's own data. With
 * `controlPlane` it only controls that cluster, through the REST roots of its workers, and runs
 * nothing itself.
 */
export function createRuntime(
  mode: "embedded" | "standalone",
  config: WorkerConfig,
  rest: RestEndpoint,
  lock: StoreLock = lockDatabase(mode, config, rest),
  controlPlane?: { workerUrls: string[] },
): Runtime {
  const databaseUrl = config.settings["tributary.database.url"];
  const { workerId, restUrl: root } = advertised(config, rest);
  // The console serves the Connect REST API under /api/connect; other workers forward there.
  const restUrl = mode === "embedded" ? `${root}/api/connect` : root;
  const { applied, created } = applyMigrations(databaseUrl, path.join(projectHome(), "prisma", "migrations"));
  if (applied.length > 0) log.info({ applied, databaseUrl }, "database migrated");
  const db = openDatabase(databaseUrl);
  const { events, metrics } = observability(config);
  const history = new MetricsHistory({ metrics, events, store: new RollupStore(db), retentionMs: config.settings["tributary.metrics.retention.ms"] });
  installMetricsHistory(history);
  installAuditLog(new AuditLog(db));
  const configHistory = new ConfigHistory(db);
  installConfigHistory(configHistory);
  const clients = new WorkerClientFactory(config);
  const parts = herderParts(config, workerId, metrics, clients);
  const joinsCluster = mode === "embedded" && config.settings["group.id"] !== undefined;
  let herder: Herder & { prepare(): Promise<void>; start(): Promise<void>; stop(): Promise<void> };
  if (controlPlane) {
    if (!joinsCluster) throw new WorkerConfigError("group.id", "Invalid worker configuration: a console without a worker (TRIBUTARY_WORKER=off) controls a cluster, so it needs the cluster's \"group.id\" and internal topics");
    const cluster = createControlPlaneHerder(config, { ...parts, clients }, controlPlane.workerUrls);
    publishStoreChanges(events, { configs: cluster.stores.config, statuses: cluster.stores.status });
    herder = cluster.herder;
  } else if (joinsCluster) {
    const cluster = createClusterHerder(config, { ...parts, restUrl, clients }, exitOnFatal);
    publishStoreChanges(events, { configs: cluster.stores.config, statuses: cluster.stores.status });
    herder = cluster.herder;
  } else {
    const stores = { configs: new PrismaConfigStore(db), statuses: new PrismaStatusStore(db), offsets: new PrismaOffsetStore(db) };
    publishStoreChanges(events, stores);
    const seed = mode === "embedded" && created ? demoPipeline(path.dirname(sqliteFile(databaseUrl))) : [];
    herder = new StandaloneHerder({ ...parts, ...stores, close: () => clients.close(), seed });
  }
  return new Runtime({
    mode: joinsCluster ? "distributed" : mode,
    workerId,
    version: VERSION,
    restUrl,
    cluster: new KafkaCluster(config, config.settings["client.id"] ?? `tributary-${mode}`),
    workers: new PrismaWorkerProcessStore(db, lock),
    events,
    metrics,
    services: [history, configHistoryObserver(configHistory, events, () => herder)],
    herder,
  });
}

/**
 * The runtime of a headless distributed worker (`tributary distributed`): no database; its
 * connectors, offsets and statuses live in the cluster's internal topics, in Kafka Connect's
 * formats, so it can join (or replace) Apache Kafka Connect workers of the same `group.id`.
 * Throws WorkerConfigError when a setting distributed mode needs is missing.
 */
export function createDistributedRuntime(config: WorkerConfig, rest: RestEndpoint): Runtime {
  const { workerId, restUrl } = advertised(config, rest);
  const { events, metrics } = observability(config);
  const clients = new WorkerClientFactory(config);
  const cluster = createClusterHerder(config, { ...herderParts(config, workerId, metrics, clients), restUrl, clients }, exitOnFatal);
  publishStoreChanges(events, { configs: cluster.stores.config, statuses: cluster.stores.status });
  return new Runtime({
    mode: "distributed",
    workerId,
    version: VERSION,
    restUrl,
    cluster: new KafkaCluster(config, config.settings["client.id"] ?? "tributary-distributed"),
    workers: new MemoryWorkerProcessStore(),
    events,
    metrics,
    herder: cluster.herder,
  });
}

function observability(config: WorkerConfig): { events: EventHub; metrics: ConnectMetrics } {
  const events = new EventHub();
  const metrics = new ConnectMetrics({ windows: { windowMs: config.settings["metrics.sample.window.ms"], samples: config.settings["metrics.num.samples"] } });
  events.subscribe((event) => metrics.observe(event));
  return { events, metrics };
}

/** A worker that lost its group membership for good stops, as Kafka Connect's does; its supervisor restarts it. */
function exitOnFatal(): void {
  process.exitCode = 1;
  process.kill(process.pid, "SIGTERM");
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

/** What a herder is built from in either mode, besides its stores. */
function herderParts(config: WorkerConfig, workerId: string, metrics: ConnectMetrics, clients: WorkerClientFactory): HerderParts {
  const { settings } = config;
  const registry = createPluginRegistry();
  const pluginPath = settings["plugin.path"];
  return {
    workerId,
    registry,
    loadPlugins: async () => void (pluginPath.length > 0 && (await loadPluginPath(pluginPath, registry))),
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
  };
}
