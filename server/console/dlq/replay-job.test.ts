import { describe, expect, it } from "vitest";
import { TributaryError } from "@/server/errors/tributary-error";
import { fingerprintOf } from "@/server/console/dlq/dlq-index";
import { coordinatesKey, type LedgerEntry, type LedgerMark } from "@/server/console/dlq/replay-ledger";
import { ReplayJobRun, type ReplayPlan } from "@/server/console/dlq/replay-job";
import { connectContextHeaders } from "@/server/console/dlq/testing/connect-dlq-record";
import type { IncomingRecord, OutgoingRecord } from "@/server/runtime/ports";

function dlq(count: number, options: { withoutHeaders?: number[] } = {}): IncomingRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    topic: "orders-dlq",
    partition: 0,
    offset: BigInt(i),
    key: Buffer.from(`k${i}`),
    value: Buffer.from(`bad ${i}`),
    headers: options.withoutHeaders?.includes(i) ? [] : connectContextHeaders({ topic: "orders", partition: 0, offset: 100 + i, connector: "sink", task: 0 }),
    timestamp: 1_000 + i,
    timestampType: "CreateTime" as const,
  }));
}

/** Small in-memory stand-ins: a topic of records, a producer that records batches (and fails on demand), a ledger map. */
function harness(records: IncomingRecord[], failOnBatch?: number) {
  const batches: OutgoingRecord[][] = [];
  const ledger = new Map<string, LedgerMark>();
  const entries: LedgerEntry[] = [];
  const deps = {
    reader: { read: async (_topic: string, partition: number, from: bigint, to: bigint) => records.filter((r) => r.partition === partition && r.offset >= from && r.offset < to) },
    producer: {
      send: async (batch: OutgoingRecord[]) => {
        if (batches.length + 1 === failOnBatch) throw new TributaryError("kafka.message_too_large", "The request included a message larger than the max message size the server will accept");
        batches.push(batch);
        return batch.map((r, i) => ({ topic: r.topic, partition: 0, offset: BigInt(batches.length * 1000 + i) }));
      },
      close: async () => {},
    },
    ledger: {
      marks: async () => ledger,
      record: async (batch: LedgerEntry[]) => {
        entries.push(...batch);
        for (const e of batch) ledger.set(coordinatesKey(e.partition, e.offset), { fingerprint: e.fingerprint, mark: { at: 0, targetTopic: e.targetTopic, targetPartition: e.targetPartition, targetOffset: String(e.targetOffset), edited: e.edited, jobId: e.jobId } });
      },
    },
  };
  return { deps, batches, ledger, entries };
}

const plan = (offsets: number[], extra: Partial<ReplayPlan> = {}): ReplayPlan => ({
  id: "job-1",
  topic: "orders-dlq",
  targetTopic: null,
  recordsPerSecond: 100_000,
  coordinates: offsets.map((o) => ({ partition: 0, offset: BigInt(o) })),
  ...extra,
});

