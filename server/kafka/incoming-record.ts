import type { IncomingRecord, KafkaHeader } from "@/server/runtime/ports";

/** A record as kafkajs decodes it, from a consumer batch or a raw Fetch response. */
interface DecodedMessage {
  offset: string;
  timestamp: string;
  key: Buffer | null;
  value: Buffer | null;
  headers?: Record<string, Buffer | string | Array<Buffer | string> | null | undefined>;
}

/**
 * A decoded kafkajs message as the runtime's IncomingRecord: headers flattened in kafkajs' order
 * (a repeated key's values stay in order; string values become UTF-8 bytes), offset as bigint.
 * Shared by the sink consumer and the topic browser, so both read records the same way.
 */
export function toIncomingRecord(topic: string, partition: number, message: DecodedMessage, timestampType: IncomingRecord["timestampType"] = "CreateTime"): IncomingRecord {
  const headers: KafkaHeader[] = [];
  for (const [key, value] of Object.entries(message.headers ?? {})) {
    for (const item of Array.isArray(value) ? value : [value]) {
      headers.push({ key, value: item === undefined || item === null ? null : Buffer.isBuffer(item) ? item : Buffer.from(item) });
    }
  }
  return { topic, partition, offset: BigInt(message.offset), key: message.key, value: message.value, headers, timestamp: Number(message.timestamp), timestampType };
}
