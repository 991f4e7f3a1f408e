import type { OffsetMap } from "@/server/plugins/api/offsets";
import { partitionKey, type OffsetEntry, type OffsetStore } from "@/server/storage/contracts/offset-store";

/** OffsetStore in memory, for unit tests. */
export class MemoryOffsetStore implements OffsetStore {
  private readonly byConnector = new Map<string, Map<string, OffsetEntry>>();

  async offsets(connector: string): Promise<OffsetEntry[]> {
    return [...(this.byConnector.get(connector)?.values() ?? [])].map((entry) => ({ partition: { ...entry.partition }, offset: { ...entry.offset } }));
  }

  async offsetsFor(connector: string, partitions: OffsetMap[]): Promise<OffsetEntry[]> {
    const stored = this.byConnector.get(connector);
    return partitions.flatMap((partition) => {
      const entry = stored?.get(partitionKey(partition));
      return entry ? [{ partition: { ...entry.partition }, offset: { ...entry.offset } }] : [];
    });
  }

  async write(connector: string, entries: Array<{ partition: OffsetMap; offset: OffsetMap | null }>): Promise<void> {
    let stored = this.byConnector.get(connector);
    if (!stored) this.byConnector.set(connector, (stored = new Map()));
    for (const { partition, offset } of entries) {
      if (offset === null) stored.delete(partitionKey(partition));
      else stored.set(partitionKey(partition), { partition: { ...partition }, offset: { ...offset } });
    }
  }
}
