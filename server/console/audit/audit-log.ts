import type { AuditEntry, AuditFilter, AuditOutcome, AuditPage } from "@/server/contracts/audit";
import { getLogger } from "@/server/logging/logger";
import type { Database } from "@/server/storage/prisma/database";
import type { Prisma } from "@/server/storage/prisma/generated/client";

/** One audited request to record; configs must already be masked. */
export interface AuditRecord {
  at: number;
  user: string;
  via: string;
  address: string;
  event: string;
  target: string;
  status: number;
  before: Record<string, string> | null;
  after: Record<string, string> | null;
  detail: string | null;
}

/** How much of the log is kept: at most `maxEntries` rows, none older than `maxAgeMs`. */
export interface AuditRetention {
  maxEntries: number;
  maxAgeMs: number;
}

/** The default retention: the last 100,000 entries of the last 90 days. */
export const DEFAULT_AUDIT_RETENTION: AuditRetention = { maxEntries: 100_000, maxAgeMs: 90 * 24 * 3_600_000 };

const EXPORT_BATCH = 500;
/** The log is pruned after this many records (and at the first one), not after every write. */
const PRUNE_EVERY = 200;

const log = getLogger("tributary.audit");

/** The outcome an HTTP status stands for. */
export function outcomeOf(status: number): AuditOutcome {
  if (status < 400) return "ok";
  return status < 500 ? "refused" : "failed";
}

/**
 * The audit log in the `AuditEntry` table. `record` never throws and never makes its caller wait
 * on the database: writes are queued one after another, and a failed write is logged and dropped.
 * Reads see every write queued before them (`settled`). Pruning by age and count runs after the
 * first write and then every few hundred.
 */
export class AuditLog {
  private writes: Promise<void> = Promise.resolve();
  private sincePrune = PRUNE_EVERY;

  constructor(
    private readonly db: Database,
    private readonly retention: AuditRetention = DEFAULT_AUDIT_RETENTION,
    private readonly now: () => number = Date.now,
  ) {}

  /** Queues `entry`; returns at once. */
  record(entry: AuditRecord): void {
    this.writes = this.writes.then(async () => {
      try {
        await this.db.auditEntry.create({ data: rowOf(entry) });
        if (++this.sincePrune >= PRUNE_EVERY) {
          this.sincePrune = 0;
          await this.prune();
        }
      } catch (error) {
        log.error({ err: error, event: entry.event, target: entry.target }, "could not record an audit entry");
      }
    });
  }

  /** Resolves once every record queued so far is written (or dropped). */
  settled(): Promise<void> {
    return this.writes;
  }

  /** One page of entries matching `filter`, newest first, older than entry `before` when given. */
  async page(filter: AuditFilter, limit: number, before?: number): Promise<AuditPage> {
    await this.settled();
    const rows = await this.db.auditEntry.findMany({
      where: { ...whereOf(filter), ...(before !== undefined ? { id: { lt: before } } : {}) },
      orderBy: { id: "desc" },
      take: limit + 1,
    });
    const entries = rows.slice(0, limit).map(entryOf);
    return { entries, next: rows.length > limit ? entries[entries.length - 1]!.id : null };
  }

  /** Every entry matching `filter`, newest first, read in batches. */
  async *entries(filter: AuditFilter): AsyncGenerator<AuditEntry> {
    let before: number | undefined;
    do {
      const page = await this.page(filter, EXPORT_BATCH, before);
      yield* page.entries;
      before = page.next ?? undefined;
    } while (before !== undefined);
  }

  /** Deletes entries older than the retention's age and beyond its count; resolves with how many. */
  async prune(): Promise<number> {
    const old = await this.db.auditEntry.deleteMany({ where: { at: { lt: new Date(this.now() - this.retention.maxAgeMs) } } });
    const cutoff = await this.db.auditEntry.findMany({ orderBy: { id: "desc" }, skip: this.retention.maxEntries, take: 1, select: { id: true } });
    const excess = cutoff[0] ? await this.db.auditEntry.deleteMany({ where: { id: { lte: cutoff[0].id } } }) : { count: 0 };
    return old.count + excess.count;
  }
}

function whereOf(filter: AuditFilter): Prisma.AuditEntryWhereInput {
  const at = { ...(filter.since !== undefined ? { gte: new Date(filter.since) } : {}), ...(filter.until !== undefined ? { lt: new Date(filter.until) } : {}) };
  return {
    ...(filter.user !== undefined ? { user: filter.user } : {}),
    ...(filter.event !== undefined ? { event: filter.event } : {}),
    ...(filter.target !== undefined ? { target: filter.target } : {}),
    ...(Object.keys(at).length > 0 ? { at } : {}),
  };
}

function rowOf(entry: AuditRecord): Prisma.AuditEntryCreateInput {
  return {
    at: new Date(entry.at),
    user: entry.user,
    via: entry.via,
    address: entry.address,
    event: entry.event,
    target: entry.target,
    status: entry.status,
    outcome: outcomeOf(entry.status),
    before: entry.before ? JSON.stringify(entry.before) : null,
    after: entry.after ? JSON.stringify(entry.after) : null,
    detail: entry.detail,
  };
}

function entryOf(row: { id: number; at: Date; user: string; via: string; address: string; event: string; target: string; status: number; outcome: string; before: string | null; after: string | null; detail: string | null }): AuditEntry {
  return {
    ...row,
    at: row.at.getTime(),
    outcome: row.outcome === "ok" || row.outcome === "refused" ? row.outcome : "failed",
    before: parseConfig(row.before),
    after: parseConfig(row.after),
  };
}

function parseConfig(text: string | null): Record<string, string> | null {
  if (text === null) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === "object" ? (parsed as Record<string, string>) : null;
  } catch {
    return null;
  }
}
