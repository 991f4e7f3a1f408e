/**
 * The topic browser on the real broker: a two-partition topic of JSON, text and binary records
 * read newest first page by page (every record once), from the oldest, an offset or a time,
 * searched, shown as hex, and refused for an unknown topic or partition.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kafkaBrokers, uniqueName } from "@/scripts/test/integration";
import { parseWorkerConfig } from "@/server/config/worker-config";
import { TopicRecords } from "@/server/console/topics/topic-records";
import { topicRecordQuerySchema, type TopicRecordPage } from "@/server/contracts/topics";
import { dlqClients } from "@/server/kafka/dlq-clients";
import { scratchTopics } from "@/server/kafka/testing/scratch-topics";
import { workerTopicBrowser } from "@/server/kafka/topic-browser";
import type { OutgoingRecord } from "@/server/runtime/ports";

const config = parseWorkerConfig({ "bootstrap.servers": kafkaBrokers() }, () => "test");
const topics = scratchTopics(kafkaBrokers());
const writer = dlqClients(config, { clientId: "topic-writer", replayRetries: 2 });
const browser = workerTopicBrowser(config, "topic-browser-test");
const records = new TopicRecords(browser);
const topic = uniqueName("browse");
const BASE = Math.floor(Date.now() / 1000) * 1000 - 10 * 60_000;

/** 60 records: even ids to partition 0, odd to 1; every tenth is binary, id 42 carries a header. */
function record(id: number): OutgoingRecord {
  const value = id % 10 === 9 ? Buffer.from([0xff, 0x00, id]) : Buffer.from(JSON.stringify({ id, name: `user-${id}` }));
  return {
    topic,
    partition: id % 2,
    key: Buffer.from(`k${id}`),
    value,
    headers: id === 42 ? [{ key: "trace-id", value: Buffer.from("needle-trace") }] : [],
    timestamp: BASE + id * 1000,
  };
}

const page = (query: Record<string, string>) => records.records(topic, topicRecordQuerySchema.parse(query));
const ids = (result: TopicRecordPage) => result.records.map((r) => r.key.text);

beforeAll(async () => {
  await topics.create(topic, { partitions: 2 });
  await writer.producer.send(Array.from({ length: 60 }, (_, id) => record(id)));
});

afterAll(async () => {
  await browser.close();
  await writer.producer.close();
  await writer.browser.close();
  await topics.dropAll();
});

describe("topic browser on the real broker", () => {
  it("lists the topic with its partitions and record count", async () => {
    const listed = (await records.list()).topics.find((t) => t.name === topic);
    expect(listed).toEqual({ name: topic, partitions: 2, records: 60, internal: false });
  });

  it("reads newest first across partitions, page after page, every record exactly once", async () => {
    const first = await page({ limit: "25" });
    expect(ids(first).slice(0, 3)).toEqual(["k59", "k58", "k57"]);
    expect(first.partitions).toEqual([
      { partition: 0, low: "0", high: "30" },
      { partition: 1, low: "0", high: "30" },
    ]);
    const seen = [...ids(first)];
    let next = first.next;
    while (next !== null) {
      const more = await page({ limit: "25", cursor: next });
      seen.push(...ids(more));
      next = more.next;
    }
    expect(seen).toEqual(Array.from({ length: 60 }, (_, i) => `k${59 - i}`));
  });

  it("reads forwards from the oldest record, an offset of one partition, or a time", async () => {
    expect(ids(await page({ start: "oldest", limit: "4" }))).toEqual(["k0", "k1", "k2", "k3"]);
    const fromOffset = await page({ start: "offset", partition: "1", offset: "10", limit: "3" });
    expect(fromOffset.records.map((r) => [r.partition, r.offset, r.key.text])).toEqual([
      [1, "10", "k21"],
      [1, "11", "k23"],
      [1, "12", "k25"],
    ]);
    expect(ids(await page({ start: "time", time: String(BASE + 50_500), limit: "3" }))).toEqual(["k51", "k52", "k53"]);
  });

  it("decodes JSON, shows bytes as hex, and searches keys, values and headers", async () => {
    const newest = await page({ limit: "2" });
    expect(newest.records[1]!.value).toMatchObject({ format: "json", text: '{\n  "id": 58,\n  "name": "user-58"\n}' });
    const binary = (await page({ start: "offset", partition: "1", offset: "24", limit: "1" })).records[0]!;
    expect(binary.key.text).toBe("k49");
    expect(binary.value).toMatchObject({ format: "hex", text: "ff 00 31" });
    expect((await page({ start: "offset", partition: "0", offset: "0", limit: "1", format: "hex" })).records[0]!.key.text).toBe("6b 30");
    const byHeader = await page({ q: "needle-TRACE" });
    expect(byHeader.records.map((r) => [r.key.text, r.headers])).toEqual([["k42", [{ key: "trace-id", value: expect.objectContaining({ text: "needle-trace" }) }]]]);
    expect(byHeader.next).toBeNull();
    expect(ids(await page({ q: "user-1 name" }))).toEqual(["k18", "k17", "k16", "k15", "k14", "k13", "k12", "k11", "k10", "k1"]);
  });

  it("answers 404 for a topic that does not exist and 400 for a partition it does not have", async () => {
    await expect(records.records(uniqueName("missing"), topicRecordQuerySchema.parse({}))).rejects.toMatchObject({ code: "topic.not_found" });
    await expect(page({ partition: "7" })).rejects.toMatchObject({ code: "request.invalid", message: expect.stringContaining("partitions are 0 to 1") });
  });
});
