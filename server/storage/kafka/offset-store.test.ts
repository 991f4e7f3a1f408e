/**
 * The offset store against Kafka Connect's offsets topic format, on an in-memory log: keys
 * `["<connector>",{partition}]` and JSON values as Apache Kafka Connect writes them, malformed
 * keys skipped, and partitions written back under the exact key bytes they were read with.
 */
import { describe, expect, it } from "vitest";
import { KafkaOffsetStore } from "@/server/storage/kafka/offset-store";
import { MemoryTopicLogs } from "@/server/storage/kafka/testing/memory-topic-log";

const TOPIC = "connect-offsets";

async function started(before: Array<[string, string | null]>) {
  const logs = new MemoryTopicLogs();
  for (const [key, value] of before) logs.append(TOPIC, key, value);
  const store = new KafkaOffsetStore(logs.open({ topic: TOPIC, partitions: 25, replicationFactor: 1, topicConfigs: {}, setting: "offset.storage.topic", purpose: "offsets", clientId: "test" }));
  await store.start();
  const written = () => logs.records(TOPIC).slice(before.length).map((r) => [r.key!.toString(), r.value?.toString() ?? null]);
  return { store, written, append: (key: string, value: string | null) => logs.append(TOPIC, key, value) };
}

describe("the Kafka offset store", () => {
  it("reads Kafka Connect's offsets per connector, the latest value and tombstones winning, malformed keys skipped", async () => {
    const { store, append } = await started([
      ['["file-src",{"filename":"/data/in.txt"}]', '{"position":30}'],
      ['["file-src",{"filename":"/data/in.txt"}]', '{"position":75}'],
      ['["file-src",{"filename":"/data/old.txt"}]', '{"position":9}'],
      ['["file-src",{"filename":"/data/old.txt"}]', null],
      ['["jdbc",{"protocol":"1","table":"db.orders"}]', '{"incrementing":9007199254740991,"ts":1.5,"done":false,"gap":null}'],
      ['["jdbc",{"table":"db.bad"}]', '"not an object"'],
      ['{"not":"a list"}', '{"position":1}'],
      ['["three","elements",{}]', '{"position":1}'],
      ['[1,{"filename":"x"}]', '{"position":1}'],
      ['["file-src",null]', '{"position":1}'],
      ["not json", '{"position":1}'],
    ]);
    expect(await store.offsets("file-src")).toEqual([{ partition: { filename: "/data/in.txt" }, offset: { position: 75 } }]);
    expect(await store.offsetsFor("jdbc", [{ table: "db.orders", protocol: "1" }, { table: "db.bad" }])).toEqual([
      { partition: { table: "db.orders", protocol: "1" }, offset: { incrementing: 9007199254740991, ts: 1.5, done: false, gap: null } },
    ]);
    append('["file-src",{"filename":"/data/new.txt"}]', '{"position":3}');
    expect((await store.offsets("file-src")).map((entry) => entry.partition.filename).sort()).toEqual(["/data/in.txt", "/data/new.txt"]);
  });

  it("writes keys and values as Kafka Connect does, and a null offset as a tombstone", async () => {
    const { store, written } = await started([]);
    await store.write("file-src", [
      { partition: { filename: "/data/ünï.txt" }, offset: { position: 30 } },
      { partition: { filename: "/data/gone.txt" }, offset: null },
    ]);
    expect(written()).toEqual([
      ['["file-src",{"filename":"/data/ünï.txt"}]', '{"position":30}'],
      ['["file-src",{"filename":"/data/gone.txt"}]', null],
    ]);
  });

  it("writes a partition Java wrote under Java's key bytes, whatever the field order asked for, and removes every form of it", async () => {
    const { store, written } = await started([
      ['["jdbc",{"table":"t","protocol":"1"}]', '{"id":1}'],
      ['["jdbc",{"protocol":"1","table":"t"}]', '{"id":2}'],
    ]);
    expect(await store.offsetsFor("jdbc", [{ table: "t", protocol: "1" }])).toEqual([{ partition: { table: "t", protocol: "1" }, offset: { id: 2 } }]);
    await store.write("jdbc", [{ partition: { table: "t", protocol: "1" }, offset: { id: 3 } }]);
    expect(written()).toEqual([['["jdbc",{"protocol":"1","table":"t"}]', '{"id":3}']]);
    await store.write("jdbc", [{ partition: { protocol: "1", table: "t" }, offset: null }]);
    expect(written().slice(1)).toEqual([
      ['["jdbc",{"table":"t","protocol":"1"}]', null],
      ['["jdbc",{"protocol":"1","table":"t"}]', null],
    ]);
    expect(await store.offsets("jdbc")).toEqual([]);
  });
});
