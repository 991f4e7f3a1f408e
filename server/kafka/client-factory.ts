import { Kafka } from "kafkajs";
import type { WorkerConfig } from "@/server/config/worker-config";
import { kafkaConfigFrom } from "@/server/kafka/client-options";
import { KafkajsAdmin } from "@/server/kafka/kafka-admin";
import { KafkajsRecordProducer } from "@/server/kafka/record-producer";
import { KafkajsSinkConsumer } from "@/server/kafka/sink-consumer";
import type { KafkaClientFactory, RecordProducer, SinkConsumer } from "@/server/runtime/ports";

/** The worker's settings for one client kind: top-level keys, then `<kind>.*` with the prefix stripped. */
function layered(worker: WorkerConfig, kind: "producer" | "consumer" | "admin", overrides: Readonly<Record<string, string>>): Record<string, string> {
  const settings: Record<string, string> = { ...worker.originals, "bootstrap.servers": worker.settings["bootstrap.servers"].join(",") };
  for (const [key, value] of Object.entries(worker.originals)) if (key.startsWith(`${kind}.`)) settings[key.slice(kind.length + 1)] = value;
  return { ...settings, ...overrides };
}

/**
 * Builds the runtime's Kafka clients on kafkajs, with Kafka Connect's layering: the worker's
 * settings, then its `producer.*` / `consumer.*` / `admin.*`, then the connector's overrides
 * (already stripped of `producer.override.` etc. and checked against the override policy).
 * The admin client is one per factory, shared.
 */
export class KafkajsClientFactory implements KafkaClientFactory {
  private sharedAdmin: KafkajsAdmin | undefined;

  constructor(private readonly worker: WorkerConfig) {}

  producer(clientId: string, overrides: Readonly<Record<string, string>>): RecordProducer {
    return new KafkajsRecordProducer(new Kafka(kafkaConfigFrom(layered(this.worker, "producer", overrides), clientId)));
  }

  sinkConsumer(options: { groupId: string; clientId: string; topics: string[] | RegExp; overrides: Readonly<Record<string, string>> }): SinkConsumer {
    const settings = layered(this.worker, "consumer", options.overrides);
    const sessionTimeout = Number(settings["session.timeout.ms"]);
    const maxWait = Number(settings["fetch.max.wait.ms"]);
    return new KafkajsSinkConsumer(new Kafka(kafkaConfigFrom(settings, options.clientId)), {
      groupId: options.groupId,
      topics: options.topics,
      sessionTimeoutMs: Number.isInteger(sessionTimeout) && sessionTimeout > 0 ? sessionTimeout : undefined,
      maxWaitMs: Number.isInteger(maxWait) && maxWait >= 0 ? maxWait : undefined,
    });
  }

  admin(): KafkajsAdmin {
    this.sharedAdmin ??= new KafkajsAdmin(new Kafka(kafkaConfigFrom(layered(this.worker, "admin", {}), "tributary-admin")));
    return this.sharedAdmin;
  }

  async close(): Promise<void> {
    await this.sharedAdmin?.close();
  }
}
