import { TributaryError } from "@/server/errors/tributary-error";
import { SinkConnector, SourceConnector, type Connector } from "@/server/plugins/api/connector";
import type { OffsetMap } from "@/server/plugins/api/offsets";
import type { ConnectorOffset } from "@/server/runtime/herder/herder-types";
import { sinkGroupId } from "@/server/runtime/connector-config";
import type { KafkaAdmin } from "@/server/runtime/ports";
import type { OffsetStore } from "@/server/storage/contracts/offset-store";

const ALTERED = "The offsets for this connector have been altered successfully";
const RESET = "The offsets for this connector have been reset successfully";

function invalid(message: string): TributaryError {
  return new TributaryError("request.invalid", message);
}

function isPrimitive(value: unknown): value is string | number | boolean | null {
  return value === null || ["string", "number", "boolean"].includes(typeof value);
}

/** `GET /connectors/{c}/offsets`: source partitions from the offset store, sink partitions from the group. */
export async function readOffsets(name: string, config: Readonly<Record<string, string>>, connector: Connector, offsets: OffsetStore, admin: KafkaAdmin): Promise<ConnectorOffset[]> {
  if (connector instanceof SourceConnector) return offsets.offsets(name);
  const group = await admin.groupOffsets(sinkGroupId(name, config));
  return group.map(({ topic, partition, offset }) => ({ partition: { kafka_topic: topic, kafka_partition: partition }, offset: { kafka_offset: Number(offset) } }));
}

function sinkOffset(entry: ConnectorOffset): { topic: string; partition: number; offset: bigint | null } {
  const topic = entry.partition.kafka_topic;
  const partition = Number(entry.partition.kafka_partition);
  if (typeof topic !== "string" || topic === "") throw invalid(`Sink partitions must have a 'kafka_topic' string, got ${JSON.stringify(entry.partition)}`);
  if (!Number.isInteger(partition) || partition < 0 || entry.partition.kafka_partition === null || entry.partition.kafka_partition === "") {
    throw invalid(`Sink partitions must have a 'kafka_partition' non-negative integer, got ${JSON.stringify(entry.partition)}`);
  }
  if (entry.offset === null) return { topic, partition, offset: null };
  const raw = entry.offset.kafka_offset;
  if (!(typeof raw === "number" || typeof raw === "string") || !/^\d+$/.test(String(raw))) {
    throw invalid(`Sink offsets must have a 'kafka_offset' non-negative integer, got ${JSON.stringify(entry.offset)}`);
  }
  return { topic, partition, offset: BigInt(raw) };
}

/**
 * `PATCH /connectors/{c}/offsets` (the caller checked the connector is STOPPED with no tasks).
 * Source: each partition and offset must be a map of primitives; the connector's
 * `alterOffsets` may refuse them (400 with its message). Sink: `kafka_topic`/`kafka_partition`
 * and `kafka_offset` (number or numeric string), applied to the consumer group.
 */
export async function alterOffsets(name: string, config: Record<string, string>, connector: Connector, entries: ConnectorOffset[], offsets: OffsetStore, admin: KafkaAdmin): Promise<{ message: string }> {
  if (entries.length === 0) throw invalid("Partitions / offsets need to be provided for an alter offsets request");
  if (connector instanceof SinkConnector) {
    const parsed = entries.map(sinkOffset);
    accept(() => connector.alterOffsets(config, new Map(parsed.map((o) => [`${o.topic}-${o.partition}`, o.offset]))));
    await admin.alterGroupOffsets(sinkGroupId(name, config), parsed);
    return { message: ALTERED };
  }
  const source = entries.map(({ partition, offset }) => {
    if (!Object.values(partition).every(isPrimitive)) throw invalid(`Source partitions must be maps of primitive values, got ${JSON.stringify(partition)}`);
    if (offset !== null && !Object.values(offset).every(isPrimitive)) throw invalid(`Source offsets must be maps of primitive values or null, got ${JSON.stringify(offset)}`);
    return { partition: partition as OffsetMap, offset: offset as OffsetMap | null };
  });
  accept(() => (connector as SourceConnector).alterOffsets(config, new Map(source.map((e) => [e.partition, e.offset]))));
  await offsets.write(name, source);
  return { message: ALTERED };
}

/** `DELETE /connectors/{c}/offsets`: every source partition's offset removed, or the sink's group deleted. */
export async function resetOffsets(name: string, config: Record<string, string>, connector: Connector, offsets: OffsetStore, admin: KafkaAdmin): Promise<{ message: string }> {
  if (connector instanceof SinkConnector) {
    await admin.deleteGroup(sinkGroupId(name, config));
    return { message: RESET };
  }
  const known = await offsets.offsets(name);
  accept(() => (connector as SourceConnector).alterOffsets(config, new Map(known.map((e) => [e.partition, null]))));
  await offsets.write(name, known.map((e) => ({ partition: e.partition, offset: null })));
  return { message: RESET };
}

function accept(alter: () => boolean): void {
  try {
    alter();
  } catch (error) {
    throw invalid(`Failed to alter offsets: ${(error as Error).message}`);
  }
}
