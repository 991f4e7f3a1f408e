import { Kafka, type Admin } from "kafkajs";
import type { WorkerConfig } from "@/server/config/worker-config";
import { TributaryError } from "@/server/errors/tributary-error";
import { connectionSettings, layeredClientSettings } from "@/server/kafka/connection-settings";
import { kafkajsConfig } from "@/server/kafka/kafkajs-options";
import { kafkaCall } from "@/server/kafka/errors";
import { toIncomingRecord } from "@/server/kafka/incoming-record";
import type { IncomingRecord } from "@/server/runtime/ports";

/** A partition's log start (low watermark) and end (high watermark): it holds offsets `low ≤ o < high`. */
export interface PartitionWatermarks {
  partition: number;
  low: bigint;
  high: bigint;
}

/** kafkajs' decoded record as its Fetch response carries it (not part of its typings). */
interface FetchedMessage {
  offset: string;
  timestamp: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, Buffer | Buffer[] | null | undefined>;
  isControlRecord: boolean;
  batchContext?: { timestampType?: number; inTransaction?: boolean; producerId?: string };
}

interface FetchedPartition {
  partition: number;
  errorCode: number;
  highWatermark: string;
  lastStableOffset?: string;
  abortedTransactions?: Array<{ producerId: string; firstOffset: string }>;
  messages: FetchedMessage[];
}

interface FetchBroker {
  fetch(request: {
    maxWaitTime: number;
    minBytes: number;
    maxBytes: number;
    isolationLevel: number;
    topics: Array<{ topic: string; partitions: Array<{ partition: number; fetchOffset: string; maxBytes: number }> }>;
  }): Promise<{ responses: Array<{ topicName: string; partitions: FetchedPartition[] }> }>;
}

interface FetchCluster {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  addTargetTopic(topic: string): Promise<void>;
  refreshMetadata(): Promise<void>;
  findLeaderForPartitions(topic: string, partitions: number[]): Record<string, number[]>;
  findBroker(options: { nodeId: string }): Promise<FetchBroker>;
}

const READ_COMMITTED = 1;
const FETCH_MAX_BYTES = 4 * 1024 * 1024;

/**
 * kafkajs builds a cluster connection for each client through a symbol-keyed factory on the
 * Kafka object; a fetch-only client has no public constructor, so we take that factory. kafkajs
 * is pinned (2.2.4, no longer released), and a missing factory fails loudly here, not silently.
 */
function fetchCluster(kafka: Kafka): FetchCluster {
  const factory = Object.getOwnPropertySymbols(kafka).find((symbol) => symbol.description === "private:Kafka:createCluster");
  const create = factory === undefined ? undefined : (kafka as unknown as Record<symbol, unknown>)[factory];
  if (typeof create !== "function") throw new TributaryError("kafka.unsupported_client", "This kafkajs version offers no fetch-only cluster client.");
  return create({ allowAutoTopicCreation: false, isolationLevel: READ_COMMITTED, metadataMaxAge: 60_000 }) as FetchCluster;
}

/**
 * Reads any topic by offset range, without joining a consumer group: one Fetch request at a time
 * to the partition's leader, read-committed, control records and aborted transactions left out.
 * Offsets are never committed and no group is created, so browsing leaves no trace on the
 * cluster and needs only READ on the topic. Also lists topics, reads watermarks, finds offsets
 * by time and deletes records. Connects lazily; safe for concurrent calls; `close()` is idempotent.
 */
export class KafkajsTopicBrowser {
  private readonly admin: Admin;
  private readonly cluster: FetchCluster;
  private connected: Promise<void> | undefined;

  constructor(kafka: Kafka) {
    this.admin = kafka.admin();
    this.cluster = fetchCluster(kafka);
  }

  /** Every topic name of the cluster, internal ones included, unsorted. */
  async topics(): Promise<string[]> {
    await this.ready();
    return kafkaCall(() => this.admin.listTopics());
  }

  /** Low and high watermarks of each partition, by partition; rejects `kafka.unknown_topic_or_partition` for a missing topic. */
  async watermarks(topic: string): Promise<PartitionWatermarks[]> {
    await this.ready();
    const offsets = await kafkaCall(() => this.admin.fetchTopicOffsets(topic));
    return offsets
      .map((p) => ({ partition: p.partition, low: BigInt(p.low), high: BigInt(p.high) }))
      .sort((a, b) => a.partition - b.partition);
  }

  /**
   * For each partition of `topic`, the first offset whose record timestamp is at or after
   * `timestamp` (epoch ms), or the partition's end (high watermark) when no record is that
   * recent; by partition. Rejects `kafka.unknown_topic_or_partition` for a missing topic.
   */
  async offsetsForTime(topic: string, timestamp: number): Promise<Array<{ partition: number; offset: bigint }>> {
    await this.ready();
    const [found, marks] = await Promise.all([kafkaCall(() => this.admin.fetchTopicOffsetsByTimestamp(topic, timestamp)), this.watermarks(topic)]);
    return marks.map(({ partition, high }) => {
      const entry = found.find((candidate) => candidate.partition === partition);
      const offset = entry === undefined || BigInt(entry.offset) < 0n ? high : BigInt(entry.offset);
      return { partition, offset: offset > high ? high : offset };
    });
  }

