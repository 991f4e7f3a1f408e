/**
 * Proves the @platformatic/kafka paths of server/kafka (the task producers, own and shared, the sink consumer,
 * OffsetDelete) against the Kafka version pinned in scripts/kafka/pom.xml, on the real broker:
 * produce with every compression type and read it all back, a rebalancing group, deleting one
 * partition's committed offset, and transactions committed and aborted as read_committed and
 * read_uncommitted consumers see them.
 */
import { Producer } from "@platformatic/kafka";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, kafkaBrokers, uniqueName } from "@/scripts/test/integration";
import { parseWorkerConfig } from "@/server/config/worker-config";
import { WorkerClientFactory } from "@/server/kafka/client-factory";
import { murmur2 } from "@/server/kafka/java-partitioner";
import { PlatformaticSinkConsumer, type SinkConsumerOptions } from "@/server/kafka/sink-consumer";
import { scratchTopics } from "@/server/kafka/testing/scratch-topics";
import type { IncomingRecord, KafkaTopicPartition, OutgoingRecord } from "@/server/runtime/ports";

let clients: WorkerClientFactory;
let topics: ReturnType<typeof scratchTopics>;

beforeAll(() => {
  clients = new WorkerClientFactory(parseWorkerConfig({ "bootstrap.servers": kafkaBrokers() }, () => "test"));
  topics = scratchTopics(kafkaBrokers());
});

afterAll(async () => {
  await clients.close();
  await topics.dropAll();
});

function consumerOptions(topic: string, overrides: Partial<SinkConsumerOptions> = {}): SinkConsumerOptions {
  return {
    connection: { clientId: uniqueName("compat-consumer"), bootstrapBrokers: kafkaBrokers().split(",") },
    groupId: uniqueName("compat-group"),
    topics: [topic],
    sessionTimeoutMs: 10_000,
    heartbeatIntervalMs: 500,
    rebalanceTimeoutMs: 20_000,
    maxWaitMs: 200,
    minBytes: 1,
    maxBytes: 52_428_800,
    partitionMaxBytes: 1_048_576,
    readCommitted: false,
    metadataMaxAgeMs: 300_000,
    ...overrides,
  };
}

/** Starts a consumer that collects every record it is given; `assigned` holds its latest assignment. */
async function collecting(consumer: PlatformaticSinkConsumer, commitEach = false) {
  const records: IncomingRecord[] = [];
  const state = { records, assigned: [] as KafkaTopicPartition[], failure: undefined as Error | undefined };
  await consumer.start({
    onBatch: async (batch) => {
      records.push(...batch);
      if (commitEach) {
        const last = batch[batch.length - 1]!;
        await consumer.commit([{ topic: last.topic, partition: last.partition, offset: last.offset + 1n }]);
      }
    },
    onAssignment: async (partitions) => void (state.assigned = partitions),
    onError: async (error) => void (state.failure = error),
  });
  return state;
}

