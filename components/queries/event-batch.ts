/**
 * Gathers items that arrive in bursts and hands them to `flush` together: the first item pushed
 * schedules one flush `delayMs` later, and every item pushed until then goes into it. A burst of
 * 1,000 live events is then one cache write and one render pass instead of 1,000. Items keep
 * their arrival order. `close()` drops what is pending and stops scheduling; pushes after it are
 * ignored. Browser code, single-threaded: no locking.
 */
export class EventBatch<T> {
  private pending: T[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  constructor(
    private readonly flush: (items: T[]) => void,
    private readonly delayMs = 100,
  ) {}

  push(item: T): void {
    if (this.closed) return;
    this.pending.push(item);
    this.timer ??= setTimeout(() => this.drain(), this.delayMs);
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.pending = [];
  }

  private drain(): void {
    this.timer = undefined;
    const items = this.pending;
    this.pending = [];
    if (items.length > 0) this.flush(items);
  }
}
