import type { OffsetMap } from "@/server/plugins/api/offsets";
import { partitionKey, type OffsetEntry, type OffsetStore } from "@/server/storage/contracts/offset-store";
import type { Database } from "@/server/storage/prisma/database";

function toEntry(row: { partition: string; offset: string }): OffsetEntry {
  return { partition: JSON.parse(row.partition) as OffsetMap, offset: JSON.parse(row.offset) as OffsetMap };
}

/** OffsetStore on SQLite. One `write` is one transaction: all of the batch is committed, or none. */
export class PrismaOffsetStore implements OffsetStore {
  constructor(private readonly db: Database) {}

  async offsets(connector: string): Promise<OffsetEntry[]> {
    return (await this.db.sourceOffset.findMany({ where: { connector } })).map(toEntry);
  }

  async offsetsFor(connector: string, partitions: OffsetMap[]): Promise<OffsetEntry[]> {
    if (partitions.length === 0) return [];
    const rows = await this.db.sourceOffset.findMany({ where: { connector, partition: { in: partitions.map(partitionKey) } } });
    return rows.map(toEntry);
  }

  async write(connector: string, entries: Array<{ partition: OffsetMap; offset: OffsetMap | null }>): Promise<void> {
    if (entries.length === 0) return;
    await this.db.$transaction(
      entries.map(({ partition, offset }) => {
        const id = { connector, partition: partitionKey(partition) };
        if (offset === null) return this.db.sourceOffset.deleteMany({ where: id });
        const text = JSON.stringify(offset);
        return this.db.sourceOffset.upsert({ where: { connector_partition: id }, create: { ...id, offset: text }, update: { offset: text } });
      }),
    );
  }
}
