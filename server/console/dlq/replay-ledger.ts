import type { ReplayMark } from "@/server/contracts/dlq";
import type { Database } from "@/server/storage/prisma/database";

/** A replayed DLQ record: its coordinates and fingerprint, and where it went. */
export interface LedgerEntry {
  dlqTopic: string;
  partition: number;
  offset: bigint;
  fingerprint: string;
  targetTopic: string;
  targetPartition: number;
  targetOffset: bigint;
  edited: boolean;
  jobId: string;
}

/** A ledger row as the inbox reads it: the fingerprint to compare, and the mark to show. */
export interface LedgerMark {
  fingerprint: string;
  mark: ReplayMark;
}

/** The key of a record's coordinates in the maps below. */
export function coordinatesKey(partition: number, offset: bigint): string {
  return `${partition}/${offset}`;
}

/**
 * Which DLQ records the console replayed, in the `DlqReplay` table, so that a replay run twice
 * skips what the first one delivered. Every topic's marks are cached after the first read;
 * writes go through this object, so the cache stays true within the process.
 */
export class ReplayLedger {
  private readonly cache = new Map<string, Promise<Map<string, LedgerMark>>>();

  constructor(private readonly db: Database) {}

  /** The marks of `dlqTopic`, by coordinatesKey. */
  marks(dlqTopic: string): Promise<Map<string, LedgerMark>> {
    let marks = this.cache.get(dlqTopic);
    if (!marks) {
      marks = this.db.dlqReplay.findMany({ where: { dlqTopic } }).then((rows) => new Map(rows.map((row) => [coordinatesKey(row.partition, row.offset), markOf(row)])));
      marks.catch(() => this.cache.delete(dlqTopic));
      this.cache.set(dlqTopic, marks);
    }
    return marks;
  }

  /**
   * Records `entries` as replayed, in one transaction; an entry replaces an older one at the same
   * coordinates. Invariant: called only after Kafka acknowledged the records.
   */
  async record(entries: LedgerEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const replayedAt = new Date();
    await this.db.$transaction(
      entries.map(({ dlqTopic, partition, offset, ...rest }) =>
        this.db.dlqReplay.upsert({
          where: { dlqTopic_partition_offset: { dlqTopic, partition, offset } },
          create: { dlqTopic, partition, offset, ...rest, replayedAt },
          update: { ...rest, replayedAt },
        }),
      ),
    );
    for (const entry of entries) {
      const marks = await this.marks(entry.dlqTopic);
      marks.set(coordinatesKey(entry.partition, entry.offset), markOf({ ...entry, replayedAt }));
    }
  }

  /** Forgets the marks of a partition's records below `before` (they were purged); resolves with how many. */
  async forget(dlqTopic: string, partition: number, before: bigint): Promise<number> {
    const { count } = await this.db.dlqReplay.deleteMany({ where: { dlqTopic, partition, offset: { lt: before } } });
    const marks = await this.marks(dlqTopic);
    for (const [key] of marks) {
      const [p, o] = key.split("/");
      if (Number(p) === partition && BigInt(o!) < before) marks.delete(key);
    }
    return count;
  }
}

function markOf(row: Omit<LedgerEntry, "dlqTopic" | "partition" | "offset"> & { replayedAt: Date }): LedgerMark {
  return {
    fingerprint: row.fingerprint,
    mark: {
      at: row.replayedAt.getTime(),
      targetTopic: row.targetTopic,
      targetPartition: row.targetPartition,
      targetOffset: row.targetOffset.toString(),
      edited: row.edited,
      jobId: row.jobId,
    },
  };
}
