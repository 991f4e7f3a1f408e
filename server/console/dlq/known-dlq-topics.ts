import type { Database } from "@/server/storage/prisma/database";

/** What the DLQ inbox needs to remember DLQ topics across connector deletions and restarts. */
export interface DlqTopicMemory {
  /** Remembers, for each topic, the connectors that name it now. */
  remember(byTopic: ReadonlyMap<string, readonly string[]>): Promise<void>;
  /** Every topic ever remembered, with the connectors that last named it. */
  recall(): Promise<Map<string, string[]>>;
}

/**
 * The DLQ topics connectors named, in the `KnownDlqTopic` table, so a DLQ whose connector was
 * deleted is still listed (as orphaned) while it holds records. Writes only what changed since
 * the last call; reads are cached in the process after the first. Safe for concurrent callers:
 * writes are chained.
 */
export class KnownDlqTopics implements DlqTopicMemory {
  private known: Promise<Map<string, string[]>> | undefined;
  private writes: Promise<void> = Promise.resolve();

  constructor(private readonly db: Database) {}

  async recall(): Promise<Map<string, string[]>> {
    return new Map(await this.load());
  }

  remember(byTopic: ReadonlyMap<string, readonly string[]>): Promise<void> {
    this.writes = this.writes.catch(() => undefined).then(async () => {
      const known = await this.load();
      for (const [topic, connectors] of byTopic) {
        const names = [...connectors].sort();
        if (JSON.stringify(known.get(topic)) === JSON.stringify(names)) continue;
        const value = JSON.stringify(names);
        await this.db.knownDlqTopic.upsert({ where: { topic }, create: { topic, connectors: value }, update: { connectors: value, lastSeenAt: new Date() } });
        known.set(topic, names);
      }
    });
    return this.writes;
  }

  private load(): Promise<Map<string, string[]>> {
    if (!this.known) {
      this.known = this.db.knownDlqTopic.findMany().then((rows) => new Map(rows.map((row) => [row.topic, parseNames(row.connectors)])));
      this.known.catch(() => (this.known = undefined));
    }
    return this.known;
  }
}

function parseNames(text: string): string[] {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.filter((name): name is string => typeof name === "string") : [];
  } catch {
    return [];
  }
}
