/**
 * PostgreSQL → JDBC source → Kafka → JDBC sink (upsert) → another PostgreSQL table, on the
 * headless worker (`bin/tributary.mjs standalone`), with a `kill -9` of the worker mid-run and a
 * restart on the same worker database; then the two tables are compared row for row (EXCEPT both
 * ways). Used by the integration test (a short run) and `npm run test:jdbc-million`.
 *
 * Timestamps in the table have millisecond precision: Connect's Timestamp type carries
 * milliseconds, so microseconds would not survive any Kafka Connect pipeline.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "../net/ports";
import { jdbcUrl, psql, startPostgres, stopPostgres } from "./local-postgres";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** What a run found. */
export interface RoundTripResult {
  rows: number;
  /** Rows in the destination table when the worker was killed. */
  rowsAtKill: number;
  /** Rows only in the source, and only in the destination, after the run (both 0 when equal). */
  missing: number;
  extra: number;
  seconds: number;
}

/** The source table's DDL, also used for the destination (created by the test, not by auto.create). */
const DDL = (table: string) =>
  `CREATE TABLE ${table} (id bigint PRIMARY KEY, customer text NOT NULL, amount numeric(12,2) NOT NULL, placed timestamptz NOT NULL, note text, paid boolean NOT NULL)`;

async function until(check: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Runs the pipeline over `rows` rows and kills the worker once the destination holds
 * `killAtFraction` of them. `log` receives progress lines.
 */
export async function runJdbcRoundTrip(options: { rows: number; brokers: string; killAtFraction?: number; timeoutMs?: number; log?: (line: string) => void }): Promise<RoundTripResult> {
  const { rows, brokers, killAtFraction = 0.3, timeoutMs = 1_800_000, log = () => {} } = options;
  const name = `round-trip-${randomBytes(4).toString("hex")}`;
  const dir = mkdtempSync(path.join(os.tmpdir(), "tributary-round-trip-"));
  const children: ChildProcess[] = [];
  const pg = await startPostgres({ name, port: "auto" });
  try {
    const sql = (statement: string) => psql(pg, statement);
    const count = () => Number(sql("SELECT count(*) FROM orders_copy").trim());
    sql(`${DDL("orders")}; ${DDL("orders_copy")};`);
    sql(
      `INSERT INTO orders SELECT i, 'customer ' || (i % 9973), round((i % 100000) / 7.0, 2), timestamptz '2024-01-01 00:00:00+00' + (i * 1237) * interval '1 millisecond',
         CASE WHEN i % 5 = 0 THEN NULL ELSE 'note ' || md5(i::text) END, i % 2 = 0 FROM generate_series(1, ${rows}) i`,
    );
    log(`${rows.toLocaleString("en")} rows in ${pg.database}.orders on port ${pg.port}`);
    const topicPrefix = `${name}-`;
    const port = await freePort();
    const url = jdbcUrl(pg);
    writeFileSync(path.join(dir, "worker.properties"), `bootstrap.servers=${brokers}\nlisteners=http://127.0.0.1:${port}\noffset.flush.interval.ms=1000\n`);
    const common = `connection.url=${url}\nconnection.user=${pg.user}\nconnection.password=${pg.password}\nkey.converter=org.apache.kafka.connect.json.JsonConverter\nvalue.converter=org.apache.kafka.connect.json.JsonConverter\nvalue.converter.schemas.enable=true\n`;
    writeFileSync(
      path.join(dir, "source.properties"),
      `name=${name}-source\nconnector.class=io.confluent.connect.jdbc.JdbcSourceConnector\n${common}table.whitelist=orders\nmode=incrementing\nincrementing.column.name=id\ntopic.prefix=${topicPrefix}\nbatch.max.rows=2000\npoll.interval.ms=500\n`,
    );
    writeFileSync(
      path.join(dir, "sink.properties"),
      `name=${name}-sink\nconnector.class=io.confluent.connect.jdbc.JdbcSinkConnector\n${common}topics=${topicPrefix}orders\ntable.name.format=orders_copy\ninsert.mode=upsert\npk.mode=record_value\npk.fields=id\nbatch.size=2000\n`,
    );
    const start = (files: string[]) => {
      const child = spawn(path.join(root, "bin", "tributary.mjs"), ["standalone", "worker.properties", ...files], {
        cwd: dir,
        env: { ...process.env, DATABASE_URL: `file:${path.join(dir, "worker.db")}`, LOG_LEVEL: "warn" },
        stdio: ["ignore", "ignore", "inherit"],
      });
      children.push(child);
      return child;
    };
    const started = Date.now();
    const first = start(["source.properties", "sink.properties"]);
    await until(() => count() >= rows * killAtFraction, `${Math.round(killAtFraction * 100)}% of the rows in orders_copy`, timeoutMs);
    first.kill("SIGKILL");
    await new Promise((resolve) => first.once("exit", resolve));
    const rowsAtKill = count();
    log(`kill -9 of the worker with ${rowsAtKill.toLocaleString("en")} rows copied; restarting it`);
    const second = start([]);
    await until(() => count() >= rows, "every row in orders_copy", timeoutMs);
    const seconds = (Date.now() - started) / 1000;
    second.kill("SIGTERM");
    await new Promise((resolve) => second.once("exit", resolve));
    const missing = Number(sql("SELECT count(*) FROM (SELECT * FROM orders EXCEPT SELECT * FROM orders_copy) d").trim());
    const extra = Number(sql("SELECT count(*) FROM (SELECT * FROM orders_copy EXCEPT SELECT * FROM orders) d").trim());
    log(`${count().toLocaleString("en")} rows in orders_copy after ${seconds.toFixed(1)} s; ${missing} missing, ${extra} different or extra`);
    return { rows, rowsAtKill, missing, extra, seconds };
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
    await stopPostgres(name, { remove: true });
    rmSync(dir, { recursive: true, force: true });
  }
}