describe("@platformatic/kafka paths against the pinned Kafka broker", () => {
  it.each(["none", "gzip", "snappy", "lz4", "zstd"])("produces %s-compressed keyed records and reads every one back intact, on Java's partitions, at the offsets send reported", async (compression) => {
    const topic = await topics.create(uniqueName(`compat-${compression}`), { partitions: 3 });
    const producer = clients.producer(uniqueName("compat-producer"), { "compression.type": compression });
    const sent: OutgoingRecord[] = Array.from({ length: 600 }, (_, i) => ({
      topic,
      partition: null,
      key: Buffer.from(`key-${i % 13}`),
      value: i % 100 === 99 ? null : Buffer.from(`value-${i}-é✓😀`.repeat(1 + (i % 3))),
      headers: [
        { key: "h", value: Buffer.from(`first-${i}`) },
        { key: "h", value: Buffer.from(`second-${i}`) },
        { key: "nothing", value: null },
      ],
      timestamp: 1_700_000_000_000 + i,
    }));
    const metadata = await producer.send(sent);
    await producer.close();
    for (const [i, record] of sent.entries()) expect(metadata[i]!.partition).toBe((murmur2(record.key!) & 0x7fffffff) % 3);

    const consumer = new PlatformaticSinkConsumer(consumerOptions(topic));
    const read = await collecting(consumer);
    await eventually(() => (read.records.length >= sent.length ? true : undefined), 60_000, `${sent.length} records`);
    await consumer.close();
    expect(read.failure).toBeUndefined();
    const byOffset = new Map(read.records.map((r) => [`${r.partition}/${r.offset}`, r]));
    for (const [i, record] of sent.entries()) {
      const got = byOffset.get(`${metadata[i]!.partition}/${metadata[i]!.offset}`);
      expect(got?.key).toEqual(record.key);
      expect(got?.value).toEqual(record.value);
      expect(got?.headers).toEqual(record.headers);
      expect(got?.timestamp).toBe(record.timestamp);
    }
  });

  it("gives two tasks without overrides one shared producer: each send gets its own records' offsets, and closing one task's leaves the other's working", async () => {
    const topic = await topics.create(uniqueName("compat-shared"), { partitions: 2 });
    const first = clients.producer(uniqueName("compat-task-a"), {});
    const second = clients.producer(uniqueName("compat-task-b"), {});
    const batch = (task: string, count: number) =>
      Array.from({ length: count }, (_, i) => ({ topic, partition: i % 2, key: null, value: Buffer.from(`${task}-${i}`), headers: [], timestamp: null }));
    const [fromFirst, fromSecond] = await Promise.all([first.send(batch("a", 50)), second.send(batch("b", 30))]);
    await first.close();
    const afterClose = await second.send(batch("c", 4));
    await second.close();

    const consumer = new PlatformaticSinkConsumer(consumerOptions(topic));
    const read = await collecting(consumer);
    await eventually(() => (read.records.length >= 84 ? true : undefined), 60_000, "84 records");
    await consumer.close();
    const valueAt = new Map(read.records.map((r) => [`${r.partition}/${r.offset}`, r.value!.toString()]));
    const written = (metadata: Array<{ partition: number; offset: bigint }>) => metadata.map((m) => valueAt.get(`${m.partition}/${m.offset}`));
    expect(written(fromFirst)).toEqual(batch("a", 50).map((r) => r.value.toString()));
    expect(written(fromSecond)).toEqual(batch("b", 30).map((r) => r.value.toString()));
    expect(written(afterClose)).toEqual(["c-0", "c-1", "c-2", "c-3"]);
  });

  it("shares a group's partitions between two members, each starting at the group's committed offsets, and gives all of them to the one left", async () => {
    const topic = await topics.create(uniqueName("compat-rebalance"), { partitions: 4 });
    const options = consumerOptions(topic);
    const before = clients.producer(uniqueName("compat-producer"), {});
    await before.send([0, 1, 2, 3].map((partition) => ({ topic, partition, key: null, value: Buffer.from(`before-${partition}`), headers: [], timestamp: null })));
    await before.close();
    const first = new PlatformaticSinkConsumer(options);
    const readFirst = await collecting(first, true);
    await eventually(async () => ((await clients.admin().groupOffsets(options.groupId)).length === 4 ? true : undefined), 60_000, "all 4 partitions committed");
    await first.close();
    expect(readFirst.records).toHaveLength(4);

    const a = new PlatformaticSinkConsumer(options);
    const b = new PlatformaticSinkConsumer({ ...options, connection: { ...options.connection, clientId: uniqueName("compat-b") } });
    const readA = await collecting(a);
    const readB = await collecting(b);
    const partitionsOf = (state: { assigned: KafkaTopicPartition[] }) => state.assigned.map((tp) => tp.partition).sort();
    await eventually(() => {
      const both = [...partitionsOf(readA), ...partitionsOf(readB)].sort();
      return readA.assigned.length > 0 && readB.assigned.length > 0 && both.join() === "0,1,2,3" ? true : undefined;
    }, 60_000, "both members to share the 4 partitions");

    await b.close();
    await eventually(() => (partitionsOf(readA).join() === "0,1,2,3" ? true : undefined), 60_000, "a to own all 4 partitions");
    const producer = clients.producer(uniqueName("compat-producer"), {});
    await producer.send([0, 1, 2, 3].map((partition) => ({ topic, partition, key: null, value: Buffer.from(`after-${partition}`), headers: [], timestamp: null })));
    await producer.close();
    await eventually(() => (readA.records.filter((r) => r.value?.toString().startsWith("after-")).length === 4 ? true : undefined), 60_000, "a to read every partition");
    await a.close();
    expect([...readA.records, ...readB.records].filter((r) => r.value?.toString().startsWith("before-"))).toEqual([]);
  });

  it("deletes one partition's committed offset of a group and keeps the other's (OffsetDelete)", async () => {
    const topic = await topics.create(uniqueName("compat-offset-delete"), { partitions: 2 });
    const producer = clients.producer(uniqueName("compat-producer"), {});
    await producer.send([0, 0, 1].map((partition, i) => ({ topic, partition, key: null, value: Buffer.from(`v${i}`), headers: [], timestamp: null })));
    await producer.close();
    const options = consumerOptions(topic);
    const consumer = new PlatformaticSinkConsumer(options);
    const read = await collecting(consumer, true);
    const admin = clients.admin();
    await eventually(async () => ((await admin.groupOffsets(options.groupId)).length === 2 ? true : undefined), 60_000, "both partitions committed");
    await consumer.close();
    expect(read.records).toHaveLength(3);

    await admin.alterGroupOffsets(options.groupId, [{ topic, partition: 0, offset: null }]);
    expect(await admin.groupOffsets(options.groupId)).toEqual([{ topic, partition: 1, offset: 1n }]);
  });

  it("commits one transaction and aborts another: read_committed sees only the committed records, read_uncommitted all", async () => {
    const topic = await topics.create(uniqueName("compat-tx"));
    const producer = new Producer({ clientId: uniqueName("compat-tx"), bootstrapBrokers: kafkaBrokers().split(","), idempotent: true, transactionalId: uniqueName("compat-tx") });
    const send = async (values: string[], commit: boolean) => {
      const transaction = await producer.beginTransaction();
      await transaction.send({ messages: values.map((value) => ({ topic, partition: 0, value: Buffer.from(value) })) });
      await (commit ? transaction.commit() : transaction.abort());
    };
    await send(["committed-1", "committed-2"], true);
    await send(["aborted-1", "aborted-2"], false);
    await send(["end"], true);
    await producer.close();

    const valuesRead = async (readCommitted: boolean) => {
      const consumer = new PlatformaticSinkConsumer(consumerOptions(topic, { readCommitted }));
      const read = await collecting(consumer);
      await eventually(() => (read.records.some((r) => r.value?.toString() === "end") ? true : undefined), 60_000, "the last record");
      await consumer.close();
      return read.records.map((r) => r.value!.toString());
    };
    expect(await valuesRead(true)).toEqual(["committed-1", "committed-2", "end"]);
    expect(await valuesRead(false)).toEqual(["committed-1", "committed-2", "aborted-1", "aborted-2", "end"]);
  });
});
