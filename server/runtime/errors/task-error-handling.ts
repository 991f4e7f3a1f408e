import { TributaryError } from "@/server/errors/tributary-error";
import type { Converter } from "@/server/plugins/api/converter";
import type { SourceRecord } from "@/server/plugins/api/records";
import { errorHandlingConfig } from "@/server/runtime/errors/error-handling-config";
import { DeadLetterQueueReporter, LogReporter, type ErrorReporter, type SourceRecordSerializer } from "@/server/runtime/errors/error-reporters";
import type { ErrorHandlingMetrics } from "@/server/runtime/errors/retry-with-tolerance-operator";
import { NO_ERROR_METRICS } from "@/server/runtime/errors/retry-with-tolerance-operator";
import type { PluginRegistry } from "@/server/runtime/plugins/plugin-registry";
import type { KafkaClientFactory } from "@/server/runtime/ports";
import { withPrefix } from "@/server/runtime/worker/converter-setup";
import type { TaskConverters } from "@/server/runtime/worker/record-converters";
import type { TaskErrorHandling, TaskId } from "@/server/runtime/worker/worker-task";

const FALLBACK_CONVERTER = "org.apache.kafka.connect.json.JsonConverter";

const bytes = (data: Uint8Array | null) => (data === null ? null : Buffer.from(data.buffer, data.byteOffset, data.byteLength));

/**
 * How a failed source record is written to the dead letter queue: with the task's own
 * converters when they can serialize it (a transform failed), else as schemaless JSON, else as
 * its text (a converter failed on it).
 */
function sourceSerializer(registry: PluginRegistry, converters: TaskConverters): SourceRecordSerializer {
  const plugin = registry.find(["converter"], FALLBACK_CONVERTER);
  const json = plugin ? (new plugin.plugin() as Converter) : null;
  json?.configure({ "schemas.enable": "false" }, false);
  const serialize = (converter: Converter, record: SourceRecord, key: boolean) =>
    bytes(key ? converter.fromConnectData(record.topic, record.headers, record.keySchema, record.key) : converter.fromConnectData(record.topic, record.headers, record.valueSchema, record.value));
  const field = (record: SourceRecord, key: boolean, own: Converter) => {
    for (const converter of json ? [own, json] : [own]) {
      try {
        return serialize(converter, record, key);
      } catch {
        continue;
      }
    }
    const value = key ? record.key : record.value;
    return value === null || value === undefined ? null : Buffer.from(String(value), "utf8");
  };
  return (record) => ({ key: field(record, true, converters.key), value: field(record, false, converters.value), headers: [] });
}

/**
 * Builds a task's error handling from its connector's `errors.*` settings: the log reporter
 * when `errors.log.enable`, the dead letter queue reporter when
 * `errors.deadletterqueue.topic.name` is set (sinks as in Kafka Connect, sources as Tributary's
 * extension), its producer with the connector's `producer.override.*` settings and its topic
 * created at task start with `errors.deadletterqueue.topic.replication.factor`.
 */
export function taskErrorHandling(options: {
  id: TaskId;
  connectorConfig: Readonly<Record<string, string>>;
  converters: TaskConverters;
  registry: PluginRegistry;
  clients: KafkaClientFactory;
  metrics?: ErrorHandlingMetrics;
}): TaskErrorHandling {
  const { id, connectorConfig, clients } = options;
  const config = errorHandlingConfig(connectorConfig);
  const metrics = options.metrics ?? NO_ERROR_METRICS;
  const reporters: ErrorReporter[] = [];
  if (config.dlqTopic) {
    const topic = config.dlqTopic;
    reporters.push(
      new DeadLetterQueueReporter({
        id,
        topic,
        contextHeaders: config.dlqContextHeaders,
        producer: clients.producer(`connector-dlq-producer-${id.connector}-${id.task}`, withPrefix(connectorConfig, "producer.override")),
        createTopic: async () => {
          try {
            await clients.admin().createTopics([{ name: topic, partitions: 1, replicationFactor: config.dlqReplicationFactor }]);
          } catch (error) {
            const advice = "On a cluster with fewer brokers than that, set errors.deadletterqueue.topic.replication.factor to at most the number of brokers, or create the topic yourself.";
            throw new TributaryError("connect.error", `Could not create the dead letter queue topic ${topic} with replication factor ${config.dlqReplicationFactor}: ${(error as Error).message}. ${advice}`, { cause: error });
          }
        },
        serializeSource: sourceSerializer(options.registry, options.converters),
        metrics,
      }),
    );
  }
  if (config.logEnable) reporters.push(new LogReporter(id, config.logIncludeMessages, metrics));
  return { config, reporters, metrics };
}
