import { afterEach, describe, expect, it, vi } from "vitest";
import type { ConfigValue } from "@/server/plugins/api/config-def";
import { Struct } from "@/server/plugins/api/data/struct";
import type { OffsetMap } from "@/server/plugins/api/offsets";
import type { SourceRecord } from "@/server/plugins/api/records";
import type { SourceTaskContext } from "@/server/plugins/api/task";
import { SCHEMA_SOURCE_ERROR } from "@/server/plugins/connectors/datagen/datagen-config";
import { DatagenConnector } from "@/server/plugins/connectors/datagen/datagen-connector";
import { DatagenTask, MAX_BATCH } from "@/server/plugins/connectors/datagen/datagen-task";
import { findQuickstart, QUICKSTARTS } from "@/server/plugins/connectors/datagen/quickstarts";
import { SeededRandom } from "@/server/plugins/connectors/datagen/seeded-random";

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function context(stored: OffsetMap | null = null, asked: OffsetMap[] = []): SourceTaskContext {
  return {
    configs: () => ({}),
    offsetStorageReader: () => ({
      offset: async (partition) => {
        asked.push(partition);
        return stored;
      },
      offsets: async () => new Map(),
    }),
  };
}

async function startTask(props: Record<string, string>, stored: OffsetMap | null = null): Promise<DatagenTask> {
  const task = new DatagenTask();
  task.initialize(context(stored));
  await task.start({ "kafka.topic": "demo", "max.interval": "0", "task.id": "0", ...props });
  return task;
}

/** Polls until `count` records arrived (max.interval 0 gives batches). */
async function take(task: DatagenTask, count: number): Promise<SourceRecord[]> {
  const records: SourceRecord[] = [];
  while (records.length < count) records.push(...((await task.poll()) ?? []));
  return records.slice(0, count);
}

function validate(props: Record<string, string>): Map<string, ConfigValue> {
  const connector = new DatagenConnector();
  const values = connector.config().validateAll(props);
  connector.validate(props, values);
  return values;
}

function errorsOf(values: Map<string, ConfigValue>): Record<string, string[]> {
  return Object.fromEntries([...values].filter(([, value]) => value.errors.length > 0).map(([name, value]) => [name, value.errors]));
}

