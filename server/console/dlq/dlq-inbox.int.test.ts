/**
 * The DLQ inbox on the real broker: DLQ records written exactly as Apache Kafka Connect writes
 * them (original key, value, headers and timestamp, plus the `__connect.errors.*` headers), then
 * listed, paged, grouped, replayed (once, and again without duplicates), purged and exported.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, kafkaBrokers, tempDir, uniqueName } from "@/scripts/test/integration";
import { parseWorkerConfig } from "@/server/config/worker-config";
import { DlqInbox, type ConnectorConfigs } from "@/server/console/dlq/dlq-inbox";
import { KnownDlqTopics } from "@/server/console/dlq/known-dlq-topics";
import { ReplayLedger } from "@/server/console/dlq/replay-ledger";
import { connectContextHeaders } from "@/server/console/dlq/testing/connect-dlq-record";
import type { ReplayJob } from "@/server/contracts/dlq";
import { TributaryError } from "@/server/errors/tributary-error";
import { dlqClients } from "@/server/kafka/dlq-clients";
import { scratchTopics } from "@/server/kafka/testing/scratch-topics";
import type { KafkaHeader, OutgoingRecord } from "@/server/runtime/ports";
import { openDatabase, type Database } from "@/server/storage/prisma/database";
import { applyMigrations } from "@/server/storage/prisma/migrate";

const worker = () => parseWorkerConfig({ "bootstrap.servers": kafkaBrokers() }, () => "test");
const folder = tempDir("dlq-inbox");
const databaseUrl = `file:${path.join(folder.dir, "console.db")}`;
const topics = scratchTopics(kafkaBrokers());
const writer = dlqClients(worker(), { clientId: "dlq-writer", replayRetries: 2 });

const orders = uniqueName("orders");
const dlq = uniqueName("orders-dlq");
const unconfigured = uniqueName("dlq-not-created");
const connector = "orders-sink";
const connectorNames = [connector, "other"];

let db: Database;
let inbox: DlqInbox;
const opened: DlqInbox[] = [];

const herder: ConnectorConfigs = {
  connectors: async () => [...connectorNames],
  connectorConfig: async (name): Promise<Record<string, string>> =>
    name === connector
      ? { "connector.class": "FileStreamSink", "errors.tolerance": "all", "errors.deadletterqueue.topic.name": dlq, "errors.deadletterqueue.context.headers.enable": "true" }
      : { "connector.class": "FileStreamSink", "errors.deadletterqueue.topic.name": unconfigured },
};

function openInbox(): DlqInbox {
  const created = new DlqInbox({ ...dlqClients(worker(), { clientId: "dlq-test", replayRetries: 2 }), ledger: new ReplayLedger(db), known: new KnownDlqTopics(db), connectors: () => herder });
  opened.push(created);
  return created;
}

const text = (value: string) => Buffer.from(value, "utf8");

/** The DLQ record Kafka Connect writes for consumed record `offset` of `orders` that failed. */
function failed(offset: number, options: { value: Buffer; headers?: KafkaHeader[]; context?: boolean; stage?: string; exceptionClass?: string; message?: string }): OutgoingRecord {
  const context = options.context === false ? [] : connectContextHeaders({ topic: orders, partition: 0, offset, connector, task: 0, ...options });
  return { topic: dlq, partition: null, key: text(JSON.stringify({ id: offset })), value: options.value, headers: [...(options.headers ?? []), ...context], timestamp: 1_700_000_000_000 + offset };
}

async function finished(inboxUsed: DlqInbox, job: ReplayJob): Promise<ReplayJob> {
  return eventually(() => {
    const now = inboxUsed.replayJob(job.id);
    return now.state === "running" ? undefined : now;
  }, 60_000, `replay ${job.id}`);
}

async function ordersRecords() {
  const [marks] = await writer.browser.watermarks(orders);
  return writer.browser.read(orders, 0, marks!.low, marks!.high);
}

