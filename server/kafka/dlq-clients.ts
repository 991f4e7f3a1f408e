import { Kafka } from "kafkajs";
import type { WorkerConfig } from "@/server/config/worker-config";
import { workerKafkaConfig } from "@/server/kafka/client-options";
import { KafkajsRecordProducer } from "@/server/kafka/record-producer";
import { KafkajsTopicBrowser } from "@/server/kafka/topic-browser";
import type { RecordProducer } from "@/server/runtime/ports";

/**
 * The DLQ inbox's Kafka clients, with the worker's connection settings (`bootstrap.servers`,
 * security): a topic browser, and a producer that gives up on a request after `replayRetries`
 * resends so a replay can report what did not go instead of waiting forever. Nothing connects
 * until first used; the caller closes both.
 */
export function dlqClients(config: WorkerConfig, options: { clientId: string; replayRetries: number }): { browser: KafkajsTopicBrowser; producer: RecordProducer } {
  return {
    browser: new KafkajsTopicBrowser(new Kafka(workerKafkaConfig(config, options.clientId))),
    producer: new KafkajsRecordProducer(new Kafka(workerKafkaConfig(config, options.clientId)), { retries: options.replayRetries }),
  };
}
