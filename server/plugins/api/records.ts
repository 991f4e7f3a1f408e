import type { Schema } from "@/server/plugins/api/data/schema";
import { Headers } from "@/server/plugins/api/headers";
import type { OffsetMap } from "@/server/plugins/api/offsets";

/** The fields every Connect record has (Kafka Connect's `ConnectRecord`). */
export interface ConnectRecordFields {
  topic: string;
  /** Target partition (source) or the partition read from (sink); null lets the producer choose. */
  kafkaPartition: number | null;
  keySchema: Schema | null;
  key: unknown;
  valueSchema: Schema | null;
  value: unknown;
  /** Epoch milliseconds, or null. */
  timestamp: number | null;
  headers: Headers;
}

/** The fields both record kinds share, defaulted to null (headers to an empty set). */
abstract class ConnectRecordBase implements ConnectRecordFields {
  readonly topic: string;
  readonly kafkaPartition: number | null;
  readonly keySchema: Schema | null;
  readonly key: unknown;
  readonly valueSchema: Schema | null;
  readonly value: unknown;
  readonly timestamp: number | null;
  readonly headers: Headers;

  protected constructor(fields: Partial<ConnectRecordFields> & { topic: string }) {
    this.topic = fields.topic;
    this.kafkaPartition = fields.kafkaPartition ?? null;
    this.keySchema = fields.keySchema ?? null;
    this.key = fields.key ?? null;
    this.valueSchema = fields.valueSchema ?? null;
    this.value = fields.value ?? null;
    this.timestamp = fields.timestamp ?? null;
    this.headers = fields.headers ?? new Headers();
  }
}

/** A record produced by a source task: the data plus where it came from in the source system. */
export class SourceRecord extends ConnectRecordBase {
  /** Identifies the source stream (`{filename: "in.txt"}`); the offset store's key. */
  readonly sourcePartition: OffsetMap | null;
  /** Position in that stream after this record (`{position: 30}`); committed once Kafka acked. */
  readonly sourceOffset: OffsetMap | null;

  constructor(fields: Partial<ConnectRecordFields> & { topic: string; sourcePartition: OffsetMap | null; sourceOffset: OffsetMap | null }) {
    super(fields);
    this.sourcePartition = fields.sourcePartition;
    this.sourceOffset = fields.sourceOffset;
  }

  /** A copy with some fields replaced, keeping the source partition and offset (for SMTs). */
  newRecord(changes: Partial<ConnectRecordFields>): SourceRecord {
    return new SourceRecord({ ...this, headers: this.headers.duplicate(), ...changes });
  }
}

/** How a sink record's timestamp was set on the broker. */
export type TimestampType = "NoTimestampType" | "CreateTime" | "LogAppendTime";

/** A record delivered to a sink task, with its Kafka coordinates. */
export class SinkRecord extends ConnectRecordBase {
  declare readonly kafkaPartition: number;
  /** The record's offset in its topic partition. */
  readonly kafkaOffset: bigint;
  readonly timestampType: TimestampType;
  /** Where the record was consumed from, before any SMT renamed the topic or partition. */
  readonly originalTopic: string;
  readonly originalKafkaPartition: number;
  readonly originalKafkaOffset: bigint;

  constructor(
    fields: Partial<ConnectRecordFields> & {
      topic: string;
      kafkaPartition: number;
      kafkaOffset: bigint;
      timestampType?: TimestampType;
      originalTopic?: string;
      originalKafkaPartition?: number;
      originalKafkaOffset?: bigint;
    },
  ) {
    super(fields);
    this.kafkaOffset = fields.kafkaOffset;
    this.timestampType = fields.timestampType ?? "NoTimestampType";
    this.originalTopic = fields.originalTopic ?? fields.topic;
    this.originalKafkaPartition = fields.originalKafkaPartition ?? fields.kafkaPartition;
    this.originalKafkaOffset = fields.originalKafkaOffset ?? fields.kafkaOffset;
  }

  /** A copy with some fields replaced, keeping the Kafka coordinates and originals (for SMTs). */
  newRecord(changes: Partial<ConnectRecordFields>): SinkRecord {
    const partition = changes.kafkaPartition ?? this.kafkaPartition;
    return new SinkRecord({ ...this, headers: this.headers.duplicate(), ...changes, kafkaPartition: partition });
  }
}

/** Either kind of record; what transformations and predicates receive. */
export type ConnectRecord = SourceRecord | SinkRecord;
