import { ConfigResourceTypes, type Admin } from "@platformatic/kafka";
import { TributaryError } from "@/server/errors/tributary-error";
import { kafkaCall, translateKafkaError } from "@/server/kafka/errors";
import { getLogger } from "@/server/logging/logger";
import type { TopicLogSpec } from "@/server/storage/kafka/topic-log";

const log = getLogger("tributary.kafka.internal-topic");

/**
 * Makes sure an internal topic can hold what `spec` says it holds, as Kafka Connect's workers do
 * before they read one: a missing topic is created compacted, with the spec's partitions,
 * replication factor and configs (its `cleanup.policy` forced to `compact`); an existing one must
 * have `cleanup.policy=compact` exactly, or this rejects with `config.invalid_value` naming the
 * topic, the worker setting and the policy found. When the broker will not describe the
 * topic's configs (no permission), the check is skipped with a warning, as Kafka Connect does.
 * Resolves whether the topic was created.
 */
export async function ensureCompactedTopic(admin: Admin, spec: TopicLogSpec): Promise<boolean> {
  const existing = await kafkaCall(() => admin.listTopics({ includeInternals: false }));
  if (!existing.includes(spec.topic) && (await create(admin, spec))) return true;
  await verifyCompacted(admin, spec);
  return false;
}

/** Creates the topic; resolves false when another worker created it meanwhile. */
async function create(admin: Admin, spec: TopicLogSpec): Promise<boolean> {
  const configs = Object.entries({ ...spec.topicConfigs, "cleanup.policy": "compact" }).map(([name, value]) => ({ name, value }));
  try {
    await kafkaCall(() => admin.createTopics({ topics: [{ topic: spec.topic, partitions: spec.partitions, replicas: spec.replicationFactor }], configs }));
    log.info({ topic: spec.topic, partitions: spec.partitions, replicationFactor: spec.replicationFactor }, `created the ${spec.purpose} topic`);
    return true;
  } catch (error) {
    const failure = translateKafkaError(error);
    if (failure.code === "kafka.topic_already_exists") return false;
    const sizing = spec.setting.replace(/\.topic$/, "");
    throw new TributaryError(
      "config.invalid_value",
      `Could not create topic '${spec.topic}' (${spec.setting}) for ${spec.purpose}: ${failure.message}`,
      { cause: failure, suggestion: `Check ${sizing}.replication.factor (at most the number of brokers, or -1 for the broker's default) and ${sizing}.* topic settings, or create the topic yourself, compacted.` },
    );
  }
}

async function verifyCompacted(admin: Admin, spec: TopicLogSpec): Promise<void> {
  let policies: string[];
  try {
    const described = await kafkaCall(() =>
      admin.describeConfigs({ resources: [{ resourceType: ConfigResourceTypes.TOPIC, resourceName: spec.topic, configurationKeys: ["cleanup.policy"] }] }),
    );
    const value = described[0]?.configs.find((config) => config.name === "cleanup.policy")?.value ?? "";
    policies = [...new Set(value.split(",").map((policy) => policy.trim().toLowerCase()).filter(Boolean))];
  } catch (error) {
    log.warn({ topic: spec.topic, err: translateKafkaError(error).message }, "could not read the topic's cleanup.policy; assuming it is compact");
    return;
  }
  if (policies.length === 0) {
    log.warn({ topic: spec.topic }, "the broker reported no cleanup.policy for the topic; assuming it is compact");
    return;
  }
  if (policies.length === 1 && policies[0] === "compact") return;
  throw new TributaryError(
    "config.invalid_value",
    `Topic '${spec.topic}' named by ${spec.setting} has cleanup.policy=${policies.join(",")}, but it must be cleanup.policy=compact: ` +
      `otherwise Kafka deletes old records and ${spec.purpose} are lost.`,
    { suggestion: `Set ${spec.setting} to a compacted topic, or change the topic's cleanup.policy to compact.` },
  );
}