  /**
   * The records of `partition` with `from ≤ offset < to`, in offset order, at most `limit` of
   * them. Offsets missing from the log (compacted, aborted, deleted) are simply absent; a range
   * below the log start answers with what remains. Reads stop at the partition's end.
   */
  async read(topic: string, partition: number, from: bigint, to: bigint, limit = Number.MAX_SAFE_INTEGER): Promise<IncomingRecord[]> {
    await this.ready();
    const records: IncomingRecord[] = [];
    let next = from;
    while (next < to && records.length < limit) {
      let data: FetchedPartition;
      try {
        data = await this.fetchOnce(topic, partition, next);
      } catch (error) {
        if (!(error instanceof TributaryError && error.code === "kafka.offset_out_of_range")) throw error;
        const marks = (await this.watermarks(topic)).find((p) => p.partition === partition);
        if (!marks || next >= marks.high) break;
        if (next >= marks.low) throw error;
        next = marks.low;
        continue;
      }
      for (const message of visible(data, next)) {
        if (BigInt(message.offset) >= to || records.length >= limit) return records;
        records.push(toIncomingRecord(topic, partition, message, message.batchContext?.timestampType === 1 ? "LogAppendTime" : "CreateTime"));
      }
      const fetchedLast = data.messages.reduce((max, m) => (BigInt(m.offset) > max ? BigInt(m.offset) : max), -1n);
      const end = BigInt(data.lastStableOffset !== undefined && data.lastStableOffset !== "-1" ? data.lastStableOffset : data.highWatermark);
      if (fetchedLast >= next) next = fetchedLast + 1n;
      else if (next < end && data.messages.length > 0) next += 1n;
      else break;
    }
    return records;
  }

  /**
   * Deletes the records of `partition` below `before` (Kafka's DeleteRecords: the log start
   * moves to `before`). Needs DELETE on the topic; `before` past the end is refused by Kafka.
   */
  async deleteRecordsBefore(topic: string, partition: number, before: bigint): Promise<void> {
    await this.watermarks(topic);
    await kafkaCall(() => this.admin.deleteTopicRecords({ topic, partitions: [{ partition, offset: before.toString() }] }));
  }

  /** Disconnects both clients. */
  async close(): Promise<void> {
    if (!this.connected) return;
    this.connected = undefined;
    await Promise.all([this.admin.disconnect(), this.cluster.disconnect()]);
  }

  private async fetchOnce(topic: string, partition: number, offset: bigint): Promise<FetchedPartition> {
    return kafkaCall(async () => {
      await this.cluster.addTargetTopic(topic);
      const leaders = this.cluster.findLeaderForPartitions(topic, [partition]);
      const nodeId = Object.keys(leaders)[0];
      if (nodeId === undefined) throw new TributaryError("kafka.unknown_topic_or_partition", `Topic ${topic} has no partition ${partition}.`);
      const broker = await this.cluster.findBroker({ nodeId });
      const { responses } = await broker.fetch({
        maxWaitTime: 0,
        minBytes: 1,
        maxBytes: FETCH_MAX_BYTES,
        isolationLevel: READ_COMMITTED,
        topics: [{ topic, partitions: [{ partition, fetchOffset: offset.toString(), maxBytes: FETCH_MAX_BYTES }] }],
      });
      const data = responses.find((r) => r.topicName === topic)?.partitions.find((p) => p.partition === partition);
      if (!data) throw new TributaryError("kafka.error", `The broker answered no data for ${topic}-${partition}.`, { retriable: true });
      return data;
    });
  }

  private ready(): Promise<void> {
    this.connected ??= kafkaCall(async () => {
      await this.admin.connect();
      await this.cluster.connect();
    }).catch((error: unknown) => {
      this.connected = undefined;
      throw error;
    });
    return this.connected;
  }
}

/** The data records of a fetch at or after `from`: no control records, no records of aborted transactions. */
function visible(data: FetchedPartition, from: bigint): FetchedMessage[] {
  const aborted = [...(data.abortedTransactions ?? [])].sort((a, b) => (BigInt(a.firstOffset) < BigInt(b.firstOffset) ? -1 : 1));
  const abortedProducers = new Set<string>();
  const result: FetchedMessage[] = [];
  for (const message of data.messages) {
    const offset = BigInt(message.offset);
    while (aborted.length > 0 && BigInt(aborted[0]!.firstOffset) <= offset) abortedProducers.add(aborted.shift()!.producerId);
    const producerId = message.batchContext?.producerId;
    if (message.isControlRecord) {
      if (producerId !== undefined) abortedProducers.delete(producerId);
      continue;
    }
    if (offset < from) continue;
    if (message.batchContext?.inTransaction && producerId !== undefined && abortedProducers.has(producerId)) continue;
    result.push(message);
  }
  return result;
}

/**
 * A topic browser with the worker's connection settings (`bootstrap.servers`, security) under
 * `clientId`, for the console's topic browser. Nothing connects until first used; the caller closes it.
 */
export function workerTopicBrowser(config: WorkerConfig, clientId: string): KafkajsTopicBrowser {
  return new KafkajsTopicBrowser(new Kafka(kafkajsConfig(connectionSettings(layeredClientSettings(config), clientId))));
}
