import type { LogRecord, LogWrite, TopicLog, TopicLogOpener, TopicLogSpec } from "@/server/storage/kafka/topic-log";

/**
 * A TopicLog in memory, for unit tests: one partition per topic, shared by every log opened on
 * it (so two stores on one topic act as two workers). Records appended by `send` or by the test
 * (`append`, as another worker would write them) reach a log's reader at its next `readToEnd`
 * or when the test calls `deliver()`, as tailing would bring them. `events` lists each log's
 * sends and reads in order, so tests can check a write protocol. Test-only module.
 */
export class MemoryTopicLogs implements TopicLogOpener {
  readonly topics = new Map<string, LogRecord[]>();
  readonly opened: MemoryTopicLog[] = [];

  open(spec: TopicLogSpec): MemoryTopicLog {
    const log = new MemoryTopicLog(this.records(spec.topic), spec);
    this.opened.push(log);
    return log;
  }

  /** The records of `topic`, created empty when missing. */
  records(topic: string): LogRecord[] {
    let records = this.topics.get(topic);
    if (!records) this.topics.set(topic, (records = []));
    return records;
  }

  /** Appends a record to `topic` as another writer would, the value given as text (a tombstone for null). */
  append(topic: string, key: string, value: string | null): void {
    const records = this.records(topic);
    records.push({ partition: 0, offset: BigInt(records.length), key: Buffer.from(key), value: value === null ? null : Buffer.from(value) });
  }

  /** Hands every log the records it has not read yet. */
  deliver(): void {
    for (const log of this.opened) log.deliver();
  }
}

/** One reader and writer of a MemoryTopicLogs topic. */
export class MemoryTopicLog implements TopicLog {
  /** `send <keys>` and `readToEnd`, in the order they happened. */
  readonly events: string[] = [];
  private onRecord: ((record: LogRecord) => void) | undefined;
  private read = 0;
  private stopped = false;

  constructor(
    private readonly records: LogRecord[],
    readonly spec: TopicLogSpec,
  ) {}

  async start(onRecord: (record: LogRecord) => void): Promise<void> {
    this.onRecord = onRecord;
    this.deliver();
  }

  partitionCount(): number {
    return 1;
  }

  async readToEnd(): Promise<void> {
    if (this.stopped) throw new Error("stopped");
    this.events.push("readToEnd");
    this.deliver();
  }

  async send(writes: readonly LogWrite[]): Promise<void> {
    if (this.stopped) throw new Error("stopped");
    this.events.push(`send ${writes.map((write) => write.key.toString()).join(",")}`);
    for (const { key, value } of writes) this.records.push({ partition: 0, offset: BigInt(this.records.length), key, value });
  }

  async stop(): Promise<void> {
    this.stopped = true;
  }

  /** Hands the reader the records it has not read yet. */
  deliver(): void {
    if (!this.onRecord || this.stopped) return;
    while (this.read < this.records.length) this.onRecord(this.records[this.read++]!);
  }
}
