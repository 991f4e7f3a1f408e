import { randomUUID } from "node:crypto";
import { TributaryError } from "@/server/errors/tributary-error";
import type {
  DlqConnector,
  DlqFilter,
  DlqGroups,
  DlqRecordDetail,
  DlqRecordPage,
  DlqRecordQuery,
  DlqRecordRow,
  DlqTopic,
  DlqTopics,
  PurgeRequest,
  PurgeResult,
  ReplayJob,
  ReplayRequest,
} from "@/server/contracts/dlq";
import { topicNameSchema } from "@/server/contracts/dlq";
import { decodeContext } from "@/server/console/dlq/dlq-context";
import { exportChunks } from "@/server/console/dlq/dlq-export";
import { summarize, TopicIndex, type RecordSummary } from "@/server/console/dlq/dlq-index";
import { groupsOf, matchesFilter, pageOf } from "@/server/console/dlq/dlq-query";
import type { DlqTopicMemory } from "@/server/console/dlq/known-dlq-topics";
import { DETAIL_CHARS, textOf, viewPayload } from "@/server/console/dlq/payload-view";
import { coordinatesKey, type LedgerMark, type ReplayLedger } from "@/server/console/dlq/replay-ledger";
import { ReplayJobRun } from "@/server/console/dlq/replay-job";
import type { KafkajsTopicBrowser } from "@/server/kafka/topic-browser";
import type { Herder } from "@/server/runtime/herder/herder";
import type { IncomingRecord, RecordProducer } from "@/server/runtime/ports";

/** The connector configs the inbox reads to find DLQ topics. */
export type ConnectorConfigs = Pick<Herder, "connectors" | "connectorConfig">;

/** What a DLQ inbox is built from (the composition root, or a test). */
export interface DlqInboxOptions {
  browser: Pick<KafkajsTopicBrowser, "topics" | "watermarks" | "read" | "deleteRecordsBefore" | "close">;
  /** The replay producer; closed with the inbox. */
  producer: RecordProducer;
  ledger: ReplayLedger;
  /** Remembers DLQ topics, so one whose connector is gone is still listed, as orphaned. */
  known: DlqTopicMemory;
  /** Called per request: the herder may not be running yet (it then throws `runtime.not_ready`). */
  connectors: () => ConnectorConfigs;
  /** Records indexed per topic at most (the newest); default 50,000. */
  indexCapacity?: number;
  now?: () => number;
}

const DLQ_TOPIC_KEY = "errors.deadletterqueue.topic.name";
const INDEXED_TOPICS = 16;
const JOBS_KEPT = 50;

/** Opened topic: its index, or null when it does not exist yet (a configured DLQ before its first failure). */
interface OpenTopic {
  index: TopicIndex | null;
  marks: Map<string, LedgerMark>;
}

/**
 * The DLQ inbox: reads dead letter queue topics (Apache Kafka Connect's and Tributary's, with or
 * without context headers), lists, filters and groups their records, replays them, purges and
 * exports them. Every DLQ topic comes from the connector configs' `errors.deadletterqueue.topic.name`,
 * now or before (a remembered topic whose connector is gone is listed as orphaned); any other
 * topic can be opened by name.
 *
 * One per console process (see dlq-slot.ts); safe for concurrent requests. Errors are
 * TributaryErrors: `request.invalid` (400) for bad input, `topic.not_found`,
 * `record.not_found`, `replay.not_found` (404), `replay.in_progress` (409), and the
 * Kafka client's own codes.
 */
export class DlqInbox {
  private readonly indexes = new Map<string, TopicIndex>();
  private readonly jobs = new Map<string, ReplayJobRun>();
  private readonly capacity: number;
  private readonly now: () => number;

  constructor(private readonly options: DlqInboxOptions) {
    this.capacity = options.indexCapacity ?? 50_000;
    this.now = options.now ?? Date.now;
  }

  /**
   * The newest `count` records of any topic (the transform playground's samples), newest first
   * across partitions by timestamp. Rejects with the Kafka client's code for a missing topic.
   */
  async latestRecords(topic: string, count: number): Promise<IncomingRecord[]> {
    const marks = await this.options.browser.watermarks(topic);
    const reads = marks.filter((p) => p.high > p.low).map((p) => this.options.browser.read(topic, p.partition, p.high - BigInt(count) > p.low ? p.high - BigInt(count) : p.low, p.high, count));
    return (await Promise.all(reads)).flat().sort((a, b) => b.timestamp - a.timestamp).slice(0, count);
  }

