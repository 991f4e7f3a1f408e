/**
 * The JDBC source on a real PostgreSQL cluster and the real broker: the README's reference
 * config (only the URL and credentials changed) streams a table into Kafka through the REST API;
 * modes, column types, offsets in Confluent's layout and tables spread over tasks.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, uniqueName } from "@/scripts/test/integration";
import { startTestPostgres, type TestPostgres } from "@/scripts/test/postgres";
import { readTopic, startStandaloneHarness, type StandaloneHarness } from "@/scripts/test/standalone-harness";
import { createConnectHandler } from "@/server/http/connect-api";
import { connectClient } from "@/server/http/connect/testing/connect-client";
import { connectionTestResponse } from "@/server/http/console-connection-test";

let pg: TestPostgres;
let harness: StandaloneHarness;
let call: ReturnType<typeof connectClient>;

beforeAll(async () => {
  pg = await startTestPostgres("jdbc-source");
  harness = await startStandaloneHarness("jdbc-source");
  call = connectClient(createConnectHandler(async () => harness.herder));
});
afterAll(async () => {
  try {
    await harness?.close();
  } finally {
    await pg?.stop();
  }
});

const values = (records: Array<{ value: Buffer | null }>) => records.map((record) => JSON.parse(record.value!.toString("utf8")) as { schema: unknown; payload: Record<string, unknown> });

async function runningTasks(name: string, tasks: number): Promise<void> {
  await eventually(async () => {
    const status = await harness.herder.connectorStatus(name);
    return status.connector.state === "RUNNING" && status.tasks.length === tasks && status.tasks.every((task) => task.state === "RUNNING") ? true : undefined;
  }, 30_000, `${name} running with ${tasks} tasks`);
}

describe("JDBC source", () => {
  it("runs the reference config and streams the table into the one topic it names", async () => {
    const database = pg.createDatabase("mydb");
    pg.sql(
      `CREATE TABLE customers (id serial PRIMARY KEY, name text NOT NULL, balance numeric(12,2), born date, seen timestamptz, data bytea, active boolean);
       INSERT INTO customers (name, balance, born, seen, data, active) VALUES
         ('Ada', 1234.50, '1815-12-10', '2024-05-01 12:00:00.123456+00', '\\x0102', true),
         ('Brendan', NULL, NULL, NULL, NULL, NULL);`,
      database,
    );
    const topic = uniqueName("my-topic");
    const name = uniqueName("my-connector");
    const config = {
      name,
      "connector.class": "io.confluent.connect.jdbc.JdbcSourceConnector",
      "tasks.max": "3",
      "connection.url": pg.jdbcUrl({ credentials: true, database }),
      topics: topic,
      "key.converter": "org.apache.kafka.connect.json.JsonConverter",
      "value.converter": "org.apache.kafka.connect.json.JsonConverter",
      "value.converter.schemas.enable": "true",
    };
    const validation = (await (await call("PUT", "/connector-plugins/JdbcSourceConnector/config/validate", { json: config })).json()) as {
      error_count: number;
      configs: Array<{ value: { name: string; value: string | null } }>;
    };
    expect(validation.error_count).toBe(0);
    expect(validation.configs.find((entry) => entry.value.name === "mode")?.value.value).toBe("incrementing");

    const response = await call("PUT", `/connectors/${name}/config`, { json: config });
    expect(response.status).toBe(201);
    await runningTasks(name, 1);
    const first = values(await readTopic(harness.clients, topic, 2));
    expect(first.map((value) => value.payload)).toEqual([
      { id: 1, name: "Ada", balance: "AeI6", born: -56_270, seen: 1_714_564_800_123, data: "AQI=", active: true },
      { id: 2, name: "Brendan", balance: null, born: null, seen: null, data: null, active: null },
    ]);
    expect(first[0]!.schema).toMatchObject({ type: "struct", name: "customers", optional: false });

    pg.sql("INSERT INTO customers (name) VALUES ('Grace')", database);
    const all = values(await readTopic(harness.clients, topic, 3));
    expect(all.map((value) => value.payload.name)).toEqual(["Ada", "Brendan", "Grace"]);
    await eventually(async () => {
      const { offsets } = await harness.herder.connectorOffsets(name);
      return offsets.some((entry) => entry.offset?.incrementing === 3) ? offsets : undefined;
    }, 20_000, "the committed offset");
    const { offsets } = await harness.herder.connectorOffsets(name);
    expect(offsets).toEqual([{ partition: { protocol: "1", table: "public.customers" }, offset: { incrementing: 3 } }]);
    await harness.herder.deleteConnector(name);
  });

  it("spreads tables over tasks, reads timestamp+incrementing and resumes from stored offsets", async () => {
    const database = pg.createDatabase("spread");
    pg.sql(
      `CREATE TABLE a (id bigint PRIMARY KEY, changed timestamp NOT NULL);
       CREATE TABLE b (id bigint PRIMARY KEY, changed timestamp NOT NULL);
       CREATE TABLE c (id bigint PRIMARY KEY, changed timestamp NOT NULL);
       INSERT INTO a SELECT i, '2024-01-01'::timestamp + i * interval '1 second' FROM generate_series(1, 250) i;
       INSERT INTO b SELECT i, '2024-01-01'::timestamp FROM generate_series(1, 10) i;
       INSERT INTO c SELECT i, '2024-01-01'::timestamp FROM generate_series(1, 5) i;`,
      database,
    );
    const prefix = `${uniqueName("spread")}-`;
    const name = uniqueName("spread");
    const config = {
      "connector.class": "JdbcSource",
      "tasks.max": "2",
      "connection.url": pg.jdbcUrl({ database }),
      "connection.user": pg.instance.user,
      "connection.password": pg.instance.password,
      mode: "timestamp+incrementing",
      "incrementing.column.name": "id",
      "timestamp.column.name": "changed",
      "topic.prefix": prefix,
      "batch.max.rows": "100",
      "poll.interval.ms": "200",
    };
    await harness.herder.putConnectorConfig(name, config, { allowReplace: true });
    await runningTasks(name, 2);
    const tasks = await harness.herder.taskConfigs(name);
    expect(tasks.map((task) => JSON.parse(task.config.tables!))).toEqual([["public.a", "public.b"], ["public.c"]]);
    expect((await readTopic(harness.clients, `${prefix}a`, 250)).length).toBe(250);
    expect((await readTopic(harness.clients, `${prefix}b`, 10)).length).toBe(10);
    await eventually(async () => {
      const { offsets } = await harness.herder.connectorOffsets(name);
      const a = offsets.find((entry) => entry.partition.table === "public.a");
      return a?.offset?.incrementing === 250 ? a : undefined;
    }, 20_000, "table a's offset");
    const { offsets } = await harness.herder.connectorOffsets(name);
    expect(offsets.find((entry) => entry.partition.table === "public.a")?.offset).toEqual({ incrementing: 250, timestamp: Date.UTC(2024, 0, 1, 0, 4, 10), timestamp_nanos: 0 });

    await harness.herder.stopConnector(name);
    pg.sql("INSERT INTO a VALUES (251, '2024-02-01'); UPDATE b SET changed = '2024-03-01' WHERE id = 3", database);
    await harness.herder.resumeConnector(name);
    await runningTasks(name, 2);
    const a = values(await readTopic(harness.clients, `${prefix}a`, 251));
    expect(a.length).toBe(251);
    expect(a.at(-1)!.payload.id).toBe(251);
    const b = values(await readTopic(harness.clients, `${prefix}b`, 11));
    expect(b.map((value) => value.payload.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 3]);
    await harness.herder.deleteConnector(name);
  });

  it("fails the task with a message saying what to set when a table has no column to read new rows by", async () => {
    const database = pg.createDatabase("nokey");
    pg.sql("CREATE TABLE events (payload text)", database);
    const name = uniqueName("nokey");
    await harness.herder.putConnectorConfig(name, { "connector.class": "JdbcSource", "connection.url": pg.jdbcUrl({ credentials: true, database }), "topic.prefix": "x-" }, { allowReplace: true });
    const trace = await eventually(async () => (await harness.herder.connectorStatus(name)).tasks[0]?.trace, 30_000, "the failed task");
    expect(trace).toContain("mode is not set");
    expect(trace).toContain("public.events has no auto-incrementing column or single-column integer primary key: set incrementing.column.name, or set mode");
    await harness.herder.deleteConnector(name);
  });

  it("tests the connection from the console: the tables it would read, or why it cannot log in, never the password", async () => {
    const database = pg.createDatabase("probe");
    pg.sql("CREATE TABLE one (id serial PRIMARY KEY); CREATE TABLE two (id serial PRIMARY KEY);", database);
    const probe = async (password: string) => {
      const config = { "connector.class": "JdbcSource", "connection.url": pg.jdbcUrl({ database }), "connection.user": pg.instance.user, "connection.password": password };
      const response = await connectionTestResponse(new Request("http://console.test/api/console/connection-test", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ config }) }), harness.herder);
      expect(response.status).toBe(200);
      return (await response.json()) as { ok: boolean; message: string };
    };
    const good = await probe(pg.instance.password);
    expect(good.ok).toBe(true);
    expect(good.message).toMatch(/^Connected to PostgreSQL 1\d\.\d+; 2 tables selected: public\.one, public\.two\.$/);
    const bad = await probe("wrong-secret");
    expect(bad).toEqual({ supported: true, ok: false, message: expect.stringContaining(`PostgreSQL refused the login of ${pg.instance.user}@`) });
    expect(JSON.stringify(bad)).not.toContain("wrong-secret");
  });

  it("refuses a URL that is not PostgreSQL's with a 400 naming connection.url", async () => {
    const response = await call("PUT", `/connectors/${uniqueName("bad")}/config`, { json: { "connector.class": "JdbcSource", "connection.url": "jdbc:mysql://localhost/db", "topic.prefix": "x" } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toContain("Invalid value jdbc:mysql://localhost/db for configuration connection.url: Tributary's JDBC connectors speak PostgreSQL");
  });
});
