import { open, type FileHandle } from "node:fs/promises";
import type { SinkRecord } from "@/server/plugins/api/records";
import { SinkTask } from "@/server/plugins/api/task";
import { PLUGIN_VERSION } from "@/server/plugins/connectors/plugin-version";

/**
 * Appends each value as Java's `println` prints it (see stringValue) and `\n` per record.
 * `put` writes each batch with one append; `flush` makes it durable (fsync) before the runtime
 * commits the consumer offsets. With no `file`, writes to standard output.
 */
export class FileStreamSinkTask extends SinkTask {
  static readonly className = "org.apache.kafka.connect.file.FileStreamSinkTask";

  private handle: FileHandle | null = null;

  version(): string {
    return PLUGIN_VERSION;
  }

  async start(props: Record<string, string>): Promise<void> {
    if (props.file) this.handle = await open(props.file, "a");
  }

  async put(records: SinkRecord[]): Promise<void> {
    if (records.length === 0) return;
    let text = "";
    for (const record of records) text += `${stringValue(record.value)}\n`;
    if (this.handle) await this.handle.appendFile(text, "utf8");
    else process.stdout.write(text);
  }

  async flush(): Promise<void> {
    await this.handle?.sync();
  }

  async stop(): Promise<void> {
    await this.handle?.close();
    this.handle = null;
  }
}

/**
 * What Java's `println(value)` prints, as Kafka's FileStreamSink writes it: maps as
 * `{k=v, k2=v2}`, lists as `[a, b]`, structs as `Struct{...}`; bytes are decoded as UTF-8 text.
 */
function stringValue(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (value instanceof Uint8Array) return Buffer.from(value).toString("utf8");
  if (value instanceof Map) return `{${[...value].map(([k, v]) => `${stringValue(k)}=${stringValue(v)}`).join(", ")}}`;
  if (Array.isArray(value)) return `[${value.map(stringValue).join(", ")}]`;
  return String(value);
}
