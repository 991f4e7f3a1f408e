import { TributaryError } from "@/server/errors/tributary-error";
import type { ConfigChange, ConfigSnapshot, ConfigStore, RestartRequest, StoredConnector, TargetState } from "@/server/storage/contracts/config-store";

const EMPTY: ConfigSnapshot = { version: 0, connectors: new Map(), restartRequests: new Map() };

/**
 * ConfigStore in memory: the unit tests' store, and the in-memory state the durable stores
 * serve reads from (they apply each write here once it is durable). Copy-on-write: each write
 * builds a new snapshot, so `snapshot()` is O(1) and a snapshot handed out never changes.
 * Returns copies from the async readers, so callers cannot mutate the store.
 */
export class MemoryConfigStore implements ConfigStore {
  private state = EMPTY;
  private readonly listeners = new Set<(change: ConfigChange) => void>();

  async start(): Promise<void> {}

  snapshot(): ConfigSnapshot {
    return this.state;
  }

  subscribe(listener: (change: ConfigChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async connectors(): Promise<StoredConnector[]> {
    return [...this.state.connectors.values()].map(copy);
  }

  async connector(name: string): Promise<StoredConnector | undefined> {
    const entry = this.state.connectors.get(name);
    return entry && copy(entry);
  }

  async putConnectorConfig(name: string, config: Record<string, string>, targetState?: TargetState): Promise<void> {
    const existing = this.state.connectors.get(name);
    const entry = { name, config: { ...config }, targetState: targetState ?? existing?.targetState ?? "STARTED", taskConfigs: existing?.taskConfigs ?? [] };
    this.apply(existing ? "connector-updated" : "connector-created", name, (connectors) => connectors.set(name, entry));
  }

  async putTaskConfigs(name: string, taskConfigs: Record<string, string>[]): Promise<void> {
    const entry = { ...this.existing(name), taskConfigs: taskConfigs.map((task) => ({ ...task })) };
    this.apply("tasks", name, (connectors) => connectors.set(name, entry));
  }

  async putTargetState(name: string, state: TargetState): Promise<void> {
    const entry = { ...this.existing(name), targetState: state };
    this.apply("target-state", name, (connectors) => connectors.set(name, entry));
  }

  async putRestartRequest(name: string, request: RestartRequest): Promise<void> {
    this.existing(name);
    this.apply("restart", name, () => undefined, (restarts) => restarts.set(name, { ...request }));
  }

  async removeConnector(name: string): Promise<boolean> {
    if (!this.state.connectors.has(name)) return false;
    this.apply("connector-removed", name, (connectors) => connectors.delete(name), (restarts) => restarts.delete(name));
    return true;
  }

  private existing(name: string): Readonly<StoredConnector> {
    const entry = this.state.connectors.get(name);
    if (!entry) throw new TributaryError("connector.not_found", `Connector ${name} not found`);
    return entry;
  }

  private apply(
    kind: ConfigChange["kind"],
    connector: string,
    changeConnectors: (connectors: Map<string, Readonly<StoredConnector>>) => unknown,
    changeRestarts: (restarts: Map<string, Readonly<RestartRequest>>) => unknown = () => undefined,
  ): void {
    const connectors = new Map(this.state.connectors);
    changeConnectors(connectors);
    const restarts = new Map(this.state.restartRequests);
    changeRestarts(restarts);
    const version = this.state.version + 1;
    const ordered = kind === "connector-created" ? new Map([...connectors.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : connectors;
    this.state = { version, connectors: ordered, restartRequests: restarts };
    for (const listener of this.listeners) listener({ kind, connector, version });
  }
}

function copy(entry: Readonly<StoredConnector>): StoredConnector {
  return { ...entry, config: { ...entry.config }, taskConfigs: entry.taskConfigs.map((task) => ({ ...task })) };
}
