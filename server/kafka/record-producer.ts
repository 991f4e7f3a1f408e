import type { IHeaders, Kafka, Message, Producer } from "kafkajs";
import { kafkaCall } from "@/server/kafka/errors";
import { JavaCompatiblePartitioner } from "@/server/kafka/java-partitioner";
import type { OutgoingRecord, RecordMetadata, RecordProducer } from "@/server/runtime/ports";

/**
 * Records per produce request. kafkajs groups a request's messages by partition with a
 * quadratic copy (groupMessagesPerPartition), so one request of 2,000 records costs more CPU
 * than four of 500; past a few hundred the extra round trips are cheaper than the copying.
 */
const REQUEST_RECORDS = 500;
/**
 * Bytes of keys, values and headers per produce request: kafkajs puts a partition's records of
 * one request in one record batch, which the broker refuses past `message.max.bytes` (1 MiB by
 * default), so large records (dead letter queue records carry stack traces) go in more requests.
 */
const REQUEST_BYTES = 512 * 1024;

const sizeOf = (record: OutgoingRecord) => {
  let size = (record.key?.length ?? 0) + (record.value?.length ?? 0);
  for (const header of record.headers) size += header.key.length + (header.value?.length ?? 0);
  return size;
};

/** Consecutive slices of `records` within both request limits (a record alone may exceed the byte limit). */
function requestChunks(records: OutgoingRecord[]): OutgoingRecord[][] {
  const chunks: OutgoingRecord[][] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < records.length; i++) {
    const size = sizeOf(records[i]!);
    if (i > start && (i - start >= REQUEST_RECORDS || bytes + size > REQUEST_BYTES)) {
      chunks.push(records.slice(start, i));
      start = i;
      bytes = 0;
    }
    bytes += size;
  }
  chunks.push(records.slice(start));
  return chunks;
}

/**
 * A task's producer: acks=all, idempotent, Java-compatible default partitioner (the same key
 * lands in the same partition as with Apache Kafka's clients). One `send` is one `sendBatch`
 * call: kafkajs groups the records into one request per broker.
 *
 * Per-record metadata: kafkajs reports one base offset per partition, so a record's offset is
 * exact when it was sent to an explicit partition or when all of its topic's records of the
 * batch went to one partition; otherwise its partition and offset read -1.
 */
export class KafkajsRecordProducer implements RecordProducer {
  private readonly producer: Producer;
  private connected: Promise<void> | undefined;

  /** `retries` bounds how often a failed request is resent before `send` rejects; unbounded by default. */
  constructor(kafka: Kafka, options: { retries?: number } = {}) {
    // kafkajs' default retry for an idempotent producer is unbounded: like Connect's producer
    // (delivery.timeout.ms at its maximum), a send waits out a broker outage instead of failing.
    this.producer = kafka.producer({
      retry: { retries: options.retries ?? Number.MAX_SAFE_INTEGER },
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: JavaCompatiblePartitioner,
      allowAutoTopicCreation: true,
    });
  }

  async send(records: OutgoingRecord[]): Promise<RecordMetadata[]> {
    if (records.length === 0) return [];
    this.connected ??= kafkaCall(() => this.producer.connect()).catch((error: unknown) => {
      this.connected = undefined;
      throw error;
    });
    await this.connected;
    const metadata: RecordMetadata[] = [];
    for (const chunk of requestChunks(records)) {
      metadata.push(...metadataFor(chunk, await kafkaCall(() => this.producer.sendBatch({ acks: -1, topicMessages: topicMessages(chunk) }))));
    }
    return metadata;
  }

  async close(): Promise<void> {
    if (this.connected) await this.producer.disconnect();
    this.connected = undefined;
  }
}

/** One sendBatch's topicMessages: records grouped by topic, order kept within each topic. */
function topicMessages(records: OutgoingRecord[]): Array<{ topic: string; messages: Message[] }> {
  const byTopic = new Map<string, Message[]>();
  for (const record of records) {
    let messages = byTopic.get(record.topic);
    if (!messages) byTopic.set(record.topic, (messages = []));
    messages.push({
      key: record.key,
      value: record.value,
      partition: record.partition ?? undefined,
      timestamp: record.timestamp === null ? undefined : String(record.timestamp),
      headers: toKafkajsHeaders(record.headers),
    });
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}

/** kafkajs takes headers as an object: order is kept per key (a repeated key becomes an array), not across keys. */
function toKafkajsHeaders(headers: OutgoingRecord["headers"]): IHeaders | undefined {
  if (headers.length === 0) return undefined;
  const out: Record<string, Buffer | Buffer[]> = {};
  for (const { key, value } of headers) {
    const bytes = value ?? (null as unknown as Buffer); // kafkajs writes null as a null header value
    const existing = out[key];
    if (existing === undefined) out[key] = bytes;
    else out[key] = Array.isArray(existing) ? [...existing, bytes] : [existing, bytes];
  }
  return out;
}

function metadataFor(records: OutgoingRecord[], responses: Array<{ topicName: string; partition: number; baseOffset?: string }>): RecordMetadata[] {
  const next = new Map<string, bigint>();
  const partitionsOf = new Map<string, number[]>();
  for (const response of responses) {
    next.set(`${response.topicName}\u0000${response.partition}`, BigInt(response.baseOffset ?? "-1"));
    partitionsOf.set(response.topicName, [...(partitionsOf.get(response.topicName) ?? []), response.partition]);
  }
  return records.map((record) => {
    const partitions = partitionsOf.get(record.topic) ?? [];
    const partition = record.partition ?? (partitions.length === 1 ? partitions[0]! : -1);
    const key = `${record.topic}\u0000${partition}`;
    const offset = next.get(key);
    if (partition < 0 || offset === undefined || offset < 0n) return { topic: record.topic, partition: -1, offset: -1n };
    next.set(key, offset + 1n);
    return { topic: record.topic, partition, offset };
  });
}