beforeAll(async () => {
  applyMigrations(databaseUrl, path.resolve("prisma", "migrations"));
  db = openDatabase(databaseUrl);
  await topics.create(orders);
  await topics.create(dlq);
  // 100 values that are not JSON (one error, differing positions), 20 failing a transform, 5 written without context headers.
  await writer.producer.send([
    ...Array.from({ length: 100 }, (_, i) =>
      failed(i, { value: text(`{"id": ${i}, oops`), headers: [{ key: "trace-id", value: text(`t${i}`) }], message: `Unexpected character ('o' (code 111)) at position ${10 + (i % 7)}` }),
    ),
    ...Array.from({ length: 20 }, (_, i) =>
      failed(100 + i, { value: Buffer.from([0xca, 0xfe, i]), stage: "TRANSFORMATION", exceptionClass: "java.lang.ClassCastException", message: `class [B cannot be cast to class java.util.Map (record ${i})` }),
    ),
    ...Array.from({ length: 5 }, (_, i) => failed(120 + i, { value: text(`plain ${i}`), context: false })),
  ]);
  inbox = openInbox();
});

afterAll(async () => {
  await Promise.all(opened.map((each) => each.close()));
  await writer.browser.close();
  await writer.producer.close();
  await topics.dropAll([unconfigured, `${orders}-fixed`, `${orders}-small`]);
  await db.$disconnect();
  folder.remove();
});

