/**
 * The JDBC sink on a real PostgreSQL cluster and the real broker: upserts and deletes by record
 * key with auto.create and auto.evolve; a record the table refuses goes to the dead letter
 * queue with Connect's headers while the rest of its batch is written.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, kafkaBrokers, uniqueName } from "@/scripts/test/integration";
import { startTestPostgres, type TestPostgres } from "@/scripts/test/postgres";
import { readTopic, startStandaloneHarness, type StandaloneHarness } from "@/scripts/test/standalone-harness";
import { scratchTopics } from "@/server/kafka/testing/scratch-topics";

let pg: TestPostgres;
let harness: StandaloneHarness;
const topics = scratchTopics(kafkaBrokers());
const extraTopics: string[] = [];

beforeAll(async () => {
  pg = await startTestPostgres("jdbc-sink");
  harness = await startStandaloneHarness("jdbc-sink");
});
afterAll(async () => {
  try {
    await harness?.close();
    await topics.dropAll(extraTopics);
  } finally {
    await pg?.stop();
  }
});

const keySchema = { type: "struct", optional: false, fields: [{ field: "id", type: "int32", optional: false }] };
const valueSchema = (extra: object[] = []) => ({
  type: "struct",
  optional: false,
  name: "product",
  fields: [
    { field: "id", type: "int32", optional: false },
    { field: "name", type: "string", optional: false },
    { field: "price", type: "bytes", optional: true, name: "org.apache.kafka.connect.data.Decimal", version: 1, parameters: { scale: "2" } },
    { field: "added", type: "int64", optional: true, name: "org.apache.kafka.connect.data.Timestamp", version: 1 },
    ...extra,
  ],
});
const envelope = (schema: object, payload: unknown) => Buffer.from(JSON.stringify({ schema, payload }));

async function produce(topic: string, records: Array<{ id: number; value: Buffer | null }>): Promise<void> {
  const producer = harness.clients.producer(uniqueName("sink-test"), {});
  await producer.send(records.map(({ id, value }, i) => ({ topic, partition: 0, key: envelope(keySchema, { id }), value, headers: [], timestamp: 1_700_000_000_000 + i })));
  await producer.close();
}

describe("JDBC sink", () => {
  it("creates the table, upserts by record key, evolves it for a new field and deletes on tombstones", async () => {
    const database = pg.createDatabase("sink");
    const topic = await topics.create(uniqueName("products"));
    const name = uniqueName("sink");
    await produce(topic, [
      { id: 1, value: envelope(valueSchema(), { id: 1, name: "kettle", price: "D6A=", added: 1_714_564_800_123 }) },
      { id: 2, value: envelope(valueSchema(), { id: 2, name: "toaster", price: null, added: null }) },
      { id: 1, value: envelope(valueSchema(), { id: 1, name: "kettle v2", price: "J48=", added: 1_714_564_800_123 }) },
      { id: 2, value: null },
      { id: 3, value: envelope(valueSchema([{ field: "colour", type: "string", optional: true }]), { id: 3, name: "mug", price: "ZA==", added: null, colour: "blue" }) },
    ]);
    await harness.herder.putConnectorConfig(
      name,
      {
        "connector.class": "io.confluent.connect.jdbc.JdbcSinkConnector",
        topics: topic,
        "connection.url": pg.jdbcUrl({ database }),
        "connection.user": pg.instance.user,
        "connection.password": pg.instance.password,
        "insert.mode": "upsert",
        "pk.mode": "record_key",
        "delete.enabled": "true",
        "auto.create": "true",
        "auto.evolve": "true",
        "table.name.format": "shop_${topic}",
      },
      { allowReplace: true },
    );
    const table = `"shop_${topic}"`;
    const rows = await eventually(() => {
      const out = pg.sql(`SELECT id, name, price, added, colour FROM ${table} ORDER BY id`, database).trim();
      return out.split("\n").length === 2 ? out : undefined;
    }, 30_000, "the sink's rows");
    expect(rows).toBe(["1|kettle v2|101.27|2024-05-01 12:00:00.123|", "3|mug|1.00||blue"].join("\n"));
    expect(pg.sql(`SELECT string_agg(column_name || ' ' || data_type || ' ' || is_nullable, ', ' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_name = 'shop_${topic}'`, database).trim()).toBe(
      "id integer NO, name text NO, price numeric YES, added timestamp without time zone YES, colour text YES",
    );
    await harness.herder.deleteConnector(name);
  });

  it("sends a record the table refuses to the dead letter queue and writes the rest of its batch", async () => {
    const database = pg.createDatabase("dlq");
    pg.sql("CREATE TABLE items (id int PRIMARY KEY, name varchar(8) NOT NULL, price numeric(8,2), added timestamp)", database);
    const topic = await topics.create(uniqueName("items"));
    const dlq = uniqueName("items-dlq");
    const name = uniqueName("sink-dlq");
    await produce(topic, [
      { id: 1, value: envelope(valueSchema(), { id: 1, name: "short", price: null, added: null }) },
      { id: 2, value: envelope(valueSchema(), { id: 2, name: "far too long a name", price: null, added: null }) },
      { id: 3, value: envelope(valueSchema(), { id: 3, name: "fine", price: null, added: null }) },
    ]);
    await harness.herder.putConnectorConfig(
      name,
      {
        "connector.class": "JdbcSink",
        topics: topic,
        "connection.url": pg.jdbcUrl({ database, credentials: true }),
        "insert.mode": "upsert",
        "pk.mode": "record_value",
        "pk.fields": "id",
        "table.name.format": "items",
        "errors.tolerance": "all",
        "errors.deadletterqueue.topic.name": dlq,
        "errors.deadletterqueue.topic.replication.factor": "1",
        "errors.deadletterqueue.context.headers.enable": "true",
      },
      { allowReplace: true },
    );
    const [dead] = await readTopic(harness.clients, dlq, 1);
    expect(JSON.parse(dead!.value!.toString()).payload.name).toBe("far too long a name");
    const header = (key: string) => dead!.headers.find((h) => h.key === key)?.value?.toString();
    expect(header("__connect.errors.stage")).toBe("TASK_PUT");
    expect(header("__connect.errors.topic")).toBe(topic);
    expect(header("__connect.errors.exception.message")).toContain("value too long for type character varying(8)");
    await eventually(() => (pg.sql("SELECT string_agg(id || ':' || name, ',' ORDER BY id) FROM items", database).trim() === "1:short,3:fine" ? true : undefined), 20_000, "the other rows");
    await harness.herder.deleteConnector(name);
    extraTopics.push(dlq);
  });
});
