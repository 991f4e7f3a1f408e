/**
 * The JDBC benchmark: rows/s of the JDBC source (PostgreSQL table → Kafka) and the JDBC sink
 * (Kafka → PostgreSQL table, upsert), one task each, JsonConverter with schemas, on a
 * throwaway PostgreSQL cluster; beside them PostgreSQL's own COPY rate on the same table (out to
 * a file, and into an empty copy), the ceiling any connector works under.
 *
 * `benchJdbc(brokers, rows)` is what `npm run bench` calls; `npm run bench:jdbc` runs it alone
 * (`BENCH_RECORDS` rows, default 1,000,000; `KAFKA_BROKERS` or the local `bench` broker).
 * The checks of progress never block the event loop the connectors run on.
 * `--vs-akc` cannot run Confluent's connector side by side: its jars are not on Maven Central,
 * so the figures are printed against the COPY ceiling instead.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createPluginRegistry } from "@/server/boot/runtime-factory";
import { parseWorkerConfig } from "@/server/config/worker-config";
import { WorkerClientFactory } from "@/server/kafka/client-factory";
import { PostgresSession } from "@/server/plugins/connectors/postgres-client/postgres-session";
import { StandaloneHerder } from "@/server/runtime/herder/standalone-herder";
import { MemoryConfigStore } from "@/server/storage/memory/config-store";
import { MemoryOffsetStore } from "@/server/storage/memory/offset-store";
import { MemoryStatusStore } from "@/server/storage/memory/status-store";
import { startBroker, stopBroker } from "../kafka/local-kafka";
import { jdbcUrl, psql, startPostgres, stopPostgres } from "../postgres/local-postgres";

/** The figures of one run. */
export interface JdbcBenchResult {
  rows: number;
  sourceRowsPerSecond: number;
  sinkRowsPerSecond: number;
  /** PostgreSQL's COPY of the source table to a file, and of that file into an empty table. */
  copyOutRowsPerSecond: number;
  copyInRowsPerSecond: number;
}

const DDL = (table: string) =>
  `CREATE TABLE ${table} (id bigint PRIMARY KEY, customer text NOT NULL, amount numeric(12,2) NOT NULL, placed timestamptz NOT NULL, note text, paid boolean NOT NULL)`;

