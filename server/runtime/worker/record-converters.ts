import type { Converter, HeaderConverter } from "@/server/plugins/api/converter";
import { Headers } from "@/server/plugins/api/headers";
import { SinkRecord, type SourceRecord } from "@/server/plugins/api/records";
import type { ProcessingContext } from "@/server/runtime/errors/processing-context";
import type { RetryWithToleranceOperator } from "@/server/runtime/errors/retry-with-tolerance-operator";
import type { IncomingRecord, KafkaHeader, OutgoingRecord } from "@/server/runtime/ports";

/** One task's key, value and header converters, configured. */
export interface TaskConverters {
  key: Converter;
  value: Converter;
  header: HeaderConverter;
  keyClass: string;
  valueClass: string;
  headerClass: string;
}

/** A stage's result: the value, or (when the operator retries) a promise of it. */
export type Pending<T> = T | Promise<T>;

/**
 * Continues with `next` once `value` is known, unless the record's context failed (then the
 * result is null). Stays synchronous when `value` is, so the common path allocates no promises.
 */
export function andThen<T, U>(context: ProcessingContext, value: Pending<T | null>, next: (value: T) => Pending<U | null>): Pending<U | null> {
  if (value instanceof Promise) return value.then((resolved) => (context.failed ? null : next(resolved as T)));
  return context.failed ? null : next(value as T);
}

function toBuffer(bytes: Uint8Array | null): Buffer | null {
  if (bytes === null) return null;
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function sourceHeaders(record: SourceRecord, converters: TaskConverters): KafkaHeader[] {
  const headers: KafkaHeader[] = [];
  for (const header of record.headers) {
    headers.push({ key: header.key, value: toBuffer(converters.header.fromConnectHeader(record.topic, header.key, header.schema, header.value)) });
  }
  return headers;
}

/**
 * Serializes a (transformed) source record for Kafka in Kafka Connect's order: headers, key,
 * value, each stage under the operator. Null when a stage failed and the record is skipped.
 */
export function toOutgoing(context: ProcessingContext, operator: RetryWithToleranceOperator, record: SourceRecord, converters: TaskConverters): Pending<OutgoingRecord | null> {
  const headers = operator.execute(context, "HEADER_CONVERTER", converters.headerClass, () => sourceHeaders(record, converters));
  return andThen(context, headers, (kafkaHeaders) =>
    andThen(context, operator.execute(context, "KEY_CONVERTER", converters.keyClass, () => toBuffer(converters.key.fromConnectData(record.topic, record.headers, record.keySchema, record.key))), (key) =>
      andThen(context, operator.execute(context, "VALUE_CONVERTER", converters.valueClass, () => toBuffer(converters.value.fromConnectData(record.topic, record.headers, record.valueSchema, record.value))), (value) => ({
        topic: record.topic,
        partition: record.kafkaPartition,
        key,
        value,
        headers: kafkaHeaders,
        timestamp: record.timestamp,
      })),
    ),
  );
}

function sinkHeaders(record: IncomingRecord, converters: TaskConverters): Headers {
  const headers = new Headers();
  for (const header of record.headers) {
    const converted = converters.header.toConnectHeader(record.topic, header.key, header.value);
    headers.add(header.key, converted.value, converted.schema);
  }
  return headers;
}

/**
 * Deserializes a consumed record into the SinkRecord a sink task receives: key, value, then
 * headers, each stage under the operator. Null when a stage failed and the record is skipped.
 */
export function toSinkRecord(context: ProcessingContext, operator: RetryWithToleranceOperator, record: IncomingRecord, converters: TaskConverters): Pending<SinkRecord | null> {
  const key = operator.execute(context, "KEY_CONVERTER", converters.keyClass, () => converters.key.toConnectData(record.topic, null, record.key));
  return andThen(context, key, (keyData) =>
    andThen(context, operator.execute(context, "VALUE_CONVERTER", converters.valueClass, () => converters.value.toConnectData(record.topic, null, record.value)), (valueData) =>
      andThen(context, operator.execute(context, "HEADER_CONVERTER", converters.headerClass, () => sinkHeaders(record, converters)), (headers) =>
        new SinkRecord({
          topic: record.topic,
          kafkaPartition: record.partition,
          kafkaOffset: record.offset,
          keySchema: keyData.schema,
          key: keyData.value,
          valueSchema: valueData.schema,
          value: valueData.value,
          timestamp: record.timestamp,
          timestampType: record.timestampType,
          headers,
        }),
      ),
    ),
  );
}
