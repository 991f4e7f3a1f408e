import { Kafka } from "kafkajs";
import type { WorkerConfig } from "@/server/config/worker-config";
import { connectionSettings, layeredClientSettings } from "@/server/kafka/connection-settings";
import { kafkajsConfig } from "@/server/kafka/kafkajs-options";
import { platformaticOptions } from "@/server/kafka/platformatic-options";
import { PlatformaticRecordProducer } from "@/server/kafka/record-producer";
import { KafkajsTopicBrowser } from "@/server/kafka/topic-browser";
import type { RecordProducer } from "@/server/runtime/ports";

/**
 * The DLQ inbox's Kafka clients, with the worker's connection settings (`bootstrap.servers`,
 * security): a topic browser, and a producer that gives up on a request after `replayRetries`
 * resends so a replay can report what did not go instead of waiting forever. Nothing connects
 * until first used; the caller closes both.
 */
export function dlqClients(config: WorkerConfig, options: { clientId: string; replayRetries: number }): { browser: KafkajsTopicBrowser; producer: RecordProducer } {
  const connection = connectionSettings(layeredClientSettings(config), options.clientId);
  return {
    browser: new KafkajsTopicBrowser(new Kafka(kafkajsConfig(connection))),
    producer: new PlatformaticRecordProducer({ connection: platformaticOptions(connection), compression: "none", retries: options.replayRetries }),
  };
}
