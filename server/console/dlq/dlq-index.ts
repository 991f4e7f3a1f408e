import { createHash } from "node:crypto";
import type { DlqErrorContext, PayloadView } from "@/server/contracts/dlq";
import { decodeContext } from "@/server/console/dlq/dlq-context";
import { signatureOf, type ErrorSignature } from "@/server/console/dlq/error-signature";
import { PREVIEW_CHARS, viewPayload } from "@/server/console/dlq/payload-view";
import type { KafkajsTopicBrowser, PartitionWatermarks } from "@/server/kafka/topic-browser";
import type { IncomingRecord } from "@/server/runtime/ports";

/** What the index needs from Kafka: watermarks and reads by offset range. */
export type TopicReader = Pick<KafkajsTopicBrowser, "watermarks" | "read">;

/** Characters of an exception message kept per indexed record (the detail view reads the rest from Kafka). */
const MESSAGE_CHARS = 300;

/** Records read per request while indexing. */
const READ_CHUNK = 2_000;

/** A refresh within this many milliseconds of the last one is skipped (a page load asks several questions at once). */
const FRESH_MS = 500;

/** One indexed DLQ record: enough to list, filter and group it without reading it again. */
export interface RecordSummary {
  partition: number;
  offset: bigint;
  timestamp: number;
  signature: ErrorSignature;
  /** The error context; `exceptionMessage` cut to 300 characters. */
  context: DlqErrorContext;
  key: PayloadView;
  value: PayloadView;
  /** Tells this record apart from another at the same offset (a re-created topic): see fingerprintOf. */
  fingerprint: string;
}

/**
 * A hash of a record's key, value and timestamp (lengths included, so the boundary between key
 * and value counts). The replay ledger keeps it beside the coordinates it marks.
 */
export function fingerprintOf(record: Pick<IncomingRecord, "key" | "value" | "timestamp">): string {
  const hash = createHash("sha256");
  hash.update(String(record.timestamp));
  for (const part of [record.key, record.value]) {
    hash.update(part === null ? "-" : `${part.length}:`);
    if (part !== null) hash.update(part);
  }
  return hash.digest("hex").slice(0, 32);
}

/** The summary of one consumed DLQ record. */
export function summarize(record: IncomingRecord): RecordSummary {
  const { context } = decodeContext(record.headers);
  const message = context.exceptionMessage;
  return {
    partition: record.partition,
    offset: record.offset,
    timestamp: record.timestamp,
    signature: signatureOf(context.exceptionClass, context.stage, message),
    context: { ...context, exceptionMessage: message !== null && message.length > MESSAGE_CHARS ? `${message.slice(0, MESSAGE_CHARS)}…` : message },
    key: viewPayload(record.key, { maxChars: PREVIEW_CHARS, pretty: false }),
    value: viewPayload(record.value, { maxChars: PREVIEW_CHARS, pretty: false }),
    fingerprint: fingerprintOf(record),
  };
}

interface PartitionState {
  /** The next offset to read. */
  next: bigint;
  /** Indexed records, in offset order. */
  records: RecordSummary[];
}

/**
 * The console's index of one DLQ topic: a summary of each of its newest records (at most
 * `capacity`, shared out over the partitions), read once and then kept current by reading only
 * what was appended since. Records below a partition's log start (purged, or past retention) are
 * dropped; a partition whose end moved backwards (the topic was deleted and re-created) is read
 * again from scratch.
 *
 * Concurrency: refreshes are coalesced (callers during a refresh share it) and skipped within
 * half a second of the last one; the index is only read between refreshes on one event loop.
 */
export class TopicIndex {
  private readonly partitions = new Map<number, PartitionState>();
  private marks: PartitionWatermarks[] = [];
  private refreshing: Promise<void> | undefined;
  private refreshedAt = Number.NEGATIVE_INFINITY;

  constructor(
    readonly topic: string,
    private readonly reader: TopicReader,
    private readonly capacity: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Brings the index up to date with the topic; rejects with the reader's error when Kafka fails. */
  refresh(options: { force?: boolean } = {}): Promise<void> {
    if (!options.force && !this.refreshing && this.now() - this.refreshedAt < FRESH_MS) return Promise.resolve();
    this.refreshing ??= this.readNew().finally(() => {
      this.refreshing = undefined;
      this.refreshedAt = this.now();
    });
    return this.refreshing;
  }

  /** The watermarks seen by the last refresh, by partition. */
  watermarks(): PartitionWatermarks[] {
    return this.marks;
  }

  /** Records in the topic at the last refresh: the sum of high − low watermarks. */
  total(): number {
    return this.marks.reduce((sum, p) => sum + Number(p.high - p.low), 0);
  }

  /** Every indexed record, partition by partition in offset order. */
  *records(): Iterable<RecordSummary> {
    for (const partition of [...this.partitions.keys()].sort((a, b) => a - b)) yield* this.partitions.get(partition)!.records;
  }

  /** Number of indexed records. */
  size(): number {
    let size = 0;
    for (const state of this.partitions.values()) size += state.records.length;
    return size;
  }

  /** The indexed record at these coordinates, if any. */
  find(partition: number, offset: bigint): RecordSummary | undefined {
    const records = this.partitions.get(partition)?.records;
    if (!records) return undefined;
    let lo = 0;
    let hi = records.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const candidate = records[mid]!;
      if (candidate.offset === offset) return candidate;
      if (candidate.offset < offset) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  private async readNew(): Promise<void> {
    const marks = await this.reader.watermarks(this.topic);
    const perPartition = Math.max(1, Math.floor(this.capacity / Math.max(1, marks.length)));
    for (const { partition, low, high } of marks) {
      const window = high - BigInt(perPartition);
      let state = this.partitions.get(partition);
      if (!state || high < state.next) {
        state = { next: window > low ? window : low, records: [] };
        this.partitions.set(partition, state);
      }
      if (state.records.length > 0 && state.records[0]!.offset < low) state.records = state.records.filter((r) => r.offset >= low);
      if (state.next < low) state.next = low;
      if (state.next < window) {
        state.records = [];
        state.next = window;
      }
      while (state.next < high) {
        const chunk = await this.reader.read(this.topic, partition, state.next, high, READ_CHUNK);
        if (chunk.length === 0) {
          state.next = high;
          break;
        }
        for (const record of chunk) state.records.push(summarize(record));
        state.next = chunk.at(-1)!.offset + 1n;
      }
      if (state.records.length > perPartition) state.records.splice(0, state.records.length - perPartition);
    }
    for (const partition of this.partitions.keys()) if (!marks.some((m) => m.partition === partition)) this.partitions.delete(partition);
    this.marks = marks;
  }
}