  /**
   * Every DLQ topic named by a connector, with its connectors, partitions and record count, by
   * name; and every topic a connector once named that still exists, marked orphaned with the
   * connectors that last named it.
   */
  async topics(): Promise<DlqTopics> {
    const byTopic = await this.dlqConnectors();
    const existing = new Set(await this.options.browser.topics());
    const former = await this.options.known.recall();
    const orphans = [...former.keys()].filter((topic) => !byTopic.has(topic) && existing.has(topic));
    const names = [...byTopic.keys(), ...orphans].sort();
    const topics = await Promise.all(names.map((topic) => this.describe(topic, byTopic.get(topic) ?? [], existing.has(topic), former.get(topic) ?? [])));
    return { topics };
  }

  /** One topic as `topics()` describes it; any existing topic may be asked for. */
  async topic(topic: string): Promise<DlqTopic> {
    checkTopicName(topic);
    const connectors = (await this.dlqConnectors()).get(topic) ?? [];
    const exists = (await this.options.browser.topics()).includes(topic);
    if (!exists && connectors.length === 0) throw notFound(topic);
    return this.describe(topic, connectors, exists, (await this.options.known.recall()).get(topic) ?? []);
  }

  /** A page of the topic's records matching the query, newest first (see pageOf). */
  async records(topic: string, query: DlqRecordQuery): Promise<DlqRecordPage> {
    const { index, marks } = await this.open(topic);
    if (!index) return { topic, exists: false, records: [], next: null, total: 0, indexed: 0, matched: 0 };
    const matched = this.matching(index, query, marks);
    const page = pageOf(matched, query.before === undefined ? undefined : BigInt(query.before), query.limit);
    return {
      topic,
      exists: true,
      records: page.records.map((record) => rowOf(record, marks)),
      next: page.next === null ? null : page.next.toString(),
      total: index.total(),
      indexed: index.size(),
      matched: matched.length,
    };
  }

  /** One record in full, read from Kafka: decoded headers, stack trace, key and value. */
  async record(topic: string, partition: number, offset: bigint): Promise<DlqRecordDetail> {
    const { index, marks: ledger } = await this.open(topic);
    if (!index) throw notFound(topic);
    const range = (await this.options.browser.watermarks(topic)).find((p) => p.partition === partition);
    const [record] = range && offset >= range.low && offset < range.high ? await this.options.browser.read(topic, partition, offset, offset + 1n, 1) : [];
    if (!record || record.offset !== offset) {
      throw new TributaryError("record.not_found", `Topic ${topic} has no record at partition ${partition}, offset ${offset}.`, {
        suggestion: "It may have been purged or removed by retention.",
      });
    }
    const { context, stacktrace } = decodeContext(record.headers);
    const full = { maxChars: DETAIL_CHARS, pretty: true };
    return {
      ...rowOf(summarize(record), ledger),
      context,
      key: viewPayload(record.key, full),
      value: viewPayload(record.value, full),
      timestampType: record.timestampType,
      stacktrace,
      headers: record.headers.map((header) => ({ key: header.key, value: viewPayload(header.value, full) })),
      keyText: textOf(record.key),
      valueText: textOf(record.value),
    };
  }

  /** The records matching `filter`, grouped by error signature. */
  async groups(topic: string, filter: DlqFilter): Promise<DlqGroups> {
    const { index, marks } = await this.open(topic);
    if (!index) return { topic, groups: [], total: 0, indexed: 0, matched: 0 };
    const matched = this.matching(index, filter, marks);
    return { topic, groups: groupsOf(matched, replayedIn(marks)), total: index.total(), indexed: index.size(), matched: matched.length };
  }

  /**
   * Starts replaying the requested records (a list, or every indexed record matching a filter)
   * and resolves with the job at its start; follow it with `replayJob(id)`. Refuses, before
   * anything is sent: an empty selection, a target topic that does not exist (nothing is
   * auto-created), records without an original topic when no target is named, an edit of more
   * than one record, and a second replay of a topic while one runs.
   */
  async startReplay(topic: string, request: ReplayRequest): Promise<ReplayJob> {
    const { index } = await this.open(topic);
    if (!index) throw notFound(topic);
    if ([...this.jobs.values()].some((job) => job.running && job.snapshot().topic === topic)) {
      throw new TributaryError("replay.in_progress", `A replay of ${topic} is already running.`, { suggestion: "Wait for it to finish or cancel it." });
    }
    const coordinates = request.records
      ? request.records.map((c) => ({ partition: c.partition, offset: BigInt(c.offset) }))
      : this.matching(index, request.filter ?? {}, await this.options.ledger.marks(topic)).map((r) => ({ partition: r.partition, offset: r.offset }));
    if (coordinates.length === 0) throw new TributaryError("request.invalid", "No record matches the filter: there is nothing to replay.");
    await this.checkTargets(topic, index, coordinates, request.targetTopic ?? null);
    const run = new ReplayJobRun(
      { id: randomUUID(), topic, targetTopic: request.targetTopic ?? null, recordsPerSecond: request.recordsPerSecond, coordinates, edit: request.edit },
      { reader: this.options.browser, producer: this.options.producer, ledger: this.options.ledger, now: this.now },
    );
    this.jobs.set(run.snapshot().id, run);
    for (const id of [...this.jobs.keys()].slice(0, Math.max(0, this.jobs.size - JOBS_KEPT))) if (!this.jobs.get(id)!.running) this.jobs.delete(id);
    void run.run();
    return run.snapshot();
  }