async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 1_800_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`bench: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const perSecond = (rows: number, started: number) => Math.round(rows / ((Date.now() - started) / 1000));

/** Runs the source, sink and COPY scenarios over `rows` rows against the Kafka at `brokers`. */
export async function benchJdbc(brokers: string, rows: number): Promise<JdbcBenchResult> {
  const name = `bench-jdbc-${randomBytes(4).toString("hex")}`;
  const pg = await startPostgres({ name, port: "auto" });
  const worker = parseWorkerConfig({ "bootstrap.servers": brokers, "offset.flush.interval.ms": "5000" }, () => "bench");
  const clients = new WorkerClientFactory(worker);
  const herder = new StandaloneHerder({
    workerId: "bench:0",
    registry: createPluginRegistry(),
    configs: new MemoryConfigStore(),
    statuses: new MemoryStatusStore(),
    offsets: new MemoryOffsetStore(),
    admin: clients.admin(),
    worker: {
      workerConfig: { "key.converter": worker.settings["key.converter"], "value.converter": worker.settings["value.converter"], "header.converter": worker.settings["header.converter"] },
      clients,
      offsetFlushIntervalMs: 5000,
    },
    close: () => clients.close(),
  });
  try {
    const sql = (statement: string) => psql(pg, statement);
    sql(`${DDL("orders")}; ${DDL("orders_copy")}; ${DDL("orders_copy_in")};`);
    sql(
      `INSERT INTO orders SELECT i, 'customer ' || (i % 9973), round((i % 100000) / 7.0, 2), timestamptz '2024-01-01 00:00:00+00' + (i * 1237) * interval '1 millisecond',
         CASE WHEN i % 5 = 0 THEN NULL ELSE 'note ' || md5(i::text) END, i % 2 = 0 FROM generate_series(1, ${rows}) i`,
    );
    sql("VACUUM ANALYZE orders");
    const file = path.join(pg.dir, "orders.copy");
    let started = Date.now();
    sql(`\\copy orders TO '${file}'`);
    const copyOutRowsPerSecond = perSecond(rows, started);
    started = Date.now();
    sql(`\\copy orders_copy_in FROM '${file}'`);
    const copyInRowsPerSecond = perSecond(rows, started);

    const topicPrefix = `${name}-`;
    const topic = `${topicPrefix}orders`;
    const admin = clients.admin();
    await admin.createTopics([{ name: topic, partitions: 1, replicationFactor: 1 }]);
    const common = { "connection.url": jdbcUrl(pg), "connection.user": pg.user, "connection.password": pg.password, "value.converter.schemas.enable": "true" };
    started = Date.now();
    await herder.putConnectorConfig("bench-jdbc-source", { "connector.class": "JdbcSource", ...common, "table.whitelist": "orders", mode: "incrementing", "incrementing.column.name": "id", "topic.prefix": topicPrefix, "batch.max.rows": "5000", "poll.interval.ms": "100" }, { allowReplace: false });
    await until(async () => (await admin.endOffsets([topic])).reduce((sum, p) => sum + Number(p.offset), 0) >= rows, "the topic to hold every row");
    const sourceRowsPerSecond = perSecond(rows, started);
    await herder.deleteConnector("bench-jdbc-source");

    started = Date.now();
    await herder.putConnectorConfig("bench-jdbc-sink", { "connector.class": "JdbcSink", ...common, topics: topic, "table.name.format": "orders_copy", "insert.mode": "upsert", "pk.mode": "record_value", "pk.fields": "id", "batch.size": "5000", "consumer.override.max.poll.records": "5000" }, { allowReplace: false });
    const counter = await PostgresSession.open({ host: pg.host, port: pg.port, database: pg.database, user: pg.user, password: pg.password });
    await until(async () => Number((await counter.query("SELECT count(*) FROM orders_copy")).rows[0]![0]) >= rows, "the sink table to hold every row");
    await counter.close();
    const sinkRowsPerSecond = perSecond(rows, started);
    await herder.deleteConnector("bench-jdbc-sink");
    return { rows, sourceRowsPerSecond, sinkRowsPerSecond, copyOutRowsPerSecond, copyInRowsPerSecond };
  } finally {
    await herder.stop();
    await stopPostgres(name, { remove: true });
  }
}

/** The figures of a run as printed lines, each connector's rate beside PostgreSQL's COPY ceiling. */
export function jdbcTable(result: JdbcBenchResult, vsAkc: boolean): string {
  const rate = (label: string, rowsPerSecond: number, note: string) => `${label.padEnd(34)} ${rowsPerSecond.toLocaleString("en").padStart(10)} rows/s  (${note})`;
  const ofCopy = (rowsPerSecond: number, ceiling: number) => `${Math.round((rowsPerSecond / ceiling) * 100)}% of COPY`;
  const noAkc = "--vs-akc: Confluent's JDBC connector is not on Maven Central, so it cannot run here side by side; COPY is the reference instead.";
  return [
    `${result.rows.toLocaleString("en")} rows, one task, JsonConverter (schemas on), PostgreSQL on loopback`,
    "",
    rate("JDBC source: table → Kafka", result.sourceRowsPerSecond, ofCopy(result.sourceRowsPerSecond, result.copyOutRowsPerSecond)),
    rate("JDBC sink: Kafka → table (upsert)", result.sinkRowsPerSecond, ofCopy(result.sinkRowsPerSecond, result.copyInRowsPerSecond)),
    rate("PostgreSQL COPY table → file", result.copyOutRowsPerSecond, "ceiling for the source"),
    rate("PostgreSQL COPY file → table", result.copyInRowsPerSecond, "ceiling for the sink"),
    ...(vsAkc ? ["", noAkc] : []),
  ].join("\n");
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const rows = Number(process.env.BENCH_RECORDS ?? 1_000_000);
  const broker = process.env.KAFKA_BROKERS ? null : await startBroker({ name: "bench", port: "auto" });
  try {
    console.log(`\n${jdbcTable(await benchJdbc(process.env.KAFKA_BROKERS ?? broker!.bootstrap, rows), process.argv.includes("--vs-akc"))}`);
  } finally {
    if (broker && !broker.reused) await stopBroker("bench");
  }
  process.exit(0);
}
