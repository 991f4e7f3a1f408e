import { Kafka } from "kafkajs";
import type { CompressionAlgorithmValue } from "@platformatic/kafka";
import type { WorkerConfig } from "@/server/config/worker-config";
import { TributaryError } from "@/server/errors/tributary-error";
import { connectionSettings, layeredClientSettings } from "@/server/kafka/connection-settings";
import { KafkajsAdmin } from "@/server/kafka/kafka-admin";
import { kafkajsConfig } from "@/server/kafka/kafkajs-options";
import { platformaticOptions } from "@/server/kafka/platformatic-options";
import { PlatformaticRecordProducer } from "@/server/kafka/record-producer";
import { SharedRecordProducer } from "@/server/kafka/shared-record-producer";
import { PlatformaticSinkConsumer } from "@/server/kafka/sink-consumer";
import type { KafkaClientFactory, RecordProducer, SinkConsumer } from "@/server/runtime/ports";

/** The client id of the worker's shared producer (the worker's `producer.client.id` wins, as for every producer). */
const SHARED_PRODUCER_CLIENT_ID = "connector-producer-shared";
const COMPRESSION_TYPES: readonly CompressionAlgorithmValue[] = ["none", "gzip", "snappy", "lz4", "zstd"];

/** `compression.type` of a producer's settings; an unknown value is refused naming the key, as Kafka's ProducerConfig does. */
export function compressionType(settings: Readonly<Record<string, string>>): CompressionAlgorithmValue {
  const value = (settings["compression.type"] ?? "none").trim().toLowerCase() as CompressionAlgorithmValue;
  if (COMPRESSION_TYPES.includes(value)) return value;
  throw new TributaryError(
    "config.invalid_value",
    `Invalid value ${settings["compression.type"]} for configuration compression.type: String must be one of: ${COMPRESSION_TYPES.join(", ")}`,
  );
}

/**
 * Builds the runtime's Kafka clients with Kafka Connect's layering: the worker's settings, then
 * its `producer.*` / `consumer.*` / `admin.*`, then the connector's overrides (already stripped
 * of `producer.override.` etc. and checked against the override policy). Each path uses the
 * client that measured faster for it (the reasons sit beside each class): producers and sink
 * consumers on @platformatic/kafka, the admin client on kafkajs. The admin client is one
 * per factory, shared. So is the producer of every caller without overrides: a lease on one
 * SharedRecordProducer (its contract says what stays per task), so N connectors do not mean N
 * producers and N broker connections; a connector with `producer.override.*` keeps a producer of
 * its own, built from its own settings. (Exactly-once source tasks, which Tributary does not run,
 * would need a transactional producer each and must not take a lease.)
 */
export class WorkerClientFactory implements KafkaClientFactory {
  private sharedAdmin: KafkajsAdmin | undefined;
  private readonly sharedProducer: SharedRecordProducer;

  constructor(private readonly worker: WorkerConfig) {
    this.sharedProducer = new SharedRecordProducer(() => this.ownProducer(SHARED_PRODUCER_CLIENT_ID, {}));
  }

  /** A lease on the worker's shared producer when `overrides` is empty, otherwise a producer of its own named `clientId`. */
  producer(clientId: string, overrides: Readonly<Record<string, string>>): RecordProducer {
    if (Object.keys(overrides).length === 0) return this.sharedProducer.lease();
    return this.ownProducer(clientId, overrides);
  }

  sinkConsumer(options: { groupId: string; clientId: string; topics: string[] | RegExp; overrides: Readonly<Record<string, string>> }): SinkConsumer {
    const settings = layeredClientSettings(this.worker, "consumer", options.overrides);
    const number = (key: string, fallback: number) => {
      const value = Number(settings[key]);
      return settings[key] !== undefined && Number.isInteger(value) && value >= 0 ? value : fallback;
    };
    return new PlatformaticSinkConsumer({
      connection: platformaticOptions(connectionSettings(settings, options.clientId)),
      groupId: options.groupId,
      topics: options.topics,
      // 10 s, not the Kafka client's 45 s: a sink task on a worker that died resumes elsewhere within the worker's own session timeout.
      sessionTimeoutMs: number("session.timeout.ms", 10_000),
      heartbeatIntervalMs: number("heartbeat.interval.ms", 3_000),
      rebalanceTimeoutMs: number("max.poll.interval.ms", 300_000),
      maxWaitMs: number("fetch.max.wait.ms", 500),
      minBytes: number("fetch.min.bytes", 1),
      maxBytes: number("fetch.max.bytes", 52_428_800),
      partitionMaxBytes: number("max.partition.fetch.bytes", 1_048_576),
      readCommitted: (settings["isolation.level"] ?? "").toLowerCase() === "read_committed",
      metadataMaxAgeMs: number("metadata.max.age.ms", 300_000),
    });
  }

  admin(): KafkajsAdmin {
    if (!this.sharedAdmin) {
      const connection = connectionSettings(layeredClientSettings(this.worker, "admin"), "tributary-admin");
      this.sharedAdmin = new KafkajsAdmin(new Kafka(kafkajsConfig(connection)), platformaticOptions(connection));
    }
    return this.sharedAdmin;
  }

  async close(): Promise<void> {
    await this.sharedAdmin?.close();
  }

  private ownProducer(clientId: string, overrides: Readonly<Record<string, string>>): PlatformaticRecordProducer {
    const settings = layeredClientSettings(this.worker, "producer", overrides);
    return new PlatformaticRecordProducer({ connection: platformaticOptions(connectionSettings(settings, clientId)), compression: compressionType(settings) });
  }
}