  /** A replay job's status; 404 `replay.not_found` for an unknown (or long finished) one. */
  replayJob(id: string): ReplayJob {
    const job = this.jobs.get(id);
    if (!job) throw new TributaryError("replay.not_found", `No replay job ${id}.`, { suggestion: "Jobs are kept in memory until the console restarts." });
    return job.snapshot();
  }

  /** Recent replay jobs (of one topic, when given), newest first. */
  replayJobs(topic?: string): ReplayJob[] {
    return [...this.jobs.values()]
      .map((job) => job.snapshot())
      .filter((job) => topic === undefined || job.topic === topic)
      .sort((a, b) => b.startedAt - a.startedAt);
  }

  /** Asks a running job to stop after its current batch; resolves with its status. */
  cancelReplay(id: string): ReplayJob {
    this.replayJob(id);
    this.jobs.get(id)!.cancel();
    return this.replayJob(id);
  }

  /**
   * Deletes the records of one partition below `before` (Kafka's DeleteRecords), once `confirm`
   * repeats the topic name, and forgets their replay marks. Refused while a replay of the topic
   * runs, and for an offset outside the partition's `[low, high]`.
   */
  async purge(topic: string, request: PurgeRequest): Promise<PurgeResult> {
    if (request.confirm !== topic) throw new TributaryError("request.invalid", `To purge, confirm with the topic name "${topic}".`);
    const { index } = await this.open(topic);
    if (!index) throw notFound(topic);
    if ([...this.jobs.values()].some((job) => job.running && job.snapshot().topic === topic)) {
      throw new TributaryError("replay.in_progress", `A replay of ${topic} is running; purge when it has finished.`);
    }
    const marks = (await this.options.browser.watermarks(topic)).find((p) => p.partition === request.partition);
    if (!marks) throw new TributaryError("request.invalid", `Topic ${topic} has no partition ${request.partition}.`);
    const before = BigInt(request.before);
    if (before <= marks.low || before > marks.high) {
      throw new TributaryError(
        "request.invalid",
        `Offset ${before} is outside partition ${request.partition} (records ${marks.low} to ${marks.high - 1n}): give an offset above ${marks.low} and at most ${marks.high}.`,
      );
    }
    await this.options.browser.deleteRecordsBefore(topic, request.partition, before);
    await this.options.ledger.forget(topic, request.partition, before);
    await index.refresh({ force: true });
    return { topic, partition: request.partition, low: before.toString(), deleted: Number(before - marks.low) };
  }

  /** The JSON export of the records matching `filter`: a file name and the text chunks to stream. */
  async export(topic: string, filter: DlqFilter): Promise<{ filename: string; chunks: AsyncIterable<string> }> {
    const { index, marks } = await this.open(topic);
    if (!index) throw notFound(topic);
    const coordinates = this.matching(index, filter, marks).map((r) => ({ partition: r.partition, offset: r.offset }));
    const stamp = new Date(this.now()).toISOString().replace(/[-:]/g, "").replace(/\..*$/, "");
    return { filename: `${topic}-${stamp}.json`, chunks: exportChunks(topic, filter, coordinates, this.options.browser, marks, this.now()) };
  }

