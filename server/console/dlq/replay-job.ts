import { messageOf } from "@/server/errors/tributary-error";
import type { ReplayJob } from "@/server/contracts/dlq";
import { decodeContext, replayHeaders } from "@/server/console/dlq/dlq-context";
import { fingerprintOf, type TopicReader } from "@/server/console/dlq/dlq-index";
import { readRuns } from "@/server/console/dlq/dlq-query";
import { coordinatesKey, type ReplayLedger } from "@/server/console/dlq/replay-ledger";
import type { IncomingRecord, OutgoingRecord, RecordProducer } from "@/server/runtime/ports";

/** Undelivered records listed in a job's status; the count covers them all. */
const UNDELIVERED_LISTED = 1_000;

/** Most records sent in one produce request. */
const MAX_BATCH = 100;

/** What to replay, decided when the request was accepted. */
export interface ReplayPlan {
  id: string;
  topic: string;
  /** Where every record goes; null sends each to its `__connect.errors.topic`. */
  targetTopic: string | null;
  recordsPerSecond: number;
  coordinates: Array<{ partition: number; offset: bigint }>;
  /** Replacement key and/or value (UTF-8 text, null for none) for a single-record replay. */
  edit?: { key?: string | null; value?: string | null };
}

/** What a replay job uses. */
export interface ReplayDependencies {
  reader: Pick<TopicReader, "read">;
  producer: RecordProducer;
  ledger: Pick<ReplayLedger, "marks" | "record">;
  now?: () => number;
}

/**
 * One replay: reads the planned DLQ records from Kafka, skips those the ledger says were
 * replayed already (unless the replay sends an edited record: an edit is a deliberate resend),
 * and sends the rest in batches of at most 100 records (fewer when the rate
 * is lower), no faster than `recordsPerSecond`, each with its error headers removed and stamped
 * `__tributary.replay.of`. Records missing from the topic are reported, never silently dropped.
 * The first failed batch stops the job: its records and every one not yet attempted are listed
 * as undelivered, with the reason.
 *
 * Invariant: a record is marked replayed only after Kafka acknowledged it, so a record is never
 * marked and lost; a crash between the acknowledgement and the mark can replay it once more.
 */
export class ReplayJobRun {
  private readonly status: ReplayJob;
  private readonly targets = new Set<string>();
  private cancelled = false;
  /** Why the job stopped early, once it did. */
  private failure: string | null = null;
  private wake: (() => void) | undefined;
  private readonly now: () => number;

  constructor(
    private readonly plan: ReplayPlan,
    private readonly deps: ReplayDependencies,
  ) {
    this.now = deps.now ?? Date.now;
    this.status = {
      id: plan.id,
      topic: plan.topic,
      targetTopic: plan.targetTopic,
      state: "running",
      recordsPerSecond: plan.recordsPerSecond,
      total: new Set(plan.coordinates.map((c) => coordinatesKey(c.partition, c.offset))).size,
      replayed: 0,
      skipped: 0,
      failed: 0,
      startedAt: this.now(),
      finishedAt: null,
      message: "Replaying…",
      undelivered: [],
    };
  }

  /** The job's status now (a copy). */
  snapshot(): ReplayJob {
    return { ...this.status, undelivered: [...this.status.undelivered] };
  }

  /** Whether the job is still running. */
  get running(): boolean {
    return this.status.state === "running";
  }

  /** Asks the job to stop after the batch in flight; what was not sent is listed as undelivered. */
  cancel(): void {
    this.cancelled = true;
    this.wake?.();
  }

