/**
 * A map that hands out read-only snapshots of itself cheaply: `snapshot()` copies the entries at
 * most once per change, so any number of reads between two writes share one copy (O(1) each),
 * and a snapshot handed out never changes afterwards. Writes are O(1); the copy is paid by the
 * first read after them. Values are stored as given: callers replace values, never mutate them.
 * Not thread-safe in any sense beyond JavaScript's run-to-completion.
 */
export class SnapshotMap<K, V> {
  private readonly entries = new Map<K, V>();
  private view: ReadonlyMap<K, V> | undefined;

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  set(key: K, value: V): void {
    this.entries.set(key, value);
    this.view = undefined;
  }

  delete(key: K): boolean {
    const had = this.entries.delete(key);
    if (had) this.view = undefined;
    return had;
  }

  /** The entries as of now, in insertion order; the same object until the next change. */
  snapshot(): ReadonlyMap<K, V> {
    this.view ??= new Map(this.entries);
    return this.view;
  }
}
