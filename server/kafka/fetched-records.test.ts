import type { RecordsBatch } from "@platformatic/kafka";
import { describe, expect, it } from "vitest";
import { fetchedPartition } from "@/server/kafka/fetched-records";

const TRANSACTIONAL = 1 << 4;
const CONTROL = 1 << 5;
const LOG_APPEND_TIME = 1 << 3;

function batch(firstOffset: bigint, values: string[], options: { attributes?: number; producerId?: bigint; firstTimestamp?: bigint; maxTimestamp?: bigint } = {}): RecordsBatch {
  return {
    firstOffset,
    length: 0,
    partitionLeaderEpoch: 0,
    magic: 2,
    crc: 0,
    attributes: options.attributes ?? 0,
    lastOffsetDelta: values.length - 1,
    firstTimestamp: options.firstTimestamp ?? 1000n,
    maxTimestamp: options.maxTimestamp ?? 1000n + BigInt(values.length - 1),
    producerId: options.producerId ?? -1n,
    producerEpoch: 0,
    firstSequence: 0,
    records: values.map((value, i) => ({ length: 0, attributes: 0, timestampDelta: BigInt(i), offsetDelta: i, key: null, value: Buffer.from(value), headers: [[Buffer.from("h"), null]] })),
  };
}

/** A transaction marker batch: key = version 0, type 0 (abort) or 1 (commit). */
function marker(offset: bigint, producerId: bigint, commit: boolean): RecordsBatch {
  const key = Buffer.alloc(4);
  key.writeInt16BE(commit ? 1 : 0, 2);
  return { ...batch(offset, ["marker"], { attributes: CONTROL | TRANSACTIONAL, producerId }), records: [{ length: 0, attributes: 0, timestampDelta: 0n, offsetDelta: 0, key, value: null, headers: [] }] };
}

const values = (result: ReturnType<typeof fetchedPartition>) => result.records.map((r) => r.value!.toString());

describe("records of a fetched partition", () => {
  it("resolves offsets, timestamps and headers, skips what precedes the requested offset, and moves past the last batch", () => {
    const result = fetchedPartition("t", 2, [batch(10n, ["a", "b", "c"]), batch(13n, ["d"])], 11n);
    expect(values(result)).toEqual(["b", "c", "d"]);
    expect(result.records[0]).toMatchObject({ topic: "t", partition: 2, offset: 11n, timestamp: 1001, timestampType: "CreateTime", headers: [{ key: "h", value: null }] });
    expect(result.next).toBe(14n);
    expect(fetchedPartition("t", 0, [], 7n)).toEqual({ records: [], next: 7n });
  });

  it("stamps a LogAppendTime batch's records with its max timestamp", () => {
    const [first] = fetchedPartition("t", 0, [batch(0n, ["a", "b"], { attributes: LOG_APPEND_TIME, maxTimestamp: 5000n })], 0n).records;
    expect(first).toMatchObject({ timestamp: 5000, timestampType: "LogAppendTime" });
  });

  it("drops control batches but moves past them", () => {
    const result = fetchedPartition("t", 0, [batch(0n, ["a"], { attributes: TRANSACTIONAL, producerId: 7n }), marker(1n, 7n, true)], 0n);
    expect(values(result)).toEqual(["a"]);
    expect(result.next).toBe(2n);
  });

  it("read_committed: drops an aborted transaction's batches until its abort marker, keeps other producers' and later ones", () => {
    const batches = [
      batch(0n, ["kept-1"], { attributes: TRANSACTIONAL, producerId: 1n }),
      batch(1n, ["aborted-1", "aborted-2"], { attributes: TRANSACTIONAL, producerId: 2n }),
      batch(3n, ["other"], { attributes: TRANSACTIONAL, producerId: 3n }),
      marker(4n, 2n, false),
      marker(5n, 1n, true),
      batch(6n, ["after"], { attributes: TRANSACTIONAL, producerId: 2n }),
    ];
    const committed = fetchedPartition("t", 0, batches, 0n, [{ producerId: 2n, firstOffset: 1n }]);
    expect(values(committed)).toEqual(["kept-1", "other", "after"]);
    expect(values(fetchedPartition("t", 0, batches, 0n))).toEqual(["kept-1", "aborted-1", "aborted-2", "other", "after"]);
  });
});
