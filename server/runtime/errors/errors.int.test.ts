/**
 * Error handling on the real broker, as an operator sees it: bad records skipped to the dead
 * letter queue with Kafka Connect's headers while the good ones arrive and offsets move on;
 * tolerance none failing the task with a trace naming the stage and committing nothing past the
 * bad record; retriable failures retried until errors.retry.timeout; a sink task's errant record
 * reporter; and Tributary's dead letter queue for source connectors.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, uniqueName } from "@/scripts/test/integration";
import { readTopic, startStandaloneHarness, type StandaloneHarness } from "@/scripts/test/standalone-harness";
import { ConfigDef } from "@/server/plugins/api/config-def";
import { SinkConnector, type TaskClass } from "@/server/plugins/api/connector";
import { DataException } from "@/server/plugins/api/data/errors";
import { RetriableException } from "@/server/plugins/api/plugin-api";
import type { ConnectRecord, SinkRecord } from "@/server/plugins/api/records";
import { SinkTask } from "@/server/plugins/api/task";
import type { Transformation } from "@/server/plugins/api/transformation";
import type { IncomingRecord } from "@/server/runtime/ports";

/** Throws RetriableException on every call and counts them. */
class AlwaysBusy implements Transformation {
  static readonly className = "test.AlwaysBusy";
  static attempts = 0;
  configure() {}
  config() {
    return new ConfigDef();
  }
  apply(): ConnectRecord | null {
    AlwaysBusy.attempts++;
    throw new RetriableException("the lookup service is busy");
  }
}

/** Fails every record whose value contains "bad" with a DataException. */
class RejectBad implements Transformation {
  static readonly className = "test.RejectBad";
  configure() {}
  config() {
    return new ConfigDef();
  }
  apply(record: ConnectRecord) {
    if (String(record.value).includes("bad")) throw new DataException(`cannot enrich ${String(record.value)}`);
    return record;
  }
}

/** A sink that hands records whose value contains "reject" to the errant record reporter. */
class ReportingSinkTask extends SinkTask {
  static readonly className = "test.ReportingSinkTask";
  static accepted: string[] = [];
  version() {
    return "1";
  }
  start() {}
  stop() {}
  async put(records: SinkRecord[]) {
    const reporter = this.context.errantRecordReporter();
    for (const record of records) {
      if (String(record.value).includes("reject")) await reporter!.report(record, new Error(`row ${String(record.value)} violates a constraint`));
      else ReportingSinkTask.accepted.push(String(record.value));
    }
  }
}
class ReportingSink extends SinkConnector {
  static readonly className = "test.ReportingSink";
  version() {
    return "1";
  }
  config() {
    return new ConfigDef();
  }
  start() {}
  stop() {}
  taskClass(): TaskClass<SinkTask> {
    return ReportingSinkTask;
  }
  taskConfigs() {
    return [{}];
  }
}

let harness: StandaloneHarness;

beforeAll(async () => {
  harness = await startStandaloneHarness("errors", {
    extend: (registry) => {
      registry.register("transformation", AlwaysBusy);
      registry.register("transformation", RejectBad);
      registry.register("sink", ReportingSink);
    },
  });
});

afterAll(async () => {
  await harness.close();
});

const header = (record: IncomingRecord, key: string) => record.headers.find((h) => h.key === key)?.value?.toString("utf8");
const lines = (file: string) => (existsSync(file) ? readFileSync(file, "utf8").split("\n").filter(Boolean) : []);

async function produce(topic: string, values: string[]): Promise<void> {
  await harness.clients.admin().createTopics([{ name: topic, partitions: 1, replicationFactor: 1 }]);
  const producer = harness.clients.producer(uniqueName("test-producer"), {});
  await producer.send(values.map((value, i) => ({ topic, partition: 0, key: Buffer.from(`k${i}`), value: Buffer.from(value), headers: [{ key: "origin", value: Buffer.from("test") }], timestamp: 1_700_000_000_000 + i })));
  await producer.close();
}

const dlqEnd = async (topic: string) => (await harness.clients.admin().endOffsets([topic])).reduce((sum, p) => sum + Number(p.offset), 0);
const committed = async (connector: string) => (await harness.clients.admin().groupOffsets(`connect-${connector}`)).reduce((sum, p) => sum + Number(p.offset), 0);

/** The test's keys and values are plain text. */
const strings = { "key.converter": "org.apache.kafka.connect.storage.StringConverter", "value.converter": "org.apache.kafka.connect.storage.StringConverter" };

