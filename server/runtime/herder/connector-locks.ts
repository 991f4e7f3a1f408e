/**
 * Serializes the herder's operations per connector: work for one connector runs after every
 * earlier work for it has settled (whether it succeeded or not); different connectors run
 * concurrently. A connector's entry is dropped once its queue is empty.
 */
export class ConnectorLocks {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Runs `work` after every earlier `run` for `name`; resolves or rejects as `work` does. */
  run<T>(name: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(name) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    this.tails.set(name, next);
    void next
      .finally(() => {
        if (this.tails.get(name) === next) this.tails.delete(name);
      })
      .catch(() => undefined);
    return next;
  }
}
