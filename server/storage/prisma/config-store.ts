import { TributaryError } from "@/server/errors/tributary-error";
import type { ConfigStore, StoredConnector, TargetState } from "@/server/storage/contracts/config-store";
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

function notFound(name: string): TributaryError {
  return new TributaryError("connector.not_found", `Connector ${name} not found`);
}

/**
 * ConfigStore on SQLite (standalone and embedded modes): connectors survive restarts, unlike
 * Kafka Connect's in-memory standalone herder. Each method is one transaction.
 */
export class PrismaConfigStore implements ConfigStore {
  constructor(private readonly db: Database) {}

  async connectors(): Promise<StoredConnector[]> {
    const rows = await this.db.connector.findMany({ include: { tasks: true }, orderBy: { name: "asc" } });
    return rows.map(toStored);
  }

  async connector(name: string): Promise<StoredConnector | undefined> {
    const row = await this.db.connector.findUnique({ where: { name }, include: { tasks: true } });
    return row ? toStored(row) : undefined;
  }

  async putConnectorConfig(name: string, config: Record<string, string>, targetState?: TargetState): Promise<void> {
    const text = JSON.stringify(config);
    await this.db.connector.upsert({
      where: { name },
      create: { name, config: text, targetState: targetState ?? "STARTED" },
      update: { config: text, ...(targetState ? { targetState } : {}) },
    });
  }

  async putTaskConfigs(name: string, taskConfigs: Record<string, string>[]): Promise<void> {
    await this.db.$transaction(async (tx) => {
      if (!(await tx.connector.findUnique({ where: { name }, select: { name: true } }))) throw notFound(name);
      await tx.taskConfig.deleteMany({ where: { connector: name } });
      if (taskConfigs.length > 0) {
        await tx.taskConfig.createMany({ data: taskConfigs.map((config, task) => ({ connector: name, task, config: JSON.stringify(config) })) });
      }
    });
  }

  async putTargetState(name: string, state: TargetState): Promise<void> {
    const { count } = await this.db.connector.updateMany({ where: { name }, data: { targetState: state } });
    if (count === 0) throw notFound(name);
  }

  async removeConnector(name: string): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      await tx.taskConfig.deleteMany({ where: { connector: name } });
      const { count } = await tx.connector.deleteMany({ where: { name } });
      return count > 0;
    });
  }
}
