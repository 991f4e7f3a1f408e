import { ConfigDef, ConfigException, ConfigType, Importance, NonEmptyString, Range } from "@/server/plugins/api/config-def";
import { SourceConnector, type TaskClass } from "@/server/plugins/api/connector";
import type { OffsetMap } from "@/server/plugins/api/offsets";
import type { SourceTask } from "@/server/plugins/api/task";
import { FileStreamSourceTask } from "@/server/plugins/connectors/file/file-stream-source-task";
import { PLUGIN_VERSION } from "@/server/plugins/connectors/plugin-version";

/**
 * Kafka's FileStreamSource: each line of `file` (or standard input) becomes a STRING record on
 * `topic`. Always exactly one task. Offsets: partition `{filename}`, offset `{position}`.
 */
export class FileStreamSourceConnector extends SourceConnector {
  static readonly className = "org.apache.kafka.connect.file.FileStreamSourceConnector";
  static readonly aliases = ["FileStreamSource"];
  static readonly description = "Reads lines from a file (or standard input) into a Kafka topic, one record per line.";

  private props: Record<string, string> = {};

  version(): string {
    return PLUGIN_VERSION;
  }

  config(): ConfigDef {
    return new ConfigDef()
      .define({ name: "file", type: ConfigType.STRING, default: null, importance: Importance.HIGH, documentation: "Source filename. If not specified, the standard input will be used" })
      .define({ name: "topic", type: ConfigType.STRING, validator: new NonEmptyString(), importance: Importance.HIGH, documentation: "The topic to publish data to" })
      .define({
        name: "batch.size",
        type: ConfigType.INT,
        default: 2000,
        validator: Range.atLeast(1),
        importance: Importance.LOW,
        documentation: "The maximum number of records the source task can read from the file each time it is polled",
      });
  }

  start(props: Record<string, string>): void {
    const parsed = this.config().parse(props);
    this.props = { topic: String(parsed.get("topic")), "batch.size": String(parsed.get("batch.size")) };
    const file = parsed.get("file");
    if (typeof file === "string" && file.length > 0) this.props.file = file;
  }

  taskClass(): TaskClass<SourceTask> {
    return FileStreamSourceTask;
  }

  taskConfigs(_maxTasks: number): Record<string, string>[] {
    return [{ ...this.props }];
  }

  stop(): void {}

  /** Offsets can be changed only for a file (stdin keeps none), each `{position: n >= 0}` or null. */
  alterOffsets(props: Record<string, string>, offsets: Map<OffsetMap, OffsetMap | null>): boolean {
    if (!props.file) throw new ConfigException("Offsets cannot be modified if the 'file' configuration is unspecified, because no offsets are stored for standard input");
    for (const [partition, offset] of offsets) {
      if (!("filename" in partition)) throw new ConfigException(`Partitions must contain the 'filename' key, got ${JSON.stringify(partition)}`);
      if (offset === null) continue;
      const position = offset.position;
      if (typeof position !== "number" || !Number.isInteger(position) || position < 0) {
        throw new ConfigException(`The value for the 'position' key in the offset must be a non-negative integer, got ${JSON.stringify(offset)}`);
      }
    }
    return true;
  }
}
