import { describe, expect, it } from "vitest";
import { summarize, type RecordSummary } from "@/server/console/dlq/dlq-index";
import { groupsOf, matchesFilter, pageOf, readRuns } from "@/server/console/dlq/dlq-query";
import { connectContextHeaders } from "@/server/console/dlq/testing/connect-dlq-record";

function dlqRecord(partition: number, offset: number, options: { stage?: string; exceptionClass?: string; message?: string; timestamp?: number; connector?: string; failedAt?: number } = {}): RecordSummary {
  return summarize({
    topic: "dlq",
    partition,
    offset: BigInt(offset),
    key: null,
    value: Buffer.from(`not json ${offset}`),
    headers: [
      ...connectContextHeaders({ topic: "orders", partition: 0, offset: offset * 10, connector: options.connector ?? "sink", task: 0, ...options }),
      ...(options.failedAt === undefined ? [] : [{ key: "__tributary.errors.timestamp", value: Buffer.from(String(options.failedAt)) }]),
    ],
    timestamp: options.timestamp ?? 1_000 + offset,
    timestampType: "CreateTime",
  });
}

const never = () => false;

describe("matchesFilter", () => {
  const record = dlqRecord(1, 5, { stage: "TRANSFORMATION", exceptionClass: "java.lang.ClassCastException", timestamp: 5_000 });

  it("passes every record through an empty filter", () => {
    expect(matchesFilter(record, {}, never)).toBe(true);
  });

  it.each([
    [{ errorClass: "java.lang.ClassCastException" }, true],
    [{ errorClass: "org.apache.kafka.connect.errors.DataException" }, false],
    [{ stage: "TRANSFORMATION" }, true],
    [{ stage: "VALUE_CONVERTER" }, false],
    [{ partition: 1 }, true],
    [{ partition: 0 }, false],
    [{ from: 5_000 }, true],
    [{ from: 5_001 }, false],
    [{ to: 5_001 }, true],
    [{ to: 5_000 }, false],
    [{ replayed: false }, true],
    [{ replayed: true }, false],
    [{ stage: "TRANSFORMATION", partition: 0 }, false],
  ])("%j → %s", (filter, expected) => {
    expect(matchesFilter(record, filter, never)).toBe(expected);
  });

  it("matches a group by its signature id", () => {
    expect(matchesFilter(record, { signature: record.signature.id }, never)).toBe(true);
    expect(matchesFilter(record, { signature: dlqRecord(0, 1).signature.id }, never)).toBe(false);
  });
});

describe("pageOf", () => {
  const records = Array.from({ length: 10 }, (_, i) => dlqRecord(0, i));

  it("lists newest first and pages by offset until the oldest", () => {
    const first = pageOf(records, undefined, 4);
    expect(first.records.map((r) => r.offset)).toEqual([9n, 8n, 7n, 6n]);
    expect(first.next).toBe(6n);
    const second = pageOf(records, first.next!, 4);
    expect(second.records.map((r) => r.offset)).toEqual([5n, 4n, 3n, 2n]);
    const last = pageOf(records, second.next!, 4);
    expect(last.records.map((r) => r.offset)).toEqual([1n, 0n]);
    expect(last.next).toBeNull();
  });

  it("never splits one offset of several partitions across pages", () => {
    const twoPartitions = [dlqRecord(0, 3), dlqRecord(1, 3), dlqRecord(0, 2), dlqRecord(1, 2)];
    const first = pageOf(twoPartitions, undefined, 1);
    expect(first.records.map((r) => [r.partition, r.offset])).toEqual([[0, 3n], [1, 3n]]);
    expect(pageOf(twoPartitions, first.next!, 1).records.map((r) => [r.partition, r.offset])).toEqual([[0, 2n], [1, 2n]]);
  });
});

describe("groupsOf", () => {
  it("groups by class, stage and normalized message, largest first, with counts, replayed counts, times and connectors", () => {
    const records = [
      ...Array.from({ length: 5 }, (_, i) => dlqRecord(0, i, { message: `Unexpected character ('${i}' (code ${40 + i})) at position ${i}`, connector: i % 2 ? "a" : "b" })),
      dlqRecord(0, 5, { stage: "TRANSFORMATION", exceptionClass: "java.lang.ClassCastException", message: "cannot cast" }),
      dlqRecord(0, 6, { stage: "TRANSFORMATION", exceptionClass: "java.lang.ClassCastException", message: "cannot cast" }),
    ];
    const groups = groupsOf(records, (r) => r.offset < 2n);
    expect(groups.map((g) => [g.exceptionClass, g.stage, g.count, g.replayed])).toEqual([
      ["org.apache.kafka.connect.errors.DataException", "VALUE_CONVERTER", 5, 2],
      ["java.lang.ClassCastException", "TRANSFORMATION", 2, 0],
    ]);
    expect(groups[0]).toMatchObject({ template: "Unexpected character (<s> (code <n>)) at position <n>", firstTimestamp: 1_000, lastTimestamp: 1_004, connectors: ["a", "b"] });
    expect(groups[0]!.example).toBe("Unexpected character ('0' (code 40)) at position 0");
    expect(groups[0]!.lastFailedAt).toBeNull();
  });

  it("says when a group last failed from the records' failure times, not their original timestamps", () => {
    const records = [dlqRecord(0, 0, { timestamp: 5, failedAt: 9_000 }), dlqRecord(0, 1, { timestamp: 7, failedAt: 8_000 }), dlqRecord(0, 2, { timestamp: 9 })];
    expect(groupsOf(records, never)[0]).toMatchObject({ lastTimestamp: 9, lastFailedAt: 9_000 });
  });
});

describe("readRuns", () => {
  it("sorts, drops duplicates and splits on partition, gaps and span", () => {
    const c = (partition: number, offset: number) => ({ partition, offset: BigInt(offset) });
    const runs = readRuns([c(1, 5), c(0, 100), c(0, 1), c(0, 2), c(0, 2), c(0, 3), c(0, 4)], { maxGap: 10n, maxSpan: 3n });
    expect(runs).toEqual([
      { partition: 0, offsets: [1n, 2n, 3n] },
      { partition: 0, offsets: [4n] },
      { partition: 0, offsets: [100n] },
      { partition: 1, offsets: [5n] },
    ]);
  });
});
