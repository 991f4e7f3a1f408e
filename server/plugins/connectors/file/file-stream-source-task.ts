import { open, type FileHandle } from "node:fs/promises";
import { Schema } from "@/server/plugins/api/data/schema";
import type { OffsetMap } from "@/server/plugins/api/offsets";
import { SourceRecord } from "@/server/plugins/api/records";
import { SourceTask } from "@/server/plugins/api/task";
import { PLUGIN_VERSION } from "@/server/plugins/connectors/plugin-version";
import { LineReader } from "@/server/plugins/connectors/file/line-reader";

const READ_CHUNK = 256 * 1024;
/** How long a poll that found nothing new (or no file yet) waits before returning null: Kafka's FileStreamSourceTask waits 1 s. */
const IDLE_WAIT_MS = 1000;

/**
 * Reads a file line by line from its committed position and emits each line as a STRING record.
 * A line is emitted only once its terminator (`\n`, `\r` or `\r\n`) has been read, so a line
 * still being written is never split. The offset `position` is the byte offset just past the
 * line's terminator (Kafka counts characters, which is the same for ASCII files and unreliable
 * for others). A missing file is retried every second; stdin is read when `file` is unset, with
 * no offsets stored. A poll that finds nothing new waits a second, as Kafka's does, and costs one
 * `fstat` (no read buffer is allocated until the file has grown), so a thousand idle tasks stay cheap.
 */
export class FileStreamSourceTask extends SourceTask {
  static readonly className = "org.apache.kafka.connect.file.FileStreamSourceTask";

  private topic = "";
  private batchSize = 2000;
  private filename: string | null = null;
  private handle: FileHandle | null = null;
  /** Byte position of the next read; lines up to it are in `lines`. */
  private position = 0;
  private lines = new LineReader();
  private stopped = false;
  private wake: (() => void) | null = null;
  private stdin: AsyncIterator<Buffer> | null = null;

  version(): string {
    return PLUGIN_VERSION;
  }

  async start(props: Record<string, string>): Promise<void> {
    this.topic = props.topic!;
    this.batchSize = Number(props["batch.size"] ?? 2000);
    this.filename = props.file || null;
    if (this.filename) {
      const stored = await this.context.offsetStorageReader().offset(this.partition()!);
      const position = stored?.position;
      this.position = typeof position === "number" && position >= 0 ? position : 0;
      this.lines = new LineReader(this.position);
    } else {
      this.stdin = (process.stdin as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
    }
  }

  async poll(): Promise<SourceRecord[] | null> {
    if (this.stopped) return null;
    const records = this.drain();
    if (records.length > 0) return records;
    const read = this.filename ? await this.readFile() : await this.readStdin();
    if (!read) {
      await this.sleep(IDLE_WAIT_MS);
      return null;
    }
    return this.drain();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.handle?.close().catch(() => undefined);
    this.handle = null;
  }

  private partition(): OffsetMap | null {
    return this.filename ? { filename: this.filename } : null;
  }

  private drain(): SourceRecord[] {
    const records: SourceRecord[] = [];
    const partition = this.partition();
    for (let line = this.lines.next(); line; line = records.length < this.batchSize ? this.lines.next() : null) {
      records.push(
        new SourceRecord({
          topic: this.topic,
          valueSchema: Schema.STRING_SCHEMA,
          value: line.text,
          timestamp: Date.now(),
          sourcePartition: partition,
          sourceOffset: partition ? { position: line.end } : null,
        }),
      );
    }
    return records;
  }

  /** Reads the next chunk of the file into the line reader; false when there was nothing new. */
  private async readFile(): Promise<boolean> {
    if (!this.handle) {
      try {
        this.handle = await open(this.filename!, "r");
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
        throw error;
      }
    }
    const { size } = await this.handle.stat();
    if (size <= this.position) return false;
    const length = Math.min(READ_CHUNK, size - this.position);
    const buffer = Buffer.allocUnsafe(length);
    const { bytesRead } = await this.handle.read(buffer, 0, length, this.position);
    if (bytesRead === 0) return false;
    this.position += bytesRead;
    this.lines.push(buffer.subarray(0, bytesRead));
    return true;
  }

  private async readStdin(): Promise<boolean> {
    const { value, done } = await this.stdin!.next();
    if (done || !value) return false;
    this.lines.push(value);
    return true;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
