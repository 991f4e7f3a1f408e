import { ConfigException, type ConfigDef, type ConfigValue, type ParsedValue } from "@/server/plugins/api/config-def";
import { SourceConnector, type TaskClass } from "@/server/plugins/api/connector";
import type { OffsetMap } from "@/server/plugins/api/offsets";
import type { SourceTask } from "@/server/plugins/api/task";
import { datagenConfigDef, DatagenKeys, parseDatagenSettings, schemaSourceProblems, TASK_ID } from "@/server/plugins/connectors/datagen/datagen-config";
import { CURRENT_ITERATION, DatagenTask } from "@/server/plugins/connectors/datagen/datagen-task";
import { PLUGIN_VERSION } from "@/server/plugins/connectors/plugin-version";

/**
 * Confluent's kafka-connect-datagen, for demos: each task generates records of a quickstart's
 * fixed STRUCT schema (users, orders, pageviews) on `kafka.topic`, keyed by the quickstart's key
 * field or `schema.keyfield`. Existing datagen configs work unchanged, except Avro schemas
 * (`schema.string`, `schema.filename`), which validation refuses with a clear message.
 *
 * One task per `tasks.max`, each with its own `task.id`. Offsets: partition `{"task.id": n}`,
 * offset `{"task.generation", "current.iteration", "random.seed"}` (Confluent's layout), so
 * `iterations` is a total per task across restarts and a seeded task continues its sequence.
 */
export class DatagenConnector extends SourceConnector {
  static readonly className = "io.confluent.kafka.connect.datagen.DatagenConnector";
  static readonly aliases = ["DatagenConnector", "Datagen"];
  static readonly description = "Generates demo data (users, orders, pageviews) into a Kafka topic, compatible with Confluent's kafka-connect-datagen.";

  private taskProps: Record<string, string> = {};

  version(): string {
    return PLUGIN_VERSION;
  }

  config(): ConfigDef {
    return datagenConfigDef();
  }

  /** Adds the schema keys' problems (see schemaSourceProblems) to the keys they concern. */
  validate(_props: Record<string, string>, values: Map<string, ConfigValue>): void {
    const parsed = new Map<string, ParsedValue>([...values].map(([name, value]) => [name, value.value]));
    for (const problem of schemaSourceProblems(parsed)) values.get(problem.key)?.errors.push(problem.message);
  }

  /** @throws ConfigException when the config is invalid, as `validate` would report it. */
  start(props: Record<string, string>): void {
    const settings = parseDatagenSettings(props);
    this.taskProps = {
      [DatagenKeys.KAFKA_TOPIC]: settings.topic,
      [DatagenKeys.MAX_INTERVAL]: String(settings.maxIntervalMs),
      [DatagenKeys.ITERATIONS]: String(settings.iterations),
      [DatagenKeys.QUICKSTART]: settings.quickstart.name,
      [DatagenKeys.SCHEMA_KEYFIELD]: settings.keyField,
    };
    if (settings.randomSeed !== null) this.taskProps[DatagenKeys.RANDOM_SEED] = String(settings.randomSeed);
  }

  taskClass(): TaskClass<SourceTask> {
    return DatagenTask;
  }

  /** Exactly `maxTasks` configs, the same settings with `task.id` 0 … maxTasks - 1. */
  taskConfigs(maxTasks: number): Record<string, string>[] {
    return Array.from({ length: maxTasks }, (_, id) => ({ ...this.taskProps, [TASK_ID]: String(id) }));
  }

  stop(): void {}

  /** Accepts partitions `{"task.id": n}` with offsets whose `current.iteration` is a non-negative integer, or null. */
  alterOffsets(_props: Record<string, string>, offsets: Map<OffsetMap, OffsetMap | null>): boolean {
    for (const [partition, offset] of offsets) {
      const taskId = partition[TASK_ID];
      if (typeof taskId !== "number" || !Number.isInteger(taskId) || taskId < 0) {
        throw new ConfigException(`Partitions must contain the '${TASK_ID}' key with a non-negative integer, got ${JSON.stringify(partition)}`);
      }
      if (offset === null) continue;
      const iteration = offset[CURRENT_ITERATION];
      if (typeof iteration !== "number" || !Number.isInteger(iteration) || iteration < 0) {
        throw new ConfigException(`The value for the '${CURRENT_ITERATION}' key in the offset must be a non-negative integer, got ${JSON.stringify(offset)}`);
      }
    }
    return true;
  }
}