describe("ReplayJobRun", () => {
  it("sends each record to its original topic without error headers, stamped with its DLQ coordinates, and marks it", async () => {
    const records = dlq(3);
    const { deps, batches, entries } = harness(records);
    const job = new ReplayJobRun(plan([0, 1, 2]), deps);
    await job.run();
    expect(job.snapshot()).toMatchObject({ state: "succeeded", total: 3, replayed: 3, skipped: 0, failed: 0, message: "3 records replayed to orders." });
    const sent = batches.flat();
    expect(sent.map((r) => [r.topic, r.key?.toString(), r.value?.toString(), r.timestamp])).toEqual([
      ["orders", "k0", "bad 0", 1_000],
      ["orders", "k1", "bad 1", 1_001],
      ["orders", "k2", "bad 2", 1_002],
    ]);
    expect(sent[1]!.headers.map((h) => [h.key, h.value?.toString()])).toEqual([["__tributary.replay.of", "orders-dlq/0/1"]]);
    expect(entries.map((e) => [e.offset, e.fingerprint, e.targetTopic, e.edited])).toEqual(records.map((r) => [r.offset, fingerprintOf(r), "orders", false]));
  });

  it("skips records already replayed, and says so when that is all of them", async () => {
    const { deps, batches } = harness(dlq(4));
    await new ReplayJobRun(plan([0, 1]), deps).run();
    const second = new ReplayJobRun(plan([0, 1, 2, 3], { id: "job-2" }), deps);
    await second.run();
    expect(second.snapshot()).toMatchObject({ replayed: 2, skipped: 2, message: "2 records replayed to orders, 2 already replayed before and skipped." });
    const third = new ReplayJobRun(plan([0, 1, 2, 3], { id: "job-3" }), deps);
    await third.run();
    expect(third.snapshot()).toMatchObject({ state: "succeeded", replayed: 0, skipped: 4, message: "All 4 records were already replayed; nothing was sent again." });
    expect(batches.flat()).toHaveLength(4);
  });

  it("does not take a different record at a replayed offset (a re-created topic) for the replayed one", async () => {
    const { deps, batches } = harness(dlq(1));
    await new ReplayJobRun(plan([0]), deps).run();
    const recreated = dlq(1).map((r) => ({ ...r, value: Buffer.from("another record") }));
    const job = new ReplayJobRun(plan([0], { id: "job-2" }), { ...deps, reader: harness(recreated).deps.reader });
    await job.run();
    expect(job.snapshot()).toMatchObject({ replayed: 1, skipped: 0 });
    expect(batches.flat().map((r) => r.value?.toString())).toEqual(["bad 0", "another record"]);
  });

  it("stops at a failed batch and lists that batch and everything not attempted as undelivered, with the reason", async () => {
    const { deps, entries } = harness(dlq(250), 2);
    const job = new ReplayJobRun(plan(Array.from({ length: 250 }, (_, i) => i)), deps);
    await job.run();
    const status = job.snapshot();
    expect(status).toMatchObject({ state: "failed", replayed: 100, failed: 150 });
    expect(status.message).toMatch(/^Stopped after a failure: The request included a message larger .* 100 records replayed to orders, 150 not delivered\.$/);
    expect(status.undelivered.slice(0, 100).every((u) => u.reason.startsWith("The request included"))).toBe(true);
    expect(status.undelivered.slice(100).every((u) => u.reason === "not attempted after the failure")).toBe(true);
    expect(new Set(status.undelivered.map((u) => u.offset)).size).toBe(150);
    expect(entries).toHaveLength(100);
  });

  it("reports records that are gone from the topic or have no original topic, and sends the rest", async () => {
    const { deps } = harness(dlq(3, { withoutHeaders: [1] }));
    const job = new ReplayJobRun(plan([0, 1, 2, 7]), deps);
    await job.run();
    expect(job.snapshot()).toMatchObject({ state: "failed", replayed: 2, failed: 2 });
    expect(job.snapshot().undelivered).toEqual([
      { partition: 0, offset: "1", reason: "the record has no __connect.errors.topic header: name a target topic" },
      { partition: 0, offset: "7", reason: "not in the DLQ topic (purged, removed by retention, or never there)" },
    ]);
  });

  it("sends an edited record with the new key and value to the named topic and marks it edited, even when it was replayed before", async () => {
    const { deps, batches, entries } = harness(dlq(1));
    await new ReplayJobRun(plan([0]), deps).run();
    const edited = new ReplayJobRun(plan([0], { id: "job-2", targetTopic: "orders-fixed", edit: { value: '{"id":0}', key: null } }), deps);
    await edited.run();
    expect(edited.snapshot()).toMatchObject({ replayed: 1, skipped: 0 });
    expect(batches.flat().map((r) => [r.topic, r.key?.toString() ?? null, r.value?.toString()])).toEqual([
      ["orders", "k0", "bad 0"],
      ["orders-fixed", null, '{"id":0}'],
    ]);
    expect(entries.map((e) => e.edited)).toEqual([false, true]);
  });

  it("holds to the rate: 30 records at 20/s in batches of 20 take at least a second", async () => {
    const { deps, batches } = harness(dlq(30));
    const started = Date.now();
    await new ReplayJobRun(plan(Array.from({ length: 30 }, (_, i) => i), { recordsPerSecond: 20 }), deps).run();
    expect(Date.now() - started).toBeGreaterThanOrEqual(990);
    expect(batches.map((b) => b.length)).toEqual([20, 10]);
  });

  it("stops when cancelled, listing what was not sent", async () => {
    const { deps } = harness(dlq(10));
    const job = new ReplayJobRun(plan(Array.from({ length: 10 }, (_, i) => i), { recordsPerSecond: 2 }), deps);
    const done = job.run();
    await new Promise((resolve) => setTimeout(resolve, 100));
    job.cancel();
    await done;
    expect(job.snapshot()).toMatchObject({ state: "cancelled", replayed: 2, failed: 8 });
    expect(job.snapshot().undelivered.every((u) => u.reason === "cancelled before it was sent")).toBe(true);
  });
});