describe("DatagenConnector", () => {
  it("answers to Confluent's class names", () => {
    expect(DatagenConnector.className).toBe("io.confluent.kafka.connect.datagen.DatagenConnector");
    expect(DatagenConnector.aliases).toEqual(["DatagenConnector", "Datagen"]);
    expect(new DatagenConnector().taskClass()).toBe(DatagenTask);
    expect(DatagenTask.className).toBe("io.confluent.kafka.connect.datagen.DatagenTask");
  });

  it("makes one task config per tasks.max with its own task.id and Confluent's defaults", () => {
    const connector = new DatagenConnector();
    connector.start({ "kafka.topic": "users", quickstart: "USERS", name: "dg", "connector.class": "Datagen" });
    const configs = connector.taskConfigs(3);
    expect(configs).toHaveLength(3);
    expect(configs.map((config) => config["task.id"])).toEqual(["0", "1", "2"]);
    expect(configs[0]).toEqual({
      "kafka.topic": "users",
      "max.interval": "500",
      iterations: "-1",
      quickstart: "users",
      "schema.keyfield": "userid",
      "task.id": "0",
    });
  });

  it("passes random.seed and an explicit schema.keyfield to the tasks", () => {
    const connector = new DatagenConnector();
    connector.start({ "kafka.topic": "t", quickstart: "orders", "schema.keyfield": "itemid", "random.seed": "42", iterations: "10", "max.interval": "0" });
    expect(connector.taskConfigs(1)[0]).toMatchObject({ "schema.keyfield": "itemid", "random.seed": "42", iterations: "10", "max.interval": "0" });
  });

  it("accepts a valid quickstart config in any case", () => {
    expect(errorsOf(validate({ "kafka.topic": "t", quickstart: "PageViews" }))).toEqual({});
  });

  it("reports an unknown quickstart on the quickstart key", () => {
    const errors = errorsOf(validate({ "kafka.topic": "t", quickstart: "clickstream" }));
    expect(Object.keys(errors)).toEqual(["quickstart"]);
    expect(errors.quickstart![0]).toMatch(/Invalid value clickstream for configuration quickstart: String must be one of \(case insensitive\): USERS, ORDERS, PAGEVIEWS/);
  });

  it("requires a schema source and a topic", () => {
    expect(errorsOf(validate({}))).toEqual({
      "kafka.topic": ['Missing required configuration "kafka.topic" which has no default value.'],
      "schema.string": [SCHEMA_SOURCE_ERROR],
      "schema.filename": [SCHEMA_SOURCE_ERROR],
      quickstart: [SCHEMA_SOURCE_ERROR],
    });
  });

  it("refuses Avro schemas with a clear per-key message", () => {
    expect(errorsOf(validate({ "kafka.topic": "t", "schema.string": '{"type":"record","name":"x","fields":[]}' }))).toEqual({
      "schema.string": ["schema.string is not supported yet; use quickstart"],
    });
    expect(errorsOf(validate({ "kafka.topic": "t", "schema.filename": "/tmp/x.avsc" }))).toEqual({
      "schema.filename": ["schema.filename is not supported yet; use quickstart"],
    });
    expect(errorsOf(validate({ "kafka.topic": "t", "schema.string": "{}", quickstart: "users" }))).toEqual({
      "schema.string": [SCHEMA_SOURCE_ERROR, "schema.string is not supported yet; use quickstart"],
      quickstart: [SCHEMA_SOURCE_ERROR],
    });
  });

  it("reports a schema.keyfield that the quickstart does not have", () => {
    expect(errorsOf(validate({ "kafka.topic": "t", quickstart: "users", "schema.keyfield": "nope" }))).toEqual({
      "schema.keyfield": ["Field nope is not in quickstart users's schema; its fields are: registertime, userid, regionid, gender"],
    });
  });

  it("fails to start on a config validate refuses", () => {
    expect(() => new DatagenConnector().start({ "kafka.topic": "t", "schema.string": "{}" })).toThrow(/schema\.string is not supported yet; use quickstart/);
    expect(() => new DatagenConnector().start({ "kafka.topic": "t" })).toThrow(/Must set exactly one of/);
    expect(() => new DatagenConnector().start({ quickstart: "users" })).toThrow(/kafka\.topic/);
  });

  it("accepts offset changes with a task.id partition and a non-negative current.iteration", () => {
    const connector = new DatagenConnector();
    const offsets = (partition: OffsetMap, offset: OffsetMap | null) => new Map([[partition, offset]]);
    expect(connector.alterOffsets({}, offsets({ "task.id": 0 }, { "current.iteration": 5 }))).toBe(true);
    expect(connector.alterOffsets({}, offsets({ "task.id": 1 }, null))).toBe(true);
    expect(() => connector.alterOffsets({}, offsets({ task: 0 }, null))).toThrow(/task\.id/);
    expect(() => connector.alterOffsets({}, offsets({ "task.id": 0 }, { "current.iteration": -1 }))).toThrow(/non-negative integer/);
  });
});

