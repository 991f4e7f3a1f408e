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

/** One second of the console's metric series: the latest value of each (worker series have connector and task null). */
export interface MetricsTick {
  type: "metrics";
  at: number;
  points: Array<{ connector: string | null; task: number | null; metric: string; value: number }>;
}

/** What subscribers of the hub receive. */
export type RuntimeEvent = StatusChange | ConnectorChange | MetricsTick;

/** How many status changes the hub keeps per connector unless told otherwise. */
export const DEFAULT_HISTORY_PER_CONNECTOR = 50;

/**
 * In-process publish/subscribe for runtime events, feeding the console's event stream.
 * Publishing never blocks or throws: a subscriber that throws is dropped. Subscribers are
 * called synchronously in subscription order.
 *
 * The hub also remembers the last `historyPerConnector` status changes of each connector (its
 * own and its tasks'), in memory only, for the console's "recent state changes". A connector's
 * history is forgotten when it is deleted, so memory stays bounded by the live connectors.
 */
export class EventHub {
  private readonly subscribers = new Set<(event: RuntimeEvent) => void>();
  private readonly recent = new Map<string, StatusChange[]>();

  constructor(private readonly historyPerConnector = DEFAULT_HISTORY_PER_CONNECTOR) {}

  publish(event: RuntimeEvent): void {
    this.remember(event);
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

  /**
   * The connector's remembered status changes, oldest first (at most `historyPerConnector`);
   * empty for a connector the hub has seen nothing of since this process started. A copy.
   */
  history(connector: string): StatusChange[] {
    return [...(this.recent.get(connector) ?? [])];
  }

  private remember(event: RuntimeEvent): void {
    if (event.type === "metrics") return;
    if (event.type === "connector") {
      if (event.change === "deleted") this.recent.delete(event.connector);
      return;
    }
    const changes = this.recent.get(event.connector) ?? [];
    changes.push(event);
    if (changes.length > this.historyPerConnector) changes.splice(0, changes.length - this.historyPerConnector);
    this.recent.set(event.connector, changes);
  }
}
