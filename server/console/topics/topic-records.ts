import { TributaryError } from "@/server/errors/tributary-error";
import { browsedRecord, recordMatches } from "@/server/console/topics/record-view";
import type { TopicList, TopicRecordPage, TopicRecordQuery } from "@/server/contracts/topics";
import type { KafkajsTopicBrowser, PartitionWatermarks } from "@/server/kafka/topic-browser";
import type { IncomingRecord } from "@/server/runtime/ports";

/** What the topic browser needs from Kafka. */
export type TopicReader = Pick<KafkajsTopicBrowser, "topics" | "watermarks" | "read" | "offsetsForTime">;

/** Records read per fetch while scanning. */
const CHUNK = 500;
/** Records a search reads at most per request before answering with what it found (and a cursor). */
const SCAN_LIMIT = 20_000;
/** Topics whose watermarks are read at once when listing. */
const LIST_CONCURRENCY = 8;

/** What one partition's scan found: matching records in reading order, and where it stopped. */
interface PartitionScan {
  partition: number;
  matches: IncomingRecord[];
  /** The position reached: the lowest offset read (backwards) or the next offset to read (forwards). */
  reached: bigint;
  start: bigint;
}

/**
 * The console's topic browser: lists the cluster's topics and reads any topic's records without
 * joining a group (nothing is committed, nothing is created), newest first or forwards from the
 * oldest record, an offset or a time, optionally narrowed by a search over keys, values and
 * headers. Paging carries a per-partition cursor, so no record is skipped or shown twice.
 * Stateless between requests; safe for concurrent use. Errors: `topic.not_found` (404) for a
 * topic that does not exist, `request.invalid` (400) for a partition it does not have; Kafka's
 * own codes otherwise.
 */
export class TopicRecords {
  constructor(private readonly reader: TopicReader) {}

  /** Every topic with its partition and record counts, by name; internal ones flagged. */
  async list(): Promise<TopicList> {
    const names = (await this.reader.topics()).sort((a, b) => a.localeCompare(b));
    const topics: TopicList["topics"] = [];
    for (let i = 0; i < names.length; i += LIST_CONCURRENCY) {
      const batch = await Promise.all(
        names.slice(i, i + LIST_CONCURRENCY).map(async (name) => {
          const marks = await this.reader.watermarks(name).catch(() => [] as PartitionWatermarks[]);
          return { name, partitions: marks.length, records: marks.reduce((sum, p) => sum + Number(p.high - p.low), 0), internal: name.startsWith("__") };
        }),
      );
      topics.push(...batch);
    }
    return { topics };
  }

  /** One page of `topic`'s records for a validated query (see contracts/topics.ts). */
  async records(topic: string, query: TopicRecordQuery): Promise<TopicRecordPage> {
    const all = await this.marks(topic);
    const marks = query.partition === undefined ? all : all.filter((p) => p.partition === query.partition);
    if (marks.length === 0) throw new TributaryError("request.invalid", `Topic ${topic} has no partition ${query.partition}: its partitions are 0 to ${all.length - 1}.`);
    const words = (query.q ?? "").toLowerCase().split(/\s+/).filter(Boolean);
    const backwards = query.start === "newest";
    const starts = query.cursor !== undefined ? parseCursor(query.cursor) : await this.startPositions(topic, query, marks);
    const budget = { left: SCAN_LIMIT };
    const scans = await Promise.all(
      marks.map((mark) => {
        const start = clamp(starts.get(mark.partition) ?? (backwards ? mark.low : mark.high), mark);
        return backwards ? this.scanBackwards(topic, mark, start, query.limit, words, budget) : this.scanForwards(topic, mark, start, query.limit, words, budget);
      }),
    );
    const taken = merge(scans, backwards).slice(0, query.limit);
    const next = nextCursor(scans, taken, marks, backwards);
    return {
      topic,
      partitions: all.map((p) => ({ partition: p.partition, low: p.low.toString(), high: p.high.toString() })),
      records: taken.map((record) => browsedRecord(record, query.format)),
      scanned: SCAN_LIMIT - budget.left,
      scanLimited: budget.left <= 0 && taken.length < query.limit,
      next,
    };
  }

  private async marks(topic: string): Promise<PartitionWatermarks[]> {
    try {
      return await this.reader.watermarks(topic);
    } catch (error) {
      if (error instanceof TributaryError && error.code === "kafka.unknown_topic_or_partition") {
        throw new TributaryError("topic.not_found", `Topic ${topic} does not exist on this cluster.`, { cause: error });
      }
      throw error;
    }
  }

