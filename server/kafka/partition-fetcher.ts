import type { Consumer } from "@platformatic/kafka";
import { getLogger } from "@/server/logging/logger";
import { kafkaCall, translateKafkaError } from "@/server/kafka/errors";
import { fetchedPartition } from "@/server/kafka/fetched-records";
import type { IncomingRecord, KafkaTopicPartition } from "@/server/runtime/ports";

/**
 * Where the next fetch of one partition starts. `next` is null until known; `epoch` changes
 * whenever the position is set from outside (a seek, a reset), so answers to requests made before
 * are dropped.
 */
export interface FetchPosition extends KafkaTopicPartition {
  next: bigint | null;
  epoch: number;
  paused: boolean;
}

/** One partition's records from one fetch, with the position's epoch when it was asked for. */
export interface FetchedBatch {
  position: FetchPosition;
  epoch: number;
  records: IncomingRecord[];
  highWatermark: bigint;
}

/** Kafka's fetch settings: `fetch.max.wait.ms`, `fetch.min.bytes`, `fetch.max.bytes`, `max.partition.fetch.bytes`, `isolation.level`. */
export interface FetchSettings {
  maxWaitMs: number;
  minBytes: number;
  maxBytes: number;
  partitionMaxBytes: number;
  readCommitted: boolean;
}

type FetchResponse = Awaited<ReturnType<Consumer["fetch"]>>;

const OFFSET_OUT_OF_RANGE = 1;
const RESET_RETRY_MS = 500;
const log = getLogger("tributary.kafka.fetch");

/**
 * Fetches partitions from their leaders with @platformatic/kafka's Fetch call, without a consumer
 * group: the sink consumer (whose group decides the partitions) and the internal topics' reader
 * (which reads every partition) both fetch through it. The consumer must track the positions'
 * topics (`consumer.topics`). One `fetch` at a time per fetcher; positions are moved past what
 * came as the answer arrives, so the next fetch may go before these records are handled. An
 * out-of-range position restarts at the partition's earliest offset (`auto.offset.reset=earliest`).
 */
export class PartitionFetcher {
  constructor(
    private readonly consumer: Consumer,
    private readonly settings: FetchSettings,
    /** Whether a position is still wanted (not revoked meanwhile). */
    private readonly isCurrent: (position: FetchPosition) => boolean,
  ) {}

  /**
   * One Fetch per leader for every position that is known and not paused, in parallel. Resolves
   * with null when nothing can be fetched (nothing wanted, or no leader known yet).
   */
  async fetch(positions: Iterable<FetchPosition>): Promise<FetchedBatch[] | null> {
    const wanted = [...positions].filter((position) => position.next !== null && !position.paused);
    if (wanted.length === 0) return null;
    const metadata = await kafkaCall(() => this.consumer.metadata({ topics: [...new Set(wanted.map((position) => position.topic))] }));
    const byLeader = new Map<number, FetchPosition[]>();
    for (const position of wanted) {
      const leader = metadata.topics.get(position.topic)?.partitions[position.partition]?.leader ?? -1;
      if (leader >= 0) byLeader.set(leader, [...(byLeader.get(leader) ?? []), position]);
    }
    if (byLeader.size === 0) {
      this.consumer.clearMetadata();
      return null;
    }
    return (await Promise.all([...byLeader].map(([node, ofLeader]) => this.fetchFrom(node, ofLeader, metadata.topics)))).flat();
  }

  /** The earliest offset of `position`'s partition becomes its next position; retried until it succeeds or the position is dropped. */
  async resetToEarliest(position: FetchPosition): Promise<void> {
    position.next = null;
    position.epoch++;
    try {
      const { topic, partition } = position;
      const earliest = await kafkaCall(() => this.consumer.listOffsets({ topics: [topic], partitions: { [topic]: [partition] }, timestamp: -2n }));
      if (position.next === null) position.next = earliest.get(topic)?.[partition] ?? 0n;
    } catch (error) {
      if (!this.isCurrent(position)) return;
      log.warn({ err: translateKafkaError(error).message, topic: position.topic, partition: position.partition }, "could not find the earliest offset; retrying");
      await new Promise((resolve) => setTimeout(resolve, RESET_RETRY_MS));
      if (this.isCurrent(position)) await this.resetToEarliest(position);
    }
  }

  private async fetchFrom(node: number, positions: FetchPosition[], topics: Map<string, { id: string }>): Promise<FetchedBatch[]> {
    const requested = positions.map((position) => ({ position, from: position.next!, epoch: position.epoch }));
    const names = new Map<string, string>();
    const byTopic = new Map<string, typeof requested>();
    for (const entry of requested) byTopic.set(entry.position.topic, [...(byTopic.get(entry.position.topic) ?? []), entry]);
    const request = [...byTopic].map(([topic, entries]) => {
      const topicId = topics.get(topic)!.id;
      names.set(topicId, topic);
      const partitionMaxBytes = this.settings.partitionMaxBytes;
      return { topicId, partitions: entries.map(({ position, from }) => ({ partition: position.partition, currentLeaderEpoch: -1, fetchOffset: from, lastFetchedEpoch: -1, partitionMaxBytes })) };
    });
    const { maxWaitMs, minBytes, maxBytes, readCommitted } = this.settings;
    const response: FetchResponse = await kafkaCall(() =>
      this.consumer.fetch({ node, topics: request, maxWaitTime: maxWaitMs, minBytes, maxBytes, isolationLevel: readCommitted ? 1 : 0 }),
    );
    const out: FetchedBatch[] = [];
    for (const topicResponse of response.responses) {
      const topic = names.get(topicResponse.topicId);
      for (const answer of topicResponse.partitions) {
        // A fetch session may answer for partitions this request did not ask for: those are skipped.
        const entry = requested.find(({ position }) => position.topic === topic && position.partition === answer.partitionIndex);
        if (!entry || entry.position.epoch !== entry.epoch || !this.isCurrent(entry.position)) continue;
        if (answer.errorCode === OFFSET_OUT_OF_RANGE) {
          void this.resetToEarliest(entry.position);
          continue;
        }
        if (answer.errorCode !== 0) {
          this.consumer.clearMetadata();
          log.debug({ topic, partition: answer.partitionIndex, errorCode: answer.errorCode }, "fetch answered an error for a partition; retrying");
          continue;
        }
        const aborted = readCommitted ? (answer.abortedTransactions ?? []) : undefined;
        const { records, next } = fetchedPartition(entry.position.topic, entry.position.partition, answer.records ?? [], entry.from, aborted);
        entry.position.next = next;
        if (records.length > 0) out.push({ position: entry.position, epoch: entry.epoch, records, highWatermark: answer.highWatermark });
      }
    }
    return out;
  }
}
