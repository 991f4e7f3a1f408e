/**
 * Read-back vectors: the bytes Kafka Connect wrote for a source vector, consumed by a sink with
 * the same converters. They check that a record written by Kafka Connect reads the same into
 * Tributary (toConnectData), over every sample the write vectors carry. Sink-side transform
 * vectors (`sinkTransforms`) read the bytes of their carrier and run the transforms there.
 */
import type { ConnectorConfig, KafkaResult, MessageSpec, Vector } from "./vector";

/** A source vector that also asks for a sink-side run of `transforms` over its Kafka bytes. */
export type CarrierVector = Extract<Vector, { kind: "source" }> & { sinkTransforms?: { id: string; covers: string[]; config: ConnectorConfig }[] };

const withoutTransforms = (config: ConnectorConfig) =>
  Object.fromEntries(Object.entries(config).filter(([key]) => !key.startsWith("transforms") && !key.startsWith("predicates")));

/** The sink vectors reading what Kafka wrote for each successful source vector. */
export function readBackVectors(vectors: readonly Vector[], kafka: ReadonlyMap<string, KafkaResult>): Vector[] {
  const out: Vector[] = [];
  for (const vector of vectors) {
    if (vector.kind !== "source") continue;
    const bytes = (kafka.get(vector.id)?.result as { bytes?: MessageSpec } | undefined)?.bytes;
    if (!bytes) continue;
    const message = { topic: bytes.topic, partition: bytes.partition ?? 0, offset: "7", timestamp: bytes.timestamp ?? "0", key: bytes.key, value: bytes.value, headers: bytes.headers };
    const carrier = vector as CarrierVector;
    if (carrier.sinkTransforms) {
      for (const sink of carrier.sinkTransforms) out.push({ id: sink.id, kind: "sink", covers: sink.covers, config: sink.config, message });
    } else {
      out.push({ id: `${vector.id}/read-back`, kind: "sink", covers: vector.covers, config: withoutTransforms(vector.config), message });
    }
  }
  return out;
}
