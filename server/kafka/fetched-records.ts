import type { RecordsBatch } from "@platformatic/kafka";
import type { IncomingRecord, KafkaHeader } from "@/server/runtime/ports";

/** Batch attribute bits of Kafka's record batch v2. */
const TIMESTAMP_TYPE_LOG_APPEND = 1 << 3;
const TRANSACTIONAL = 1 << 4;
const CONTROL = 1 << 5;
const ABORT_MARKER = 0;

/** An aborted transaction as a read_committed Fetch answer lists it. */
export interface AbortedTransaction {
  producerId: bigint;
  firstOffset: bigint;
}

/** What one partition's fetched batches hold for the consumer. */
export interface FetchedPartition {
  /** The records to deliver, in offset order, those before `from` and those of aborted transactions left out. */
  records: IncomingRecord[];
  /** The offset to fetch next: past the last batch, control and skipped batches included; `from` when nothing came. */
  next: bigint;
}

/**
 * Turns one partition's decoded record batches into IncomingRecords: offsets and timestamps
 * resolved (a LogAppendTime batch stamps every record with its max timestamp), header keys as
 * text, control batches dropped, records before `from` (a batch starts where it starts, not where
 * the fetch asked) dropped. With `aborted` (read_committed), batches of aborted transactions are
 * dropped as Kafka's own consumer drops them: a producer's records from the aborted transaction's
 * first offset until its abort marker.
 */
export function fetchedPartition(topic: string, partition: number, batches: readonly RecordsBatch[], from: bigint, aborted?: readonly AbortedTransaction[]): FetchedPartition {
  const records: IncomingRecord[] = [];
  let next = from;
  const pendingAborts = aborted ? [...aborted].sort((a, b) => (a.firstOffset < b.firstOffset ? -1 : a.firstOffset > b.firstOffset ? 1 : 0)) : [];
  const abortedProducers = new Set<bigint>();
  for (const batch of batches) {
    const last = batch.firstOffset + BigInt(batch.lastOffsetDelta);
    if (last + 1n > next) next = last + 1n;
    while (pendingAborts.length > 0 && pendingAborts[0]!.firstOffset <= last) abortedProducers.add(pendingAborts.shift()!.producerId);
    if (batch.attributes & CONTROL) {
      const marker = batch.records[0]?.key;
      if (marker && marker.length >= 4 && marker.readInt16BE(2) === ABORT_MARKER) abortedProducers.delete(batch.producerId);
      continue;
    }
    if (batch.attributes & TRANSACTIONAL && abortedProducers.has(batch.producerId)) continue;
    const logAppendTime = (batch.attributes & TIMESTAMP_TYPE_LOG_APPEND) !== 0;
    const timestampType = logAppendTime ? "LogAppendTime" : "CreateTime";
    for (const record of batch.records) {
      const offset = batch.firstOffset + BigInt(record.offsetDelta);
      if (offset < from) continue;
      let headers: KafkaHeader[] = [];
      if (record.headers.length > 0) headers = record.headers.map(([key, value]) => ({ key: key?.toString("utf8") ?? "", value }));
      records.push({
        topic,
        partition,
        offset,
        key: record.key,
        value: record.value,
        headers,
        timestamp: Number(logAppendTime ? batch.maxTimestamp : batch.firstTimestamp + record.timestampDelta),
        timestampType,
      });
    }
  }
  return { records, next };
}
