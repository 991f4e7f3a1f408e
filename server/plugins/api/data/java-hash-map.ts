/**
 * Java's `HashMap` iteration order, for the maps Kafka Connect builds as HashMaps (schemaless
 * values read by the JsonConverter or rebuilt by InsertField, ReplaceField, MaskField, Cast,
 * HeaderFrom, TimestampConverter and ValueToKey): their keys come out in the order of
 * `hash & (table length - 1)`, then insertion, and that order reaches the bytes a converter
 * writes. The table length follows Java's sizing, including the copy constructor's (JDK 19 and
 * later; JDK 17 sized some copies one step larger). Keys hash as Java's String, Long, Integer and
 * Boolean do; a map holding any other key keeps insertion order. Bins of eight or more colliding
 * keys (Java turns them into trees) are not modelled.
 */

const DEFAULT_CAPACITY = 16;
const LOAD_FACTOR = 0.75;

/** Java's `HashMap.tableSizeFor`: the smallest power of two at least `capacity` (and at least 1). */
function tableSizeFor(capacity: number): number {
  let size = 1;
  while (size < capacity) size *= 2;
  return size;
}

/** Java's `hashCode()` of a key as Kafka holds it, or null when Tributary cannot know it. */
function javaHashCode(key: unknown): number | null {
  if (typeof key === "string") {
    let hash = 0;
    for (let i = 0; i < key.length; i++) hash = (Math.imul(31, hash) + key.charCodeAt(i)) | 0;
    return hash;
  }
  if (typeof key === "bigint") {
    const bits = BigInt.asUintN(64, key);
    return Number(BigInt.asIntN(32, bits ^ (bits >> 32n)));
  }
  if (typeof key === "number" && Number.isInteger(key) && key >= -2147483648 && key <= 2147483647) return key;
  if (typeof key === "boolean") return key ? 1231 : 1237;
  return null;
}

/**
 * A map that iterates (`entries()`, `toMap()`) as a Java `HashMap` built by the same calls would.
 * Overwriting a key keeps its place, as in Java. Not for concurrent use.
 */
export class JavaHashMap<K, V> {
  private readonly inserted = new Map<K, V>();
  private capacity = 0;
  private threshold: number;

  /** `new HashMap<>()`, or `new HashMap<>(initialCapacity)` when `initialCapacity` is given. */
  constructor(initialCapacity?: number) {
    this.threshold = initialCapacity === undefined ? 0 : tableSizeFor(initialCapacity);
  }

  /** `new HashMap<>(source)`: sized for the source's entries, then filled in its order. */
  static copyOf<K, V>(source: ReadonlyMap<K, V>): JavaHashMap<K, V> {
    const map = new JavaHashMap<K, V>();
    if (source.size > 0) map.threshold = tableSizeFor(Math.ceil(source.size / LOAD_FACTOR));
    for (const [key, value] of source) map.set(key, value);
    return map;
  }

  get size(): number {
    return this.inserted.size;
  }

  get(key: K): V | undefined {
    return this.inserted.get(key);
  }

  has(key: K): boolean {
    return this.inserted.has(key);
  }

  /** `put`: grows the table exactly when Java's would. */
  set(key: K, value: V): this {
    if (this.inserted.has(key)) {
      this.inserted.set(key, value);
      return this;
    }
    if (this.capacity === 0) this.resize();
    this.inserted.set(key, value);
    if (this.inserted.size > this.threshold) this.resize();
    return this;
  }

  delete(key: K): boolean {
    return this.inserted.delete(key);
  }

  /** The entries in Java's iteration order, as a JS Map (which keeps that order). */
  toMap(): Map<K, V> {
    const hashes = [...this.inserted.keys()].map(javaHashCode);
    if (this.capacity === 0 || hashes.some((hash) => hash === null)) return new Map(this.inserted);
    const mask = this.capacity - 1;
    const entries = [...this.inserted].map((entry, i) => ({ entry, bucket: (hashes[i]! ^ (hashes[i]! >>> 16)) & mask }));
    entries.sort((a, b) => a.bucket - b.bucket);
    return new Map(entries.map(({ entry }) => entry));
  }

  /** Java's `HashMap.resize`: allocate the first table, or double it. */
  private resize(): void {
    const oldCapacity = this.capacity;
    let newThreshold = 0;
    if (oldCapacity > 0) {
      this.capacity = oldCapacity * 2;
      if (oldCapacity >= DEFAULT_CAPACITY) newThreshold = this.threshold * 2;
    } else if (this.threshold > 0) {
      this.capacity = this.threshold;
    } else {
      this.capacity = DEFAULT_CAPACITY;
      newThreshold = DEFAULT_CAPACITY * LOAD_FACTOR;
    }
    this.threshold = newThreshold === 0 ? Math.floor(this.capacity * LOAD_FACTOR) : newThreshold;
  }
}
