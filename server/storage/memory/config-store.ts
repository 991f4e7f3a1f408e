import { TributaryError } from "@/server/errors/tributary-error";
import type { ConfigStore, StoredConnector, TargetState } from "@/server/storage/contracts/config-store";

/** ConfigStore in memory, for unit tests. Returns copies, so callers cannot mutate the store. */
export class MemoryConfigStore implements ConfigStore {
  private readonly entries = new Map<string, StoredConnector>();

  async connectors(): Promise<StoredConnector[]> {
    return [...this.entries.keys()].sort().map((name) => copy(this.entries.get(name)!));
  }

  async connector(name: string): Promise<StoredConnector | undefined> {
    const entry = this.entries.get(name);
    return entry && copy(entry);
  }

  async putConnectorConfig(name: string, config: Record<string, string>, targetState?: TargetState): Promise<void> {
    const existing = this.entries.get(name);
    this.entries.set(name, {
      name,
      config: { ...config },
      targetState: targetState ?? existing?.targetState ?? "STARTED",
      taskConfigs: existing?.taskConfigs ?? [],
    });
  }

  async putTaskConfigs(name: string, taskConfigs: Record<string, string>[]): Promise<void> {
    this.existing(name).taskConfigs = taskConfigs.map((task) => ({ ...task }));
  }

  async putTargetState(name: string, state: TargetState): Promise<void> {
    this.existing(name).targetState = state;
  }

  async removeConnector(name: string): Promise<boolean> {
    return this.entries.delete(name);
  }

  private existing(name: string): StoredConnector {
    const entry = this.entries.get(name);
    if (!entry) throw new TributaryError("connector.not_found", `Connector ${name} not found`);
    return entry;
  }
}

function copy(entry: StoredConnector): StoredConnector {
  return { ...entry, config: { ...entry.config }, taskConfigs: entry.taskConfigs.map((task) => ({ ...task })) };
}
