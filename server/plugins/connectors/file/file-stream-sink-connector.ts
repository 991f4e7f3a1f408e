import { ConfigDef, ConfigType, Importance } from "@/server/plugins/api/config-def";
import { SinkConnector, type TaskClass } from "@/server/plugins/api/connector";
import type { SinkTask } from "@/server/plugins/api/task";
import { FileStreamSinkTask } from "@/server/plugins/connectors/file/file-stream-sink-task";
import { PLUGIN_VERSION } from "@/server/plugins/connectors/plugin-version";

/**
 * Kafka's FileStreamSink: appends each record's value and a newline to `file` (or standard
 * output). `tasks.max` identical tasks; offsets are the consumer group's.
 */
export class FileStreamSinkConnector extends SinkConnector {
  static readonly className = "org.apache.kafka.connect.file.FileStreamSinkConnector";
  static readonly aliases = ["FileStreamSink"];
  static readonly description = "Appends each record's value, one per line, to a file (or standard output).";

  private file: string | null = null;

  version(): string {
    return PLUGIN_VERSION;
  }

  config(): ConfigDef {
    return new ConfigDef().define({ name: "file", type: ConfigType.STRING, default: null, importance: Importance.HIGH, documentation: "Destination filename. If not specified, the standard output will be used" });
  }

  start(props: Record<string, string>): void {
    const file = this.config().parse(props).get("file");
    this.file = typeof file === "string" && file.length > 0 ? file : null;
  }

  taskClass(): TaskClass<SinkTask> {
    return FileStreamSinkTask;
  }

  taskConfigs(maxTasks: number): Record<string, string>[] {
    return Array.from({ length: maxTasks }, (): Record<string, string> => (this.file ? { file: this.file } : {}));
  }

  stop(): void {}
}
