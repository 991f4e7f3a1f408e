import { randomInt } from "node:crypto";

const SEED = 0x9747b28c;
const M = 0x5bd1e995;

/**
 * Java's `Utils.murmur2` (the hash Apache Kafka's default partitioner applies to record keys),
 * in 32-bit integer arithmetic, without allocating per step.
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
 * Apache Kafka's default partitioning, for one producer: a keyed record goes to
 * `(murmur2(key) & 0x7fffffff) % partitions`, so the same key lands in the same partition as with
 * Kafka's own clients; records without a key stick to one partition per batch (`nextBatch()`
 * moves every topic on to its next partition), as Kafka's sticky partitioner keeps batches whole.
 * Not safe for concurrent batches: one producer assigns one batch at a time.
 */
export class JavaPartitioner {
  private readonly sticky = new Map<string, number>();
  private readonly used = new Set<string>();

  /** The partition of a record of `topic` with `key` (null: none) among `partitions`. */
  partition(topic: string, key: Uint8Array | null, partitions: number): number {
    if (key !== null) return (murmur2(key) & 0x7fffffff) % partitions;
    let current = this.sticky.get(topic);
    if (current === undefined) this.sticky.set(topic, (current = randomInt(0x7fffffff)));
    this.used.add(topic);
    return current % partitions;
  }

  /** Ends the current batch: keyless records of the topics it used go to their next partition. */
  nextBatch(): void {
    for (const topic of this.used) this.sticky.set(topic, (this.sticky.get(topic)! + 1) & 0x7fffffff);
    this.used.clear();
  }
}