describe("quickstarts", () => {
  it("have Confluent's schema names and fields", () => {
    const shape = (name: string) =>
      findQuickstart(name)!.valueSchema.fields.map((field) => [field.name, field.schema.type, field.schema.optional]);
    expect([...QUICKSTARTS.keys()]).toEqual(["users", "orders", "pageviews"]);
    expect(findQuickstart("USERS")!.valueSchema.name).toBe("ksql.users");
    expect(shape("users")).toEqual([
      ["registertime", "INT64", false],
      ["userid", "STRING", false],
      ["regionid", "STRING", false],
      ["gender", "STRING", false],
    ]);
    expect(findQuickstart("pageviews")!.valueSchema.name).toBe("ksql.pageviews");
    expect(shape("pageviews")).toEqual([
      ["viewtime", "INT64", false],
      ["userid", "STRING", false],
      ["pageid", "STRING", false],
    ]);
    const orders = findQuickstart("orders")!.valueSchema;
    expect(orders.name).toBe("ksql.orders");
    expect(shape("orders")).toEqual([
      ["ordertime", "INT64", false],
      ["orderid", "INT32", false],
      ["itemid", "STRING", false],
      ["orderunits", "FLOAT64", false],
      ["address", "STRUCT", false],
    ]);
    expect(orders.field("address")!.schema.fields.map((field) => [field.name, field.schema.type])).toEqual([
      ["city", "STRING"],
      ["state", "STRING"],
      ["zipcode", "INT64"],
    ]);
  });

  it("generate values that validate against their schema, in plausible ranges", () => {
    const random = new SeededRandom(7);
    for (const quickstart of QUICKSTARTS.values()) {
      for (let i = 0; i < 500; i++) {
        const value = quickstart.generate(random, i);
        expect(() => quickstart.valueSchema.validateValue(value)).not.toThrow();
      }
    }
    const users = Array.from({ length: 500 }, (_, i) => findQuickstart("users")!.generate(random, i));
    for (const user of users) {
      expect(user.getString("userid")).toMatch(/^User_[1-9]$/);
      expect(user.getString("regionid")).toMatch(/^Region_[1-9]$/);
      expect(["MALE", "FEMALE", "OTHER"]).toContain(user.getString("gender"));
      const time = user.getInt64("registertime")!;
      expect(time >= 1_487_715_775_521n && time < 1_519_273_364_600n).toBe(true);
    }
    expect(new Set(users.map((user) => user.getString("userid"))).size).toBe(9);
    expect(new Set(users.map((user) => user.getString("gender"))).size).toBe(3);

    const pageviews = Array.from({ length: 300 }, (_, i) => findQuickstart("pageviews")!.generate(random, i));
    for (const view of pageviews) expect(view.getString("pageid")).toMatch(/^Page_[1-9][0-9]?$/);
    expect(pageviews.slice(0, 3).map((view) => view.getInt64("viewtime"))).toEqual([1n, 11n, 21n]);

    const orders = Array.from({ length: 300 }, (_, i) => findQuickstart("orders")!.generate(random, i));
    expect(orders.slice(0, 3).map((order) => order.getNumber("orderid"))).toEqual([0, 1, 2]);
    for (const order of orders) {
      const units = order.getNumber("orderunits")!;
      expect(units >= 0.1 && units < 10).toBe(true);
      expect(order.getString("itemid")).toMatch(/^Item_[1-9][0-9]{0,2}$/);
      const address = order.getStruct("address")!;
      expect(address.getString("city")).toMatch(/^City_[1-9]{1,2}$/);
      expect(address.getString("state")).toMatch(/^State_[1-9]{1,2}$/);
      const zip = address.getInt64("zipcode")!;
      expect(zip >= 10_000n && zip <= 99_999n).toBe(true);
    }
  });
});

