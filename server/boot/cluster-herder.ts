import { distributedStorageSettings, type WorkerConfig } from "@/server/config/worker-config";
import { KafkaTopicLogs } from "@/server/kafka/compacted-topic-log";
import { workerGroupMember } from "@/server/kafka/connect-group-member";
import type { WorkerClientFactory } from "@/server/kafka/client-factory";
import { getLogger } from "@/server/logging/logger";
import { ControlPlaneHerder } from "@/server/runtime/herder/control-plane-herder";
import { DistributedHerder } from "@/server/runtime/herder/distributed-herder";
import type { StandaloneHerderOptions } from "@/server/runtime/herder/standalone-herder";
import { createKafkaStores, type KafkaStores } from "@/server/storage/kafka/kafka-stores";

const log = getLogger("tributary.boot");

/** What a worker's herder is built from in either mode, besides its stores. */
export type HerderParts = Pick<StandaloneHerderOptions, "workerId" | "registry" | "loadPlugins" | "admin" | "worker" | "topicTracking" | "overridePolicy">;

/**
 * The herder of a worker that joins the cluster of its `group.id` (distributed mode): the three
 * Kafka-backed stores on `config|offset|status.storage.topic` (Kafka Connect's formats), the
 * worker's group membership and a DistributedHerder over them. `onFatal` is told when the
 * membership ends for good (the process should stop). Throws WorkerConfigError when a setting
 * distributed mode needs is missing.
 */
export function createClusterHerder(
  config: WorkerConfig,
  parts: HerderParts & { restUrl: string; clients: WorkerClientFactory },
  onFatal: (error: Error) => void,
): { herder: DistributedHerder; stores: KafkaStores } {
  const { groupId } = distributedStorageSettings(config);
  const stores = createKafkaStores(config, new KafkaTopicLogs(config));
  const { clients, ...rest } = parts;
  const herder = new DistributedHerder({
    ...rest,
    configs: stores.config,
    statuses: stores.status,
    offsets: stores.offsets,
    topicStatuses: stores.status,
    startStores: () => stores.start(),
    refreshConfigs: () => stores.config.refresh(),
    member: workerGroupMember(config, groupId),
    scheduledRebalanceMaxDelayMs: config.settings["scheduled.rebalance.max.delay.ms"],
    onFatal: (error) => {
      log.error({ err: error.message, groupId }, "the worker lost its membership of the cluster for good");
      onFatal(error);
    },
    close: async () => {
      await clients.close();
      await stores.stop();
    },
  });
  return { herder, stores };
}

/**
 * The herder of a console that only controls the cluster of its `group.id` (`TRIBUTARY_WORKER=off`):
 * the cluster's Kafka-backed stores for reading, `workerUrls` (REST roots of its workers) for
 * leader-only writes. It joins no group and runs nothing.
 */
export function createControlPlaneHerder(config: WorkerConfig, parts: HerderParts & { clients: WorkerClientFactory }, workerUrls: string[]): { herder: ControlPlaneHerder; stores: KafkaStores } {
  const stores = createKafkaStores(config, new KafkaTopicLogs(config));
  const { clients } = parts;
  const herder = new ControlPlaneHerder({
    registry: parts.registry,
    loadPlugins: parts.loadPlugins,
    admin: parts.admin,
    workerConfig: parts.worker.workerConfig,
    topicTracking: parts.topicTracking,
    overridePolicy: parts.overridePolicy,
    configs: stores.config,
    statuses: stores.status,
    offsets: stores.offsets,
    topicStatuses: stores.status,
    startStores: () => stores.start(),
    workerUrls,
    close: async () => {
      await clients.close();
      await stores.stop();
    },
  });
  return { herder, stores };
}
