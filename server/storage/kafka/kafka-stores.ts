import { distributedStorageSettings, type InternalTopicSettings, type WorkerConfig } from "@/server/config/worker-config";
import { KafkaConfigStore } from "@/server/storage/kafka/config-store";
import { KafkaOffsetStore } from "@/server/storage/kafka/offset-store";
import { KafkaStatusStore } from "@/server/storage/kafka/status-store";
import type { TopicLogOpener, TopicLogSpec } from "@/server/storage/kafka/topic-log";

/** Distributed mode's three stores on the worker's internal topics, started and stopped together. */
export interface KafkaStores {
  config: KafkaConfigStore;
  offsets: KafkaOffsetStore;
  status: KafkaStatusStore;
  /**
   * Creates missing topics and checks existing ones, then reads all three to their ends, in
   * parallel. On a failure the stores are stopped and the first error is thrown (a TributaryError
   * naming the topic and the setting when a topic cannot be used).
   */
  start(): Promise<void>;
  /** Stops the three stores' readers and writers; idempotent. */
  stop(): Promise<void>;
}

/**
 * Builds the stores of distributed mode from Kafka Connect's worker settings (`group.id`,
 * `config|offset|status.storage.topic`, their `*.replication.factor`, `*.partitions` and
 * `*.<topic config>`), each on a log of `logs` (the composition root passes server/kafka's
 * KafkaTopicLogs). Client ids follow Kafka Connect's: `<group.id>[-<client.id>]-configs`,
 * `-offsets`, `-statuses`. Throws WorkerConfigError when a required setting is missing.
 */
export function createKafkaStores(worker: WorkerConfig, logs: TopicLogOpener): KafkaStores {
  const storage = distributedStorageSettings(worker);
  const clientId = [storage.groupId, worker.settings["client.id"]].filter(Boolean).join("-");
  const spec = (topic: InternalTopicSettings, purpose: string, suffix: string): TopicLogSpec => ({ ...topic, purpose, clientId: `${clientId}-${suffix}` });
  const config = new KafkaConfigStore(logs.open(spec(storage.config, "connector configurations", "configs")));
  const offsets = new KafkaOffsetStore(logs.open(spec(storage.offsets, "source connector offsets", "offsets")));
  const status = new KafkaStatusStore(logs.open(spec(storage.status, "connector and task statuses", "statuses")));
  const stop = async () => void (await Promise.allSettled([config.stop(), status.stop(), offsets.stop()]));
  return {
    config,
    offsets,
    status,
    async start() {
      const results = await Promise.allSettled([offsets.start(), status.start(), config.start()]);
      const failed = results.find((result): result is PromiseRejectedResult => result.status === "rejected");
      if (!failed) return;
      await stop();
      throw failed.reason;
    },
    stop,
  };
}
