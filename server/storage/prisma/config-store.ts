import { TributaryError } from "@/server/errors/tributary-error";
import type { ConfigChange, ConfigSnapshot, ConfigStore, RestartRequest, StoredConnector, TargetState } from "@/server/storage/contracts/config-store";
import { MemoryConfigStore } from "@/server/storage/memory/config-store";
import type { Database } from "@/server/storage/prisma/database";

type Row = { name: string; config: string; targetState: string; tasks: { task: number; config: string }[] };

function toStored(row: Row): StoredConnector {
  return {
    name: row.name,
    config: JSON.parse(row.config) as Record<string, string>,
    targetState: row.targetState as TargetState,
    taskConfigs: row.tasks.sort((a, b) => a.task - b.task).map((task) => JSON.parse(task.config) as Record<string, string>),
  };
}

/**
 * ConfigStore on SQLite (standalone and embedded modes): connectors survive restarts, unlike
 * Kafka Connect's in-memory standalone herder. `start()` reads the tables into memory; reads and
 * snapshots are served from there. Each write is one transaction, applied to memory (and told to
 * subscribers) once committed; writes run one at a time, in call order.
 *
 * The in-memory state is right only while this process is the database's one owner, which the
 * standalone store lock (store-lock.ts) makes sure of. Restart requests live in memory only:
 * workers act on those they are told of while running.
 */
export class PrismaConfigStore implements ConfigStore {
  private readonly state = new MemoryConfigStore();
  private readonly listeners = new Set<(change: ConfigChange) => void>();
  private loaded = false;
  private writes: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: Database) {
    this.state.subscribe((change) => {
      if (this.loaded) for (const listener of this.listeners) listener(change);
    });
  }

  async start(): Promise<void> {
    const rows = await this.db.connector.findMany({ include: { tasks: true }, orderBy: { name: "asc" } });
    for (const stored of rows.map(toStored)) {
      await this.state.putConnectorConfig(stored.name, stored.config, stored.targetState);
      await this.state.putTaskConfigs(stored.name, stored.taskConfigs);
    }
    this.loaded = true;
  }

  snapshot(): ConfigSnapshot {
    return this.state.snapshot();
  }

  subscribe(listener: (change: ConfigChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  connectors(): Promise<StoredConnector[]> {
    return this.state.connectors();
  }

  connector(name: string): Promise<StoredConnector | undefined> {
    return this.state.connector(name);
  }

  putConnectorConfig(name: string, config: Record<string, string>, targetState?: TargetState): Promise<void> {
    return this.serially(async () => {
      const text = JSON.stringify(config);
      await this.db.connector.upsert({
        where: { name },
        create: { name, config: text, targetState: targetState ?? "STARTED" },
        update: { config: text, ...(targetState ? { targetState } : {}) },
      });
      await this.state.putConnectorConfig(name, config, targetState);
    });
  }

  putTaskConfigs(name: string, taskConfigs: Record<string, string>[]): Promise<void> {
    return this.serially(async () => {
      this.assertExists(name);
      await this.db.$transaction(async (tx) => {
        await tx.taskConfig.deleteMany({ where: { connector: name } });
        if (taskConfigs.length > 0) {
          await tx.taskConfig.createMany({ data: taskConfigs.map((config, task) => ({ connector: name, task, config: JSON.stringify(config) })) });
        }
      });
      await this.state.putTaskConfigs(name, taskConfigs);
    });
  }

  putTargetState(name: string, state: TargetState): Promise<void> {
    return this.serially(async () => {
      this.assertExists(name);
      await this.db.connector.update({ where: { name }, data: { targetState: state } });
      await this.state.putTargetState(name, state);
    });
  }

  putRestartRequest(name: string, request: RestartRequest): Promise<void> {
    return this.serially(() => this.state.putRestartRequest(name, request));
  }

  removeConnector(name: string): Promise<boolean> {
    return this.serially(async () => {
      await this.db.$transaction(async (tx) => {
        await tx.taskConfig.deleteMany({ where: { connector: name } });
        await tx.connector.deleteMany({ where: { name } });
      });
      return this.state.removeConnector(name);
    });
  }

  private assertExists(name: string): void {
    if (!this.state.snapshot().connectors.has(name)) throw new TributaryError("connector.not_found", `Connector ${name} not found`);
  }

  /** Runs `work` after every earlier write settled, so memory applies writes in the order they were committed. */
  private serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.writes.catch(() => undefined).then(work);
    this.writes = next;
    return next;
  }
}
