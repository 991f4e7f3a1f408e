import type { Converter, HeaderConverter } from "@/server/plugins/api/converter";
import { Headers } from "@/server/plugins/api/headers";
import { SinkRecord, type SourceRecord } from "@/server/plugins/api/records";
import type { IncomingRecord, KafkaHeader, OutgoingRecord } from "@/server/runtime/ports";
import { TributaryError } from "@/server/errors/tributary-error";

/** A pipeline stage, named as Kafka Connect's error handling names it. */
export type Stage = "KEY_CONVERTER" | "VALUE_CONVERTER" | "HEADER_CONVERTER";

/** A conversion failure with the stage and converter class it happened in. */
export class ConversionError extends TributaryError {
  constructor(
    readonly stage: Stage,
    readonly converterClass: string,
    cause: unknown,
  ) {
    super("data.conversion_failed", `Error in stage ${stage} (${converterClass}): ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/** One task's key, value and header converters, configured. */
export interface TaskConverters {
  key: Converter;
  value: Converter;
  header: HeaderConverter;
  keyClass: string;
  valueClass: string;
  headerClass: string;
}

function toBuffer(bytes: Uint8Array | null): Buffer | null {
  if (bytes === null) return null;
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function stage<T>(name: Stage, converterClass: string, convert: () => T): T {
  try {
    return convert();
  } catch (error) {
    throw new ConversionError(name, converterClass, error);
  }
}

/** Serializes a source record for Kafka: headers, then key, then value (Kafka Connect's order). */
export function toOutgoing(record: SourceRecord, converters: TaskConverters): OutgoingRecord {
  const headers: KafkaHeader[] = [];
  for (const header of record.headers) {
    headers.push({
      key: header.key,
      value: toBuffer(stage("HEADER_CONVERTER", converters.headerClass, () => converters.header.fromConnectHeader(record.topic, header.key, header.schema, header.value))),
    });
  }
  return {
    topic: record.topic,
    partition: record.kafkaPartition,
    key: toBuffer(stage("KEY_CONVERTER", converters.keyClass, () => converters.key.fromConnectData(record.topic, record.headers, record.keySchema, record.key))),
    value: toBuffer(stage("VALUE_CONVERTER", converters.valueClass, () => converters.value.fromConnectData(record.topic, record.headers, record.valueSchema, record.value))),
    headers,
    timestamp: record.timestamp,
  };
}

/** Deserializes a consumed record into the SinkRecord a sink task receives. */
export function toSinkRecord(record: IncomingRecord, converters: TaskConverters): SinkRecord {
  const key = stage("KEY_CONVERTER", converters.keyClass, () => converters.key.toConnectData(record.topic, null, record.key));
  const value = stage("VALUE_CONVERTER", converters.valueClass, () => converters.value.toConnectData(record.topic, null, record.value));
  const headers = new Headers();
  for (const header of record.headers) {
    const converted = stage("HEADER_CONVERTER", converters.headerClass, () => converters.header.toConnectHeader(record.topic, header.key, header.value));
    headers.add(header.key, converted.value, converted.schema);
  }
  return new SinkRecord({
    topic: record.topic,
    kafkaPartition: record.partition,
    kafkaOffset: record.offset,
    keySchema: key.schema,
    key: key.value,
    valueSchema: value.schema,
    value: value.value,
    timestamp: record.timestamp,
    timestampType: record.timestampType,
    headers,
  });
}