describe("DLQ inbox on the real broker", () => {
  it("lists every DLQ topic named by a connector, with its connector, settings and record count", async () => {
    const { topics: listed } = await inbox.topics();
    expect(listed.find((t) => t.topic === dlq)).toMatchObject({
      exists: true,
      records: 125,
      connectors: [{ name: connector, tolerance: "all", contextHeaders: true }],
      partitions: [{ partition: 0, low: "0", high: "125" }],
    });
    expect(listed.find((t) => t.topic === unconfigured)).toMatchObject({ exists: false, records: 0, connectors: [{ name: "other", tolerance: "none", contextHeaders: false }] });
    expect((await inbox.records(unconfigured, { limit: 50 })).exists).toBe(false);
    await expect(inbox.records(uniqueName("no-such-topic"), { limit: 50 })).rejects.toMatchObject({ code: "topic.not_found" });
  });

  it("keeps listing a DLQ that holds records after its connector is deleted, marked orphaned, also in a new process", async () => {
    await inbox.topics();
    connectorNames.splice(0, 1);
    try {
      const orphan = (await inbox.topics()).topics.find((t) => t.topic === dlq);
      expect(orphan).toMatchObject({ exists: true, records: 125, connectors: [], orphaned: true, formerConnectors: [connector] });
      expect((await openInbox().topics()).topics.find((t) => t.topic === dlq)).toMatchObject({ orphaned: true, formerConnectors: [connector] });
      expect((await inbox.topics()).topics.find((t) => t.topic === unconfigured)).toMatchObject({ orphaned: false, formerConnectors: [] });
    } finally {
      connectorNames.unshift(connector);
    }
    expect((await inbox.topics()).topics.find((t) => t.topic === dlq)).toMatchObject({ orphaned: false, connectors: [{ name: connector }] });
  });

  it("pages the records newest first by offset and decodes each record's context", async () => {
    const seen: string[] = [];
    let before: string | undefined;
    do {
      const page = await inbox.records(dlq, { limit: 50, before });
      expect(page).toMatchObject({ total: 125, indexed: 125, matched: 125 });
      seen.push(...page.records.map((r) => r.offset));
      before = page.next ?? undefined;
    } while (before !== undefined);
    expect(seen).toEqual(Array.from({ length: 125 }, (_, i) => String(124 - i)));

    const [newest] = (await inbox.records(dlq, { limit: 1, partition: 0, stage: "VALUE_CONVERTER" })).records;
    expect(newest).toMatchObject({
      offset: "99",
      timestamp: 1_700_000_000_099,
      key: { format: "json", text: '{"id":99}' },
      value: { format: "text", text: '{"id": 99, oops' },
      replayed: null,
      context: {
        hasContextHeaders: true,
        origin: "sink",
        original: { topic: orders, partition: 0, offset: "99" },
        connector,
        task: 0,
        stage: "VALUE_CONVERTER",
        className: "org.apache.kafka.connect.json.JsonConverter",
        exceptionClass: "org.apache.kafka.connect.errors.DataException",
        exceptionMessage: "Unexpected character ('o' (code 111)) at position 11",
      },
    });
    const detail = await inbox.record(dlq, 0, 110n);
    expect(detail.value).toEqual({ format: "hex", text: "ca fe 0a", bytes: 3, truncated: false });
    expect(detail.stacktrace).toMatch(/^java\.lang\.ClassCastException: class \[B cannot be cast/);
    expect(detail.headers.map((h) => h.key)).toContain("__connect.errors.exception.stacktrace");
    expect(detail.keyText).toBe('{"id":110}');
    const bare = await inbox.record(dlq, 0, 122n);
    expect(bare.context).toMatchObject({ hasContextHeaders: false, stage: null, original: { topic: null } });
    await expect(inbox.record(dlq, 0, 500n)).rejects.toMatchObject({ code: "record.not_found" });
  });

  it("groups the failures by signature and filters by class, stage and time", async () => {
    const { groups, matched } = await inbox.groups(dlq, {});
    expect(matched).toBe(125);
    expect(groups.map((g) => [g.exceptionClass, g.stage, g.template, g.count, g.connectors])).toEqual([
      ["org.apache.kafka.connect.errors.DataException", "VALUE_CONVERTER", "Unexpected character (<s> (code <n>)) at position <n>", 100, [connector]],
      ["java.lang.ClassCastException", "TRANSFORMATION", "class [B cannot be cast to class java.util.Map (record <n>)", 20, [connector]],
      [null, null, null, 5, []],
    ]);
    expect((await inbox.records(dlq, { limit: 500, errorClass: "java.lang.ClassCastException" })).matched).toBe(20);
    expect((await inbox.records(dlq, { limit: 500, stage: "VALUE_CONVERTER", from: 1_700_000_000_010, to: 1_700_000_000_020 })).matched).toBe(10);
    expect((await inbox.groups(dlq, { stage: "TRANSFORMATION" })).groups).toHaveLength(1);
  });

  it("replays a group to its original topic once, stamped; a second replay (also after a restart) skips every record", async () => {
    const group = (await inbox.groups(dlq, {})).groups[0]!;
    const job = await finished(inbox, await inbox.startReplay(dlq, { filter: { signature: group.signature }, recordsPerSecond: 1_000 }));
    expect(job).toMatchObject({ state: "succeeded", total: 100, replayed: 100, skipped: 0, failed: 0, message: `100 records replayed to ${orders}.` });

    const delivered = await ordersRecords();
    expect(delivered).toHaveLength(100);
    const first = delivered.find((r) => r.key?.toString() === '{"id":0}')!;
    expect(first.value?.toString()).toBe('{"id": 0, oops');
    expect(first.timestamp).toBe(1_700_000_000_000);
    expect(first.headers.map((h) => [h.key, h.value?.toString()])).toEqual([
      ["trace-id", "t0"],
      ["__tributary.replay.of", `${dlq}/0/0`],
    ]);

    const page = await inbox.records(dlq, { limit: 500, signature: group.signature });
    expect(page.records.every((r) => r.replayed?.targetTopic === orders && r.replayed.jobId === job.id)).toBe(true);
    expect((await inbox.groups(dlq, {})).groups[0]).toMatchObject({ count: 100, replayed: 100 });
    expect((await inbox.records(dlq, { limit: 500, replayed: false })).matched).toBe(25);

    const again = await finished(inbox, await inbox.startReplay(dlq, { filter: { signature: group.signature }, recordsPerSecond: 500 }));
    expect(again).toMatchObject({ state: "succeeded", replayed: 0, skipped: 100, message: "All 100 records were already replayed; nothing was sent again." });
    const restarted = openInbox();
    const afterRestart = await finished(restarted, await restarted.startReplay(dlq, { records: [{ partition: 0, offset: "5" }, { partition: 0, offset: "6" }], recordsPerSecond: 500 }));
    expect(afterRestart).toMatchObject({ replayed: 0, skipped: 2 });
    expect(await ordersRecords()).toHaveLength(100);
  });

  it("refuses what cannot be replayed before sending anything, and sends records without context to a named topic", async () => {
    const bare = [{ partition: 0, offset: "120" }];
    await expect(inbox.startReplay(dlq, { records: bare, recordsPerSecond: 500 })).rejects.toThrow(/have no __connect\.errors\.topic header.*name a target topic/);
    await expect(inbox.startReplay(dlq, { records: bare, targetTopic: `${orders}-missing`, recordsPerSecond: 500 })).rejects.toThrow(/does not exist/);
    await expect(inbox.startReplay(dlq, { filter: { errorClass: "no.Such" }, recordsPerSecond: 500 })).rejects.toThrow(/No record matches/);
    const fixed = await topics.create(`${orders}-fixed`);
    const job = await finished(inbox, await inbox.startReplay(dlq, { records: bare, targetTopic: fixed, recordsPerSecond: 500 }));
    expect(job).toMatchObject({ state: "succeeded", replayed: 1 });
    const [marks] = await writer.browser.watermarks(fixed);
    expect(marks!.high).toBe(1n);
  });

  it("edits a record's value before replaying it", async () => {
    const job = await finished(inbox, await inbox.startReplay(dlq, { records: [{ partition: 0, offset: "121" }], targetTopic: `${orders}-fixed`, edit: { value: '{"fixed":true}' }, recordsPerSecond: 500 }));
    expect(job.replayed).toBe(1);
    const [, edited] = await writer.browser.read(`${orders}-fixed`, 0, 0n, 2n);
    expect(edited!.value?.toString()).toBe('{"fixed":true}');
    expect(edited!.key?.toString()).toBe('{"id":121}');
    expect((await inbox.record(dlq, 0, 121n)).replayed).toMatchObject({ edited: true, targetTopic: `${orders}-fixed` });
  });

  it("reports the records a failed replay did not deliver", async () => {
    const small = await topics.create(`${orders}-small`, { configs: { "max.message.bytes": "1024" } });
    await writer.producer.send([failed(200, { value: Buffer.alloc(4_096, 0x61) })]);
    const job = await finished(inbox, await inbox.startReplay(dlq, { records: [{ partition: 0, offset: "125" }, { partition: 0, offset: "999" }], targetTopic: small, recordsPerSecond: 500 }));
    expect(job).toMatchObject({ state: "failed", replayed: 0, failed: 2 });
    expect(job.undelivered).toEqual([
      { partition: 0, offset: "999", reason: "not in the DLQ topic (purged, removed by retention, or never there)" },
      { partition: 0, offset: "125", reason: expect.stringMatching(/larger than the max message size/) },
    ]);
    expect((await inbox.record(dlq, 0, 125n)).replayed).toBeNull();
  });

  it("exports the matching records as JSON, bytes intact", async () => {
    const { filename, chunks } = await inbox.export(dlq, { errorClass: "java.lang.ClassCastException" });
    expect(filename).toMatch(new RegExp(`^${dlq}-\\d{8}T\\d{6}\\.json$`));
    let body = "";
    for await (const chunk of chunks) body += chunk;
    const exported = JSON.parse(body);
    expect(exported).toMatchObject({ topic: dlq, filter: { errorClass: "java.lang.ClassCastException" } });
    expect(exported.records).toHaveLength(20);
    expect(exported.records[0]).toMatchObject({ partition: 0, offset: "100", timestampType: "CreateTime", key: { text: '{"id":100}' }, context: { stage: "TRANSFORMATION" }, replayed: null });
    expect(Buffer.from(exported.records[5].value.base64, "base64")).toEqual(Buffer.from([0xca, 0xfe, 5]));
    expect(exported.records[0].headers.find((h: { key: string }) => h.key === "__connect.errors.offset").value.text).toBe("100");
  });

  it("purges a partition up to an offset once confirmed, and forgets the purged records' replay marks", async () => {
    await expect(inbox.purge(dlq, { partition: 0, before: "50", confirm: "wrong" })).rejects.toThrow(/confirm with the topic name/);
    await expect(inbox.purge(dlq, { partition: 0, before: "9999", confirm: dlq })).rejects.toBeInstanceOf(TributaryError);
    expect(await inbox.purge(dlq, { partition: 0, before: "50", confirm: dlq })).toEqual({ topic: dlq, partition: 0, low: "50", deleted: 50 });
    const page = await inbox.records(dlq, { limit: 500 });
    expect(page).toMatchObject({ total: 76, indexed: 76 });
    expect(page.records.at(-1)!.offset).toBe("50");
    expect((await inbox.groups(dlq, {})).groups[0]).toMatchObject({ count: 50, replayed: 50 });
    expect(await db.dlqReplay.count({ where: { dlqTopic: dlq, offset: { lt: 50n } } })).toBe(0);
    expect((await inbox.topics()).topics.find((t) => t.topic === dlq)!.records).toBe(76);
  });
});