  /** Runs the job to its end. Never rejects: every failure ends up in the status. */
  async run(): Promise<void> {
    const startedAt = this.now();
    let sent = 0;
    let batch: Array<{ record: IncomingRecord; outgoing: OutgoingRecord; fingerprint: string }> = [];
    const batchSize = Math.max(1, Math.min(MAX_BATCH, this.plan.recordsPerSecond));
    const remaining = new Map(this.plan.coordinates.map((c) => [coordinatesKey(c.partition, c.offset), c]));
    const flush = async (): Promise<boolean> => {
      if (batch.length === 0) return true;
      const current = batch;
      batch = [];
      const delay = startedAt + (sent * 1000) / this.plan.recordsPerSecond - this.now();
      if (delay > 0) await this.sleep(delay);
      if (this.cancelled) {
        for (const item of current) this.undeliver(item.record.partition, item.record.offset, "cancelled before it was sent");
        return false;
      }
      let metadata;
      try {
        metadata = await this.deps.producer.send(current.map((item) => item.outgoing));
      } catch (error) {
        const reason = messageOf(error);
        for (const item of current) this.undeliver(item.record.partition, item.record.offset, reason);
        this.failure = `Stopped after a failure: ${reason}`;
        return false;
      }
      sent += current.length;
      this.status.replayed += current.length;
      for (const item of current) this.targets.add(item.outgoing.topic);
      try {
        await this.deps.ledger.record(
          current.map((item, i) => ({
            dlqTopic: this.plan.topic,
            partition: item.record.partition,
            offset: item.record.offset,
            fingerprint: item.fingerprint,
            targetTopic: item.outgoing.topic,
            targetPartition: metadata[i]?.partition ?? -1,
            targetOffset: metadata[i]?.offset ?? -1n,
            edited: this.plan.edit !== undefined,
            jobId: this.plan.id,
          })),
        );
      } catch (error) {
        this.failure = `${current.length} delivered records could not be marked as replayed, so a new replay would send them again (${messageOf(error)}).`;
        return false;
      }
      return true;
    };

    try {
      const marks = await this.deps.ledger.marks(this.plan.topic);
      outer: for (const run of readRuns(this.plan.coordinates)) {
        const first = run.offsets[0]!;
        const last = run.offsets.at(-1)!;
        const wanted = new Set(run.offsets);
        const records = await this.deps.reader.read(this.plan.topic, run.partition, first, last + 1n);
        for (const record of records) {
          if (!wanted.has(record.offset)) continue;
          remaining.delete(coordinatesKey(record.partition, record.offset));
          const fingerprint = fingerprintOf(record);
          if (this.plan.edit === undefined && marks.get(coordinatesKey(record.partition, record.offset))?.fingerprint === fingerprint) {
            this.status.skipped++;
            continue;
          }
          const outgoing = this.outgoing(record);
          if (typeof outgoing === "string") {
            this.undeliver(record.partition, record.offset, outgoing);
            continue;
          }
          batch.push({ record, outgoing, fingerprint });
          if (batch.length >= batchSize && !(await flush())) break outer;
        }
        for (const offset of run.offsets) {
          if (remaining.delete(coordinatesKey(run.partition, offset))) this.undeliver(run.partition, offset, "not in the DLQ topic (purged, removed by retention, or never there)");
        }
        if (this.cancelled) break;
      }
      if (this.failure === null && !this.cancelled) await flush();
    } catch (error) {
      this.failure = `Stopped after a failure: ${messageOf(error)}`;
    }
    const notAttempted = this.failure !== null ? "not attempted after the failure" : "cancelled before it was sent";
    for (const { partition, offset } of remaining.values()) this.undeliver(partition, offset, notAttempted);
    for (const item of batch) this.undeliver(item.record.partition, item.record.offset, notAttempted);
    if (this.failure !== null) this.finish("failed", this.failure);
    else if (this.cancelled) this.finish("cancelled", "Cancelled.");
    else this.finish(this.status.failed > 0 ? "failed" : "succeeded", "");
  }

  private outgoing(record: IncomingRecord): OutgoingRecord | string {
    const { context } = decodeContext(record.headers);
    const topic = this.plan.targetTopic ?? context.original.topic;
    if (topic === null) return "the record has no __connect.errors.topic header: name a target topic";
    const edit = this.plan.edit;
    const text = (value: string | null | undefined, original: Buffer | null) => (value === undefined ? original : value === null ? null : Buffer.from(value, "utf8"));
    return {
      topic,
      partition: null,
      key: text(edit?.key, record.key),
      value: text(edit?.value, record.value),
      headers: replayHeaders(record.headers, this.plan.topic, record.partition, record.offset),
      timestamp: record.timestamp,
    };
  }

  private undeliver(partition: number, offset: bigint, reason: string): void {
    this.status.failed++;
    if (this.status.undelivered.length < UNDELIVERED_LISTED) this.status.undelivered.push({ partition, offset: offset.toString(), reason });
  }

  private finish(state: ReplayJob["state"], why: string): void {
    const { replayed, skipped, failed, total } = this.status;
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
    const where = this.targets.size === 0 ? "" : ` to ${[...this.targets].sort().join(", ")}`;
    const parts = [`${plural(replayed, "record")} replayed${where}`];
    if (skipped > 0) parts.push(`${skipped} already replayed before and skipped`);
    if (failed > 0) parts.push(`${failed} not delivered`);
    const summary = skipped === total && total > 0 ? `All ${plural(total, "record")} were already replayed; nothing was sent again.` : `${parts.join(", ")}.`;
    this.status.state = state;
    this.status.finishedAt = this.now();
    this.status.message = why ? `${why} ${summary}` : summary;
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
