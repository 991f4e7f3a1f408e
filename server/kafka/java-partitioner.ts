import { randomInt } from "node:crypto";
import type { ICustomPartitioner } from "kafkajs";

const SEED = 0x9747b28c;
const M = 0x5bd1e995;

/**
 * Java's `Utils.murmur2` (the hash Apache Kafka's default partitioner applies to record keys),
 * in 32-bit integer arithmetic: the same result as kafkajs' Long-based version, without
 * allocating a Long per step (that version was 12% of a datagen → Kafka profile).
 */
export function murmur2(data: Uint8Array): number {
  const length = data.length;
  let h = (SEED ^ length) | 0;
  const whole = length & ~3;
  for (let i = 0; i < whole; i += 4) {
    let k = data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24);
    k = Math.imul(k, M);
    k ^= k >>> 24;
    k = Math.imul(k, M);
    h = Math.imul(h, M) ^ k;
  }
  const rest = length & 3;
  if (rest > 0) {
    if (rest === 3) h ^= data[whole + 2]! << 16;
    if (rest >= 2) h ^= data[whole + 1]! << 8;
    h ^= data[whole]!;
    h = Math.imul(h, M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

/**
 * kafkajs' DefaultPartitioner with a faster hash, same choices: an explicit partition wins; a
 * keyed record goes to `murmur2(key) & 0x7fffffff % partitions` (as Apache Kafka's clients put
 * it); a record without key goes round-robin over the partitions that have a leader.
 */
export const JavaCompatiblePartitioner: ICustomPartitioner = () => {
  const counters = new Map<string, number>();
  return ({ topic, partitionMetadata, message }) => {
    if (message.partition !== null && message.partition !== undefined) return message.partition;
    const partitions = partitionMetadata.length;
    if (message.key !== null && message.key !== undefined) {
      const key = typeof message.key === "string" ? Buffer.from(message.key) : message.key;
      return (murmur2(key) & 0x7fffffff) % partitions;
    }
    const next = (counters.get(topic) ?? randomInt(0x7fffffff)) + 1;
    counters.set(topic, next);
    const available = partitionMetadata.filter((p) => p.leader >= 0);
    return available.length > 0 ? available[(next & 0x7fffffff) % available.length]!.partitionId : (next & 0x7fffffff) % partitions;
  };
};
