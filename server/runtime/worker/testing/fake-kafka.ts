/**
 * Small fakes of the Kafka ports (server/runtime/ports.ts) for unit tests of the Worker, the task
 * loops and the reconciler: they keep what was sent, committed and created, and let a test hold
 * acknowledgements, deliver batches and assign partitions. Test-only module.
 */
import { TributaryError } from "@/server/errors/tributary-error";
import type {
  ConsumerListener,
  IncomingRecord,
  KafkaAdmin,
  KafkaClientFactory,
  KafkaTopicPartition,
  OutgoingRecord,
  RecordMetadata,
  RecordProducer,
  SinkConsumer,
} from "@/server/runtime/ports";

/** A producer that acknowledges at once, or holds sends until `release()`; `failNext` makes sends reject. */
export class FakeRecordProducer implements RecordProducer {
  /** Every batch Kafka "acknowledged", in order. */
  readonly acknowledged: OutgoingRecord[][] = [];
  holding = false;
  closed = false;
  private readonly failures: Error[] = [];
  private readonly held: Array<{ records: OutgoingRecord[]; resolve: (metadata: RecordMetadata[]) => void }> = [];
  private nextOffset = 0n;

  async send(records: OutgoingRecord[]): Promise<RecordMetadata[]> {
    const failure = this.failures.shift();
    if (failure) throw failure;
    if (!this.holding) return this.acknowledge(records);
    return new Promise((resolve) => this.held.push({ records, resolve }));
  }

  /** The next `count` sends reject with `error` (a retriable TributaryError by default). */
  failNext(count = 1, error: Error = new TributaryError("kafka.timeout", "Request timed out", { retriable: true })): void {
    for (let i = 0; i < count; i++) this.failures.push(error);
  }

  /** Acknowledges every held send and stops holding. */
  release(): void {
    this.holding = false;
    for (const { records, resolve } of this.held.splice(0)) resolve(this.acknowledge(records));
  }

  get heldRecords(): number {
    return this.held.reduce((sum, { records }) => sum + records.length, 0);
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private acknowledge(records: OutgoingRecord[]): RecordMetadata[] {
    this.acknowledged.push(records);
    return records.map((record) => ({ topic: record.topic, partition: record.partition ?? 0, offset: this.nextOffset++ }));
  }
}

/** A sink consumer the test drives: `assign` partitions, `deliver` batches; it keeps commits, pauses and seeks. */
export class FakeSinkConsumer implements SinkConsumer {
  readonly commits: Array<Array<KafkaTopicPartition & { offset: bigint }>> = [];
  readonly paused = new Set<string>();
  readonly seeks: Array<KafkaTopicPartition & { offset: bigint }> = [];
  /** Errors the next commits throw, one each, before commits succeed again. */
  readonly failCommits: Error[] = [];
  closed = false;
  private listener: ConsumerListener | null = null;

  constructor(readonly options: { groupId: string; clientId: string; topics: string[] | RegExp }) {}

  async start(listener: ConsumerListener): Promise<void> {
    this.listener = listener;
  }

  /** Gives the member these partitions (all of them, as after a rebalance); resolves once the task handled it. */
  assign(partitions: KafkaTopicPartition[]): Promise<void> {
    return this.running().onAssignment(partitions);
  }

  /** Delivers one batch of one partition; resolves once the task handled it. */
  deliver(records: IncomingRecord[], highWatermark?: bigint): Promise<void> {
    return this.running().onBatch(records, highWatermark ?? records[records.length - 1]!.offset + 1n);
  }

  async commit(offsets: Array<KafkaTopicPartition & { offset: bigint }>): Promise<void> {
    const failure = this.failCommits.shift();
    if (failure) throw failure;
    this.commits.push(offsets);
  }

  /** The offsets committed last for each partition, as `topic-partition` → next offset. */
  get committedOffsets(): Record<string, bigint> {
    return Object.fromEntries(this.commits.flat().map(({ topic, partition, offset }) => [`${topic}-${partition}`, offset]));
  }

