import { getLogger } from "@/server/logging/logger";
import type { OffsetMap } from "@/server/plugins/api/offsets";
import { partitionKey, type OffsetEntry, type OffsetStore } from "@/server/storage/contracts/offset-store";
import { asObject, decodeJson, encodeJson } from "@/server/storage/kafka/internal-json";
import type { LogRecord, LogWrite, TopicLog } from "@/server/storage/kafka/topic-log";

const log = getLogger("tributary.storage.kafka.offsets");

/**
 * One source partition's offset, under every key in which it was written: a partition map's
 * fields may come in a different order from each writer (Java map types order fields
 * differently), and the topic keeps a record per exact key. The latest written key holds the
 * offset that counts; `keys` holds each key's text in the order last written.
 */
interface StoredPartition {
  partition: OffsetMap;
  keys: Map<string, OffsetMap>;
}

/**
 * OffsetStore on Kafka Connect's offsets topic (distributed mode), in its record format: key the
 * JSON array `["<connector>",{<partition>}]`, value the offset as a JSON object, a tombstone for
 * an offset removed. Reads first read the topic to its end (as Kafka Connect's do), so offsets
 * committed by any worker, Apache Kafka Connect's included, are seen; keys that are not a
 * `[string, object]` pair are skipped, and a value that is not a JSON object counts as no offset.
 *
 * `write` sends every entry in one request and resolves once Kafka acknowledged them all.
 * Like Kafka Connect's, it is atomic per source partition, not across partitions: after a
 * failure some partitions may hold the new offset and others the previous one, each of them an
 * offset the caller committed. JSON numbers beyond 2^53 lose precision, as they do in any
 * JavaScript reading of the topic.
 */
export class KafkaOffsetStore implements OffsetStore {
  private readonly byConnector = new Map<string, Map<string, StoredPartition>>();

  /** `log` is the offsets topic's (`offset.storage.topic`). */
  constructor(private readonly log: TopicLog) {}

  /** Creates or checks the topic and reads it to its end. */
  start(): Promise<void> {
    return this.log.start((record) => this.apply(record));
  }

  /** Stops reading and writing; a stopped store cannot be started again. */
  stop(): Promise<void> {
    return this.log.stop();
  }

  async offsets(connector: string): Promise<OffsetEntry[]> {
    await this.log.readToEnd();
    return [...(this.byConnector.get(connector)?.values() ?? [])].map(entryOf);
  }

  async offsetsFor(connector: string, partitions: OffsetMap[]): Promise<OffsetEntry[]> {
    await this.log.readToEnd();
    const stored = this.byConnector.get(connector);
    return partitions.flatMap((partition) => {
      const entry = stored?.get(partitionKey(partition));
      return entry ? [{ partition: { ...partition }, offset: latest(entry) }] : [];
    });
  }

  async write(connector: string, entries: Array<{ partition: OffsetMap; offset: OffsetMap | null }>): Promise<void> {
    const stored = this.byConnector.get(connector);
    const records = entries.flatMap(({ partition, offset }): LogWrite[] => {
      const keys = [...(stored?.get(partitionKey(partition))?.keys.keys() ?? [])];
      if (offset === null) return (keys.length > 0 ? keys : [JSON.stringify([connector, partition])]).map((key) => ({ key: Buffer.from(key, "utf8"), value: null }));
      // Invariant: a partition already in the topic is written under its latest key, byte for byte,
      // so compaction replaces that record and a Java worker looking the partition up finds this offset.
      const key = keys.at(-1) ?? JSON.stringify([connector, partition]);
      return [{ key: Buffer.from(key, "utf8"), value: encodeJson(offset) }];
    });
    await this.log.send(records);
  }

  private apply(record: LogRecord): void {
    if (!record.key) return;
    const text = record.key.toString("utf8");
    const key = decodeJson(record.key);
    if (!Array.isArray(key) || key.length !== 2 || typeof key[0] !== "string" || !asObject(key[1])) {
      if (!Array.isArray(key) || key[1] !== null) log.warn({ key: text }, "skipped an offset with a key that is not [connector, partition]");
      return;
    }
    const [connector, partition] = key as [string, OffsetMap];
    const id = partitionKey(partition);
    let partitions = this.byConnector.get(connector);
    if (!partitions) this.byConnector.set(connector, (partitions = new Map()));
    const entry = partitions.get(id) ?? { partition, keys: new Map<string, OffsetMap>() };
    entry.keys.delete(text);
    const offset = record.value === null ? undefined : asObject(decodeJson(record.value));
    if (record.value !== null && !offset) log.warn({ key: text }, "an offset that is not a JSON object counts as no offset");
    if (offset) entry.keys.set(text, offset as OffsetMap);
    if (entry.keys.size > 0) partitions.set(id, { partition, keys: entry.keys });
    else partitions.delete(id);
  }
}

function latest(entry: StoredPartition): OffsetMap {
  return { ...[...entry.keys.values()].at(-1)! };
}

function entryOf(entry: StoredPartition): OffsetEntry {
  return { partition: { ...entry.partition }, offset: latest(entry) };
}
