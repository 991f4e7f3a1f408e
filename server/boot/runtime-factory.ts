import { hostname } from "node:os";
import path from "node:path";
import { projectHome } from "@/server/config/project-home";
import type { WorkerConfig } from "@/server/config/worker-config";
import { KafkaCluster } from "@/server/kafka/kafka-cluster";
import { Runtime, type RuntimeMode } from "@/server/runtime/runtime";
import { openDatabase } from "@/server/storage/prisma/database";
import { applyMigrations } from "@/server/storage/prisma/migrate";
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
 * The composition root: applies pending database migrations, opens the database and the Kafka
 * cluster connection, and builds a Runtime from them. Synchronous, so start-up failures
 * (migrations, bad TLS files) throw here, before anything is installed.
 */
export function createRuntime(mode: RuntimeMode, config: WorkerConfig, rest: RestEndpoint): Runtime {
  const databaseUrl = config.settings["tributary.database.url"];
  const { applied } = applyMigrations(databaseUrl, path.join(projectHome(), "prisma", "migrations"));
  if (applied.length > 0) log.info({ applied, databaseUrl }, "database migrated");
  const host = config.settings["rest.advertised.host.name"] ?? hostname();
  const port = config.settings["rest.advertised.port"] ?? rest.port;
  return new Runtime({
    mode,
    workerId: `${host}:${port}`,
    version: VERSION,
    restUrl: `${rest.protocol}://${host}:${port}`,
    cluster: new KafkaCluster(config, config.settings["client.id"] ?? `tributary-${mode}`),
    workers: new PrismaWorkerProcessStore(openDatabase(databaseUrl)),
  });
}