describe("SeededRandom", () => {
  it("repeats a sequence from a seed or a saved state, and differs per task", () => {
    const draw = (random: SeededRandom) => Array.from({ length: 5 }, () => random.nextUint32());
    expect(draw(SeededRandom.forTask(42, 0))).toEqual(draw(SeededRandom.forTask(42, 0)));
    expect(draw(SeededRandom.forTask(42, 0))).not.toEqual(draw(SeededRandom.forTask(42, 1)));
    expect(draw(SeededRandom.forTask(42, 0))).not.toEqual(draw(SeededRandom.forTask(43, 0)));
    const random = SeededRandom.forTask(2 ** 40 + 3, 2);
    draw(random);
    const copy = new SeededRandom(random.state);
    expect(draw(copy)).toEqual(draw(random));
  });

  it("stays within its bounds", () => {
    const random = new SeededRandom(1);
    const doubles = Array.from({ length: 10_000 }, () => random.nextDouble());
    expect(doubles.every((d) => d >= 0 && d < 1)).toBe(true);
    const ints = new Set(Array.from({ length: 10_000 }, () => random.nextInt(1, 10)));
    expect([...ints].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe("DatagenTask", () => {
  it("emits quickstart records keyed by the key field, with Confluent's partition, offset and headers", async () => {
    const asked: OffsetMap[] = [];
    const task = new DatagenTask();
    task.initialize(context(null, asked));
    await task.start({ "kafka.topic": "users", quickstart: "users", "max.interval": "0", "task.id": "2", "schema.keyfield": "userid" });
    expect(asked).toEqual([{ "task.id": 2 }]);
    const [first, second] = await take(task, 2);
    expect(first!.topic).toBe("users");
    expect(first!.value).toBeInstanceOf(Struct);
    expect(first!.valueSchema!.name).toBe("ksql.users");
    expect(first!.keySchema!.type).toBe("STRING");
    expect(first!.key).toBe((first!.value as Struct).getString("userid"));
    expect(first!.sourcePartition).toEqual({ "task.id": 2 });
    expect(first!.sourceOffset).toMatchObject({ "task.generation": 1, "current.iteration": 1 });
    expect(second!.sourceOffset).toMatchObject({ "current.iteration": 2 });
    expect([...first!.headers].map((header) => [header.key, header.value, header.schema?.type])).toEqual([
      ["task.generation", 0n, "INT64"],
      ["task.id", 2n, "INT64"],
      ["current.iteration", 0n, "INT64"],
    ]);
    await task.stop();
  });

  it("keys orders by orderid (INT32) and pageviews by viewtime (INT64)", async () => {
    const orders = await startTask({ quickstart: "orders" });
    const [order] = await take(orders, 1);
    expect([order!.keySchema!.type, order!.key]).toEqual(["INT32", 0]);
    const views = await startTask({ quickstart: "pageviews" });
    const [view] = await take(views, 1);
    expect([view!.keySchema!.type, view!.key]).toEqual(["INT64", 1n]);
  });

  it("returns batches of up to MAX_BATCH when max.interval is 0", async () => {
    const task = await startTask({ quickstart: "users" });
    expect((await task.poll())!).toHaveLength(MAX_BATCH);
  });

  it("generates the same data for the same random.seed and task.id, and different data per task", async () => {
    const values = async (props: Record<string, string>) => (await take(await startTask({ quickstart: "orders", ...props }), 50)).map((r) => r.value);
    const a = await values({ "random.seed": "1234" });
    const b = await values({ "random.seed": "1234" });
    expect(a.every((value, i) => (value as Struct).equals(b[i]))).toBe(true);
    const other = await values({ "random.seed": "1234", "task.id": "1" });
    expect(a.every((value, i) => (value as Struct).equals(other[i]))).toBe(false);
  });

  it("stops at iterations, then keeps returning null", async () => {
    vi.useFakeTimers();
    const task = await startTask({ quickstart: "users", iterations: "3" });
    const polled = task.poll();
    await vi.advanceTimersByTimeAsync(0);
    expect((await polled)!.map((record) => record.sourceOffset!["current.iteration"])).toEqual([1, 2, 3]);
    for (let i = 0; i < 2; i++) {
      const next = task.poll();
      await vi.advanceTimersByTimeAsync(1000);
      expect(await next).toBeNull();
    }
  });

  it("resumes from a stored offset: iterations is a total and a seeded sequence continues", async () => {
    const props = { quickstart: "pageviews", "random.seed": "99", iterations: "5" };
    const first = await take(await startTask(props), 5);
    const resumed = await startTask(props, first[1]!.sourceOffset);
    const rest = (await resumed.poll())!;
    expect(rest.map((record) => record.sourceOffset!["current.iteration"])).toEqual([3, 4, 5]);
    expect(rest.every((record, i) => (record.value as Struct).equals(first[i + 2]!.value))).toBe(true);
    expect(rest[0]!.sourceOffset!["task.generation"]).toBe(2);
    expect(rest[0]!.headers.lastWithName("task.generation")!.value).toBe(1n);
  });

  it("resumes the count from an offset holding only current.iteration", async () => {
    const task = await startTask({ quickstart: "orders", iterations: "10" }, { "current.iteration": 8 });
    const records = (await task.poll())!;
    expect(records.map((record) => record.key)).toEqual([8, 9]);
  });

  it("waits a random time below max.interval before each record", async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, "random").mockReturnValue(0.5);
    const task = await startTask({ quickstart: "users", "max.interval": "1000" });
    let records: SourceRecord[] | null = null;
    const polled = task.poll().then((result) => (records = result));
    await vi.advanceTimersByTimeAsync(499);
    expect(records).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    await polled;
    expect(records).toHaveLength(1);
  });

  it("returns promptly when stopped during a poll's wait, and null afterwards", async () => {
    const task = await startTask({ quickstart: "users", "max.interval": "60000" });
    vi.spyOn(Math, "random").mockReturnValue(0.99);
    const polling = task.poll();
    await task.stop();
    expect(await polling).toBeNull();
    expect(await task.poll()).toBeNull();
  });

  it("returns promptly when stopped while done", async () => {
    const task = await startTask({ quickstart: "users", iterations: "1" });
    await take(task, 1);
    const polling = task.poll();
    await task.stop();
    expect(await polling).toBeNull();
  });
});