  pause(partitions: KafkaTopicPartition[]): void {
    for (const { topic, partition } of partitions) this.paused.add(`${topic}-${partition}`);
  }

  resume(partitions: KafkaTopicPartition[]): void {
    for (const { topic, partition } of partitions) this.paused.delete(`${topic}-${partition}`);
  }

  seek(partition: KafkaTopicPartition, offset: bigint): void {
    this.seeks.push({ ...partition, offset });
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private running(): ConsumerListener {
    if (!this.listener) throw new Error(`consumer ${this.options.clientId} was not started`);
    return this.listener;
  }
}

/** An admin client over in-memory topics and group offsets. */
export class FakeKafkaAdmin implements KafkaAdmin {
  readonly topics = new Map<string, number>();
  readonly groups = new Map<string, Array<KafkaTopicPartition & { offset: bigint }>>();

  async createTopics(topics: Array<{ name: string; partitions: number; replicationFactor: number }>): Promise<string[]> {
    const created = topics.filter((topic) => !this.topics.has(topic.name));
    for (const topic of created) this.topics.set(topic.name, topic.partitions);
    return created.map((topic) => topic.name);
  }

  async groupOffsets(groupId: string): Promise<Array<KafkaTopicPartition & { offset: bigint }>> {
    return [...(this.groups.get(groupId) ?? [])];
  }

  async alterGroupOffsets(groupId: string, offsets: Array<KafkaTopicPartition & { offset: bigint | null }>): Promise<void> {
    const kept = (this.groups.get(groupId) ?? []).filter((old) => !offsets.some((o) => o.topic === old.topic && o.partition === old.partition));
    this.groups.set(groupId, [...kept, ...offsets.flatMap((o) => (o.offset === null ? [] : [{ topic: o.topic, partition: o.partition, offset: o.offset }]))]);
  }

  async deleteGroup(groupId: string): Promise<void> {
    this.groups.delete(groupId);
  }

  async endOffsets(topics: string[]): Promise<Array<KafkaTopicPartition & { offset: bigint }>> {
    return topics.flatMap((topic) => Array.from({ length: this.topics.get(topic) ?? 0 }, (_, partition) => ({ topic, partition, offset: 0n })));
  }
}

/** The Worker's client factory over the fakes; each client it built is kept under its client id. */
export class FakeKafkaClients implements KafkaClientFactory {
  readonly producers = new Map<string, FakeRecordProducer>();
  readonly consumers = new Map<string, FakeSinkConsumer>();
  readonly fakeAdmin = new FakeKafkaAdmin();

  producer(clientId: string): RecordProducer {
    const producer = new FakeRecordProducer();
    this.producers.set(clientId, producer);
    return producer;
  }

  sinkConsumer(options: { groupId: string; clientId: string; topics: string[] | RegExp }): SinkConsumer {
    const consumer = new FakeSinkConsumer(options);
    this.consumers.set(options.clientId, consumer);
    return consumer;
  }

  admin(): KafkaAdmin {
    return this.fakeAdmin;
  }

  /** The producer of source task `connector`-`task`. */
  sourceProducer(connector: string, task: number): FakeRecordProducer {
    const producer = this.producers.get(`connector-producer-${connector}-${task}`);
    if (!producer) throw new Error(`no producer for ${connector}-${task}`);
    return producer;
  }

  /** The consumer of sink task `connector`-`task`. */
  sinkTaskConsumer(connector: string, task: number): FakeSinkConsumer {
    const consumer = this.consumers.get(`connector-consumer-${connector}-${task}`);
    if (!consumer) throw new Error(`no consumer for ${connector}-${task}`);
    return consumer;
  }
}

/** A consumed record with a text value, for `FakeSinkConsumer.deliver`. */
export function incoming(topic: string, partition: number, offset: number, value: string): IncomingRecord {
  return { topic, partition, offset: BigInt(offset), key: null, value: Buffer.from(value), headers: [], timestamp: 1_700_000_000_000 + offset, timestampType: "CreateTime" };
}
