import { z } from "zod";

/** One entry of Kafka Connect's `GET /connectors/{c}/offsets`: a source partition or a sink topic-partition, and its offset. */
export const connectorOffsetSchema = z.object({
  partition: z.record(z.string(), z.unknown()),
  offset: z.record(z.string(), z.unknown()).nullable(),
});

/** Kafka Connect's `GET /connectors/{c}/offsets` body. */
export const connectorOffsetsSchema = z.object({ offsets: z.array(connectorOffsetSchema) });

/**
 * A sink's topic-partition with its consumer group's committed offset (the next record the
 * connector reads; null when nothing is committed), the partition's end offset (null when Kafka
 * could not say) and the lag between them (null unless both are known).
 */
export const sinkPartitionOffsetSchema = z.object({
  topic: z.string(),
  partition: z.number().int(),
  committed: z.number().nullable(),
  end: z.number().nullable(),
  lag: z.number().nullable(),
});

/**
 * `GET /api/console/connectors/{name}/offsets`: Kafka Connect's offsets of the connector as they
 * are, plus, for a sink, every partition of its committed and configured topics with end offset
 * and lag. `endOffsetsError` says why some end offsets are missing (a configured topic that does
 * not exist yet, say).
 */
export const connectorOffsetsViewSchema = z.object({
  connector: z.string(),
  type: z.enum(["source", "sink", "unknown"]),
  offsets: z.array(connectorOffsetSchema),
  partitions: z.array(sinkPartitionOffsetSchema),
  endOffsetsError: z.string().optional(),
});

/** The `{"message"}` of a successful `PATCH` or `DELETE /connectors/{c}/offsets`. */
export const offsetsChangeResultSchema = z.object({ message: z.string() });

export type ConnectorOffset = z.infer<typeof connectorOffsetSchema>;
export type SinkPartitionOffset = z.infer<typeof sinkPartitionOffsetSchema>;
export type ConnectorOffsetsView = z.infer<typeof connectorOffsetsViewSchema>;
