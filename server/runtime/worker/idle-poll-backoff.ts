/** The first wait after a poll that returned nothing at once. */
const INITIAL_WAIT_MS = 5;
/** The longest wait: what a source whose poll never blocks may add to its latency once idle. */
const MAX_WAIT_MS = 500;

/**
 * How long a source task loop waits after a poll, so that a task whose `poll` returns nothing
 * without blocking does not spin (on one event loop, a poll that resolves at once starves every
 * other task and the REST API). Kafka Connect's tasks each have a thread and leave the waiting to
 * `poll`; the built-in sources here wait in `poll` too, and a poll that already waited as long as
 * the backoff costs nothing more. The wait doubles with each empty poll from 5 ms up to 500 ms,
 * less the time the poll itself took, and a poll with records resets it. One per task loop; not
 * shared.
 */
export class IdlePollBackoff {
  private emptyPolls = 0;

  /** Milliseconds to wait before the next poll, given how many records this one returned and how long it took. */
  afterPoll(records: number, pollMs: number): number {
    if (records > 0) {
      this.emptyPolls = 0;
      return 0;
    }
    const wait = Math.min(MAX_WAIT_MS, INITIAL_WAIT_MS * 2 ** Math.min(this.emptyPolls, 16));
    this.emptyPolls++;
    return Math.max(0, wait - pollMs);
  }
}