  private async startPositions(topic: string, query: TopicRecordQuery, marks: PartitionWatermarks[]): Promise<Map<number, bigint>> {
    switch (query.start) {
      case "newest":
        return new Map(marks.map((m) => [m.partition, m.high]));
      case "oldest":
        return new Map(marks.map((m) => [m.partition, m.low]));
      case "offset":
        return new Map(marks.map((m) => [m.partition, BigInt(query.offset!)]));
      case "time":
        return new Map((await this.reader.offsetsForTime(topic, query.time!)).map(({ partition, offset }) => [partition, offset]));
    }
  }

  /** Reads below `upper` towards the log start, newest chunk first, until `limit` matches or the budget runs out. */
  private async scanBackwards(topic: string, mark: PartitionWatermarks, upper: bigint, limit: number, words: string[], budget: { left: number }): Promise<PartitionScan> {
    const matches: IncomingRecord[] = [];
    let reached = upper;
    while (reached > mark.low && matches.length < limit && budget.left > 0) {
      const size = BigInt(Math.min(CHUNK, budget.left));
      const from = reached - size > mark.low ? reached - size : mark.low;
      const chunk = await this.reader.read(topic, mark.partition, from, reached);
      budget.left -= Number(reached - from);
      matches.push(...chunk.filter((record) => recordMatches(record, words)).reverse());
      reached = from;
    }
    return { partition: mark.partition, matches, reached, start: upper };
  }

  /** Reads from `from` towards the end, until `limit` matches or the budget runs out. */
  private async scanForwards(topic: string, mark: PartitionWatermarks, from: bigint, limit: number, words: string[], budget: { left: number }): Promise<PartitionScan> {
    const matches: IncomingRecord[] = [];
    let reached = from;
    while (reached < mark.high && matches.length < limit && budget.left > 0) {
      const to = reached + BigInt(Math.min(CHUNK, budget.left)) < mark.high ? reached + BigInt(Math.min(CHUNK, budget.left)) : mark.high;
      const chunk = await this.reader.read(topic, mark.partition, reached, to);
      budget.left -= Number(to - reached);
      matches.push(...chunk.filter((record) => recordMatches(record, words)));
      reached = to;
    }
    return { partition: mark.partition, matches, reached, start: from };
  }
}

function clamp(position: bigint, mark: PartitionWatermarks): bigint {
  return position < mark.low ? mark.low : position > mark.high ? mark.high : position;
}

/** Newest first by timestamp (backwards) or oldest first (forwards); ties by partition, then offset. */
function merge(scans: PartitionScan[], backwards: boolean): IncomingRecord[] {
  const sign = backwards ? -1 : 1;
  return scans
    .flatMap((scan) => scan.matches)
    .sort((a, b) => sign * (a.timestamp - b.timestamp) || a.partition - b.partition || sign * (a.offset < b.offset ? -1 : a.offset > b.offset ? 1 : 0));
}

/**
 * Where the next page starts in each partition: where its scan reached when no match of it is
 * left unshown; else just past the last record shown from it, or where it began when none was.
 * Null once every partition is exhausted.
 */
function nextCursor(scans: PartitionScan[], taken: IncomingRecord[], marks: PartitionWatermarks[], backwards: boolean): string | null {
  const shown = new Map<number, bigint>();
  for (const record of taken) {
    const before = shown.get(record.partition);
    if (before === undefined || (backwards ? record.offset < before : record.offset > before)) shown.set(record.partition, record.offset);
  }
  const positions = scans.map((scan) => {
    const last = shown.get(scan.partition);
    const leftOver = scan.matches.some((record) => (last === undefined ? true : backwards ? record.offset < last : record.offset > last));
    if (!leftOver) return [scan.partition, scan.reached] as const;
    if (last !== undefined) return [scan.partition, backwards ? last : last + 1n] as const;
    return [scan.partition, scan.start] as const;
  });
  const exhausted = positions.every(([partition, position]) => {
    const mark = marks.find((m) => m.partition === partition)!;
    return backwards ? position <= mark.low : position >= mark.high;
  });
  return exhausted ? null : positions.map(([partition, position]) => `${partition}:${position}`).join(",");
}

function parseCursor(cursor: string): Map<number, bigint> {
  return new Map(cursor.split(",").map((pair) => {
    const [partition, offset] = pair.split(":");
    return [Number(partition), BigInt(offset!)] as const;
  }));
}
