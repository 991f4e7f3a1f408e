/** A change the console shows live: a connector's or task's status. */
export interface StatusChange {
  type: "status";
  connector: string;
  /** null for the connector itself. */
  task: number | null;
  state: string;
  workerId: string;
  trace?: string;
  /** Epoch ms when the runtime saw the change. */
  at: number;
}

/** A connector was created, its config updated, or it was deleted. */
export interface ConnectorChange {
  type: "connector";
  connector: string;
  change: "created" | "updated" | "deleted";
  at: number;
}

/** What subscribers of the hub receive. */
export type RuntimeEvent = StatusChange | ConnectorChange;

/**
 * In-process publish/subscribe for runtime events, feeding the console's event stream.
 * Publishing never blocks or throws: a subscriber that throws is dropped. Subscribers are
 * called synchronously in subscription order.
 */
export class EventHub {
  private readonly subscribers = new Set<(event: RuntimeEvent) => void>();

  publish(event: RuntimeEvent): void {
    for (const subscriber of this.subscribers) {
      try {
        subscriber(event);
      } catch {
        this.subscribers.delete(subscriber);
      }
    }
  }

  /** Adds a subscriber; returns the function that removes it. */
  subscribe(subscriber: (event: RuntimeEvent) => void): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  get size(): number {
    return this.subscribers.size;
  }
}