const dlqSettings = (dlq: string) => ({
  "errors.tolerance": "all",
  "errors.deadletterqueue.topic.name": dlq,
  "errors.deadletterqueue.topic.replication.factor": "1",
  "errors.deadletterqueue.context.headers.enable": "true",
});

describe("errors.tolerance and the dead letter queue on a sink", () => {
  it("sends exactly the 100 invalid JSON records of 10,000 to the DLQ with their headers; the 9,900 others reach the sink", async () => {
    const topic = uniqueName("orders");
    const dlq = uniqueName("orders-dlq");
    const name = uniqueName("json-sink");
    const output = path.join(harness.dir, `${name}.txt`);
    const values = Array.from({ length: 10_000 }, (_, i) => (i % 100 === 37 ? `not json ${i}` : JSON.stringify({ n: i })));
    await produce(topic, values);
    await harness.herder.putConnectorConfig(
      name,
      { "connector.class": "FileStreamSink", file: output, topics: topic, ...strings, "value.converter": "org.apache.kafka.connect.json.JsonConverter", "value.converter.schemas.enable": "false", ...dlqSettings(dlq) },
      { allowReplace: false },
    );

    await eventually(() => (lines(output).length === 9_900 ? true : undefined), 60_000, "9,900 lines in the sink's file");
    await eventually(async () => ((await committed(name)) === 10_000 ? true : undefined), 30_000, "the group's offsets past all 10,000 records");
    // Invariant under test: the failed records were in the DLQ before the offsets moved past them.
    expect(await dlqEnd(dlq), "records in the DLQ once the offsets are committed").toBe(100);

    const failed = await readTopic(harness.clients, dlq, 100, 60_000);
    expect(failed).toHaveLength(100);
    const bad = values.flatMap((value, offset) => (value.startsWith("not json") ? [{ value, offset }] : []));
    expect(failed.map((record) => record.value?.toString())).toEqual(bad.map((b) => b.value));
    const first = failed[0]!;
    expect(first.key?.toString()).toBe("k37");
    expect(first.timestamp).toBe(1_700_000_000_037);
    expect(header(first, "origin")).toBe("test");
    expect(header(first, "__connect.errors.topic")).toBe(topic);
    expect(header(first, "__connect.errors.partition")).toBe("0");
    expect(header(first, "__connect.errors.offset")).toBe("37");
    expect(header(first, "__connect.errors.connector.name")).toBe(name);
    expect(header(first, "__connect.errors.task.id")).toBe("0");
    expect(header(first, "__connect.errors.stage")).toBe("VALUE_CONVERTER");
    expect(header(first, "__connect.errors.class.name")).toBe("org.apache.kafka.connect.json.JsonConverter");
    expect(header(first, "__connect.errors.exception.class.name")).toBe("org.apache.kafka.connect.errors.DataException");
    expect(header(first, "__connect.errors.exception.message")).toMatch(/^Converting byte\[\] to Kafka Connect data failed due to serialization error/);
    expect(header(first, "__connect.errors.exception.stacktrace")).toMatch(/^DataException: /);
    expect(Number(header(first, "__tributary.errors.timestamp"))).toBeGreaterThan(first.timestamp);
    expect(failed.map((record) => header(record, "__connect.errors.offset"))).toEqual(bad.map((b) => String(b.offset)));
    expect((await harness.herder.connectorStatus(name)).tasks[0]?.state).toBe("RUNNING");
    await harness.herder.deleteConnector(name);
  });

  it("fails the task with tolerance none, with a trace naming the stage, and commits nothing past the bad record", async () => {
    const topic = uniqueName("strict");
    const name = uniqueName("strict-sink");
    const output = path.join(harness.dir, `${name}.txt`);
    await produce(topic, Array.from({ length: 100 }, (_, i) => (i === 50 ? "{broken" : JSON.stringify({ n: i }))));
    await harness.herder.putConnectorConfig(name, { "connector.class": "FileStreamSink", file: output, topics: topic, ...strings, "value.converter": "org.apache.kafka.connect.json.JsonConverter", "value.converter.schemas.enable": "false" }, { allowReplace: false });
    const task = await eventually(async () => {
      const status = await harness.herder.connectorStatus(name);
      return status.tasks[0]?.state === "FAILED" ? status.tasks[0] : undefined;
    }, 30_000, "the task to fail");
    expect(task.trace).toMatch(/^ConnectException: Tolerance exceeded in error handler \(stage VALUE_CONVERTER, class org.apache.kafka.connect.json.JsonConverter\)/);
    expect(task.trace).toMatch(/Caused by: DataException: /);
    expect(await committed(name)).toBeLessThanOrEqual(50);
    expect(lines(output).length).toBeLessThanOrEqual(50);
    await harness.herder.deleteConnector(name);
  });

  it("retries a retriable failure until errors.retry.timeout, then reports the record", async () => {
    const topic = uniqueName("busy");
    const dlq = uniqueName("busy-dlq");
    const name = uniqueName("busy-sink");
    await produce(topic, [JSON.stringify({ n: 1 })]);
    AlwaysBusy.attempts = 0;
    const started = Date.now();
    await harness.herder.putConnectorConfig(
      name,
      { "connector.class": "FileStreamSink", file: path.join(harness.dir, `${name}.txt`), topics: topic, ...strings, transforms: "lookup", "transforms.lookup.type": "test.AlwaysBusy", "errors.retry.timeout": "2000", ...dlqSettings(dlq) },
      { allowReplace: false },
    );
    const [record] = await readTopic(harness.clients, dlq, 1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
    expect(AlwaysBusy.attempts).toBe(4);
    expect(header(record!, "__connect.errors.stage")).toBe("TRANSFORMATION");
    expect(header(record!, "__connect.errors.class.name")).toBe("test.AlwaysBusy");
    expect(header(record!, "__connect.errors.exception.class.name")).toBe("org.apache.kafka.connect.errors.RetriableException");
    await harness.herder.deleteConnector(name);
  });

  it("gives sink tasks an errant record reporter that writes to the DLQ and lets offsets move on", async () => {
    const topic = uniqueName("rows");
    const dlq = uniqueName("rows-dlq");
    const name = uniqueName("reporting-sink");
    await produce(topic, ["ok 1", "reject 2", "ok 3", "reject 4"]);
    ReportingSinkTask.accepted = [];
    await harness.herder.putConnectorConfig(name, { "connector.class": "test.ReportingSink", topics: topic, ...strings, ...dlqSettings(dlq) }, { allowReplace: false });
    const reported = await readTopic(harness.clients, dlq, 2);
    expect(reported.map((r) => r.value?.toString())).toEqual(["reject 2", "reject 4"]);
    expect(reported.map((r) => header(r, "__connect.errors.stage"))).toEqual(["TASK_PUT", "TASK_PUT"]);
    expect(header(reported[0]!, "__connect.errors.exception.message")).toBe("row reject 2 violates a constraint");
    expect(ReportingSinkTask.accepted).toEqual(["ok 1", "ok 3"]);
    await eventually(async () => ((await committed(name)) === 4 ? true : undefined), 30_000, "offsets past the reported records");
    await harness.herder.deleteConnector(name);
  });
});

describe("a dead letter queue for a source connector (Tributary's extension)", () => {
  it("sends the lines a transform failed on to the DLQ with where they came from; the others reach the topic", async () => {
    const topic = uniqueName("lines");
    const dlq = uniqueName("lines-dlq");
    const name = uniqueName("file-source");
    const input = path.join(harness.dir, `${name}.txt`);
    writeFileSync(input, "good 1\nbad 2\ngood 3\n");
    await harness.herder.putConnectorConfig(
      name,
      { "connector.class": "FileStreamSource", file: input, topic, ...strings, transforms: "enrich", "transforms.enrich.type": "test.RejectBad", ...dlqSettings(dlq) },
      { allowReplace: false },
    );
    const [failed] = await readTopic(harness.clients, dlq, 1);
    expect(failed!.value?.toString()).toBe("bad 2");
    expect(header(failed!, "__connect.errors.topic")).toBe(topic);
    expect(header(failed!, "__connect.errors.partition")).toBeUndefined();
    expect(header(failed!, "__connect.errors.stage")).toBe("TRANSFORMATION");
    expect(header(failed!, "__connect.errors.exception.message")).toBe("cannot enrich bad 2");
    expect(JSON.parse(header(failed!, "__tributary.errors.source.partition")!)).toEqual({ filename: input });
    expect(JSON.parse(header(failed!, "__tributary.errors.source.offset")!)).toEqual({ position: 13 });
    const delivered = await readTopic(harness.clients, topic, 2);
    expect(delivered.map((r) => r.value?.toString())).toEqual(["good 1", "good 3"]);
    await harness.herder.deleteConnector(name);
  });
});
