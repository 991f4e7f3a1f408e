import { open, type FileHandle } from "node:fs/promises";
import type { SinkRecord } from "@/server/plugins/api/records";
import { SinkTask } from "@/server/plugins/api/task";
import { PLUGIN_VERSION } from "@/server/plugins/connectors/plugin-version";

/**
 * Appends `String(value)` and `\n` per record (Java's `println`: a null value prints `null`).
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

function stringValue(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (value instanceof Uint8Array) return Buffer.from(value).toString("utf8");
  return typeof value === "object" ? JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v)) : String(value);
}