  /** Cancels running replays, waits up to `graceMs` for them, then closes the Kafka clients. */
  async close(graceMs = 5_000): Promise<void> {
    const running = [...this.jobs.values()].filter((job) => job.running);
    for (const job of running) job.cancel();
    const deadline = this.now() + graceMs;
    while (running.some((job) => job.running) && this.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    await Promise.allSettled([this.options.browser.close(), this.options.producer.close()]);
  }

  private async describe(topic: string, connectors: DlqConnector[], exists: boolean, former: string[]): Promise<DlqTopic> {
    const orphan = { orphaned: connectors.length === 0 && former.length > 0, formerConnectors: connectors.length === 0 ? former : [] };
    if (!exists) return { topic, connectors, exists, records: 0, partitions: [], ...orphan };
    const marks = await this.options.browser.watermarks(topic);
    return {
      topic,
      connectors,
      exists,
      ...orphan,
      records: marks.reduce((sum, p) => sum + Number(p.high - p.low), 0),
      partitions: marks.map((p) => ({ partition: p.partition, low: p.low.toString(), high: p.high.toString() })),
    };
  }

  private async dlqConnectors(): Promise<Map<string, DlqConnector[]>> {
    const herder = this.options.connectors();
    const byTopic = new Map<string, DlqConnector[]>();
    for (const name of await herder.connectors()) {
      const config = await herder.connectorConfig(name).catch((error: unknown) => {
        if (error instanceof TributaryError && error.code === "connector.not_found") return undefined;
        throw error;
      });
      const topic = config?.[DLQ_TOPIC_KEY]?.trim();
      if (!config || !topic) continue;
      byTopic.set(topic, [
        ...(byTopic.get(topic) ?? []),
        {
          name,
          tolerance: config["errors.tolerance"]?.trim() || "none",
          contextHeaders: config["errors.deadletterqueue.context.headers.enable"]?.trim().toLowerCase() === "true",
        },
      ]);
    }
    await this.options.known.remember(new Map([...byTopic].map(([topic, connectors]) => [topic, connectors.map((c) => c.name)])));
    return byTopic;
  }

  private async open(topic: string): Promise<OpenTopic> {
    checkTopicName(topic);
    const exists = (await this.options.browser.topics()).includes(topic);
    if (!exists) {
      if ((await this.dlqConnectors()).has(topic)) return { index: null, marks: new Map() };
      throw notFound(topic);
    }
    let index = this.indexes.get(topic);
    if (index) this.indexes.delete(topic);
    else index = new TopicIndex(topic, this.options.browser, this.capacity, this.now);
    this.indexes.set(topic, index);
    for (const name of [...this.indexes.keys()].slice(0, Math.max(0, this.indexes.size - INDEXED_TOPICS))) this.indexes.delete(name);
    const [marks] = await Promise.all([this.options.ledger.marks(topic), index.refresh()]);
    return { index, marks };
  }

  private matching(index: TopicIndex, filter: DlqFilter, marks: ReadonlyMap<string, LedgerMark>): RecordSummary[] {
    const replayed = replayedIn(marks);
    const result: RecordSummary[] = [];
    for (const record of index.records()) if (matchesFilter(record, filter, replayed)) result.push(record);
    return result;
  }

  private async checkTargets(topic: string, index: TopicIndex, coordinates: Array<{ partition: number; offset: bigint }>, target: string | null): Promise<void> {
    const existing = new Set(await this.options.browser.topics());
    if (target !== null) {
      if (target === topic) throw new TributaryError("request.invalid", "The target is the DLQ topic itself: name the topic the records should go to.");
      if (!existing.has(target)) throw new TributaryError("request.invalid", `Topic ${target} does not exist: create it first, or name another target topic.`);
      return;
    }
    const known = coordinates.map((c) => index.find(c.partition, c.offset)).filter((r): r is RecordSummary => r !== undefined);
    const withoutTopic = known.filter((r) => r.context.original.topic === null).length;
    if (withoutTopic > 0) {
      throw new TributaryError(
        "request.invalid",
        `${withoutTopic} of the records have no __connect.errors.topic header (their DLQ has no context headers): name a target topic.`,
      );
    }
    const missing = [...new Set(known.map((r) => r.context.original.topic!))].filter((name) => !existing.has(name)).sort();
    if (missing.length > 0) {
      throw new TributaryError("request.invalid", `The original topic${missing.length > 1 ? "s" : ""} ${missing.join(", ")} no longer exist${missing.length > 1 ? "" : "s"}: create it, or name another target topic.`);
    }
  }
}

function replayedIn(marks: ReadonlyMap<string, LedgerMark>): (record: RecordSummary) => boolean {
  return (record) => marks.get(coordinatesKey(record.partition, record.offset))?.fingerprint === record.fingerprint;
}

function rowOf(record: RecordSummary, marks: ReadonlyMap<string, LedgerMark>): DlqRecordRow {
  const ledger = marks.get(coordinatesKey(record.partition, record.offset));
  return {
    partition: record.partition,
    offset: record.offset.toString(),
    timestamp: record.timestamp,
    signature: record.signature.id,
    context: record.context,
    key: record.key,
    value: record.value,
    replayed: ledger && ledger.fingerprint === record.fingerprint ? ledger.mark : null,
  };
}

function checkTopicName(topic: string): void {
  const parsed = topicNameSchema.safeParse(topic);
  if (!parsed.success) throw new TributaryError("request.invalid", `"${topic}" is not a topic name: ${parsed.error.issues[0]!.message}.`);
}

function notFound(topic: string): TributaryError {
  return new TributaryError("topic.not_found", `Topic ${topic} does not exist.`, {
    suggestion: "Check the name, or set errors.deadletterqueue.topic.name on a connector and let it fail once.",
  });
}
