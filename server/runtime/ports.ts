/**
 * What the runtime needs from Kafka, declared here by the runtime and implemented by server/kafka.
 * The store contracts live in server/storage/contracts. The runtime never imports implementations.
 */

/** The worker's Kafka cluster, as far as the runtime uses it directly. */
export interface ClusterPort {
  /** Bootstrap servers as configured, for display. */
  readonly bootstrap: string;
  /** Resolves with the cluster id and broker count, or rejects with a TributaryError. */
  describeCluster(): Promise<{ clusterId: string; brokers: number }>;
  /** Releases every client; idempotent. */
  close(): Promise<void>;
}

/** A topic partition. */
export interface KafkaTopicPartition {
  topic: string;
  partition: number;
}

/** A record header as bytes on the wire. */
export interface KafkaHeader {
  key: string;
  value: Buffer | null;
}

/** A record to produce, already serialized. `partition` null lets the partitioner choose. */
export interface OutgoingRecord {
  topic: string;
  partition: number | null;
  key: Buffer | null;
  value: Buffer | null;
  headers: KafkaHeader[];
  timestamp: number | null;
}

/** Where Kafka stored a produced record. */
export interface RecordMetadata {
  topic: string;
  partition: number;
  offset: bigint;
}

/** A consumed record, still serialized. */
export interface IncomingRecord extends KafkaTopicPartition {
  offset: bigint;
  key: Buffer | null;
  value: Buffer | null;
  headers: KafkaHeader[];
  timestamp: number;
  timestampType: "CreateTime" | "LogAppendTime" | "NoTimestampType";
}

/**
 * Produces batches with acks=all and idempotence. Each task holds one; it may be the task's own
 * or a lease on a producer the worker shares between tasks, which behaves the same to the task
 * (its `send` resolves with its own records' metadata; its `close` releases only its hold).
 */
export interface RecordProducer {
  /**
   * Sends `records` as few requests as possible and resolves, in input order, with where each
   * was written once Kafka acknowledged all of them. Rejects with a TributaryError whose
   * `retriable` says whether resending the same batch may succeed.
   */
  send(records: OutgoingRecord[]): Promise<RecordMetadata[]>;
  close(): Promise<void>;
}

/** Callbacks a sink consumer calls as the group assigns partitions. */
export interface ConsumerListener {
  /**
   * The batch handler: records of one partition, in offset order. Calls never overlap.
   * `highWatermark` is the partition's end offset when the batch was fetched (for the lag).
   */
  onBatch(records: IncomingRecord[], highWatermark: bigint): Promise<void>;
  /** The partitions assigned to this member after a rebalance (all of them, not a delta). */
  onAssignment(partitions: KafkaTopicPartition[]): Promise<void>;
  /** A failure the consumer cannot get past by retrying (authorization, a topic that cannot be read); no batch follows. */
  onError(error: Error): Promise<void>;
}

/**
 * A consumer-group member for one sink task: consumes `topics` (a list or a regex), never commits
 * on its own, and delivers batches to the listener one at a time.
 */
export interface SinkConsumer {
  /** Joins the group and starts delivering; resolves once running. */
  start(listener: ConsumerListener): Promise<void>;
  /** Commits, for each partition, the offset of the next record to read. */
  commit(offsets: Array<KafkaTopicPartition & { offset: bigint }>): Promise<void>;
  pause(partitions: KafkaTopicPartition[]): void;
  resume(partitions: KafkaTopicPartition[]): void;
  /** The next fetch of `partition` starts at `offset`. */
  seek(partition: KafkaTopicPartition, offset: bigint): void;
  /** Leaves the group; nothing is committed by closing. */
  close(): Promise<void>;
}

/** The admin operations the runtime needs. */
export interface KafkaAdmin {
  /** Creates the topics that do not exist yet; resolves with the names it created. */
  createTopics(topics: Array<{ name: string; partitions: number; replicationFactor: number; configs?: Record<string, string> }>): Promise<string[]>;
  /** Committed offsets of a consumer group (the next offset to read), per partition. */
  groupOffsets(groupId: string): Promise<Array<KafkaTopicPartition & { offset: bigint }>>;
  /** Sets (or, with null, deletes) a group's committed offsets; the group must have no members. */
  alterGroupOffsets(groupId: string, offsets: Array<KafkaTopicPartition & { offset: bigint | null }>): Promise<void>;
  /** Deletes a consumer group (and so its offsets); fails if it still has members. */
  deleteGroup(groupId: string): Promise<void>;
  /** The end offset (high watermark) of each partition of each topic. */
  endOffsets(topics: string[]): Promise<Array<KafkaTopicPartition & { offset: bigint }>>;
}

/** Builds Kafka clients from Connect's layered client settings (worker, then overrides). */
export interface KafkaClientFactory {
  /** A task's producer; `clientId` names it when it is the task's own (with `overrides`, it must be). */
  producer(clientId: string, overrides: Readonly<Record<string, string>>): RecordProducer;
  sinkConsumer(options: { groupId: string; clientId: string; topics: string[] | RegExp; overrides: Readonly<Record<string, string>> }): SinkConsumer;
  admin(): KafkaAdmin;
}

/** A member of the group as JoinGroup lists it to the leader. */
export interface GroupMemberInfo {
  memberId: string;
  metadata: Buffer;
}

/** One generation's outcome for this member, as SyncGroup gave it. */
export interface GroupAssignmentResult {
  generation: number;
  memberId: string;
  leaderId: string;
  protocol: string;
  assignment: Buffer;
}

/**
 * What a worker's group membership asks of distributed mode (Kafka Connect's WorkerCoordinator
 * callbacks). Called one at a time, never overlapping.
 */
export interface GroupMemberHandler {
  /** The protocols to join with, in order of preference, each with this member's metadata now. */
  protocols(): Array<{ name: string; metadata: Buffer }>;
  /** Leader only: every member's assignment for this generation, by member id. */
  assign(input: { protocol: string; generation: number; leaderId: string; members: GroupMemberInfo[] }): Promise<Map<string, Buffer>>;
  /** This member's assignment for a new generation; must only schedule work (heartbeats are due). */
  onAssigned(result: GroupAssignmentResult): void;
  /** A failure retrying cannot fix; the membership has ended. */
  onFatal(error: Error): void;
}

/** A worker's membership of its Kafka group (`group.id`, protocol type `connect`). */
export interface WorkerGroupMember {
  /** Joins and stays in the group until `stop`; returns at once. Call once. */
  start(handler: GroupMemberHandler): void;
  /** Joins again soon (a cooperative rebalance after revoking work, or the leader's config changed). */
  rejoin(reason: string): void;
  /** Leaves the group; idempotent. */
  stop(): Promise<void>;
}
