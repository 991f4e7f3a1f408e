import type { ConfigDef, ConfigValue } from "@/server/plugins/api/config-def";
import { SourceConnector, type ConnectionCheck, type TaskClass } from "@/server/plugins/api/connector";
import type { SourceTask } from "@/server/plugins/api/task";
import { cdcConfigDef, parseCdcSettings, validateCdc } from "@/server/plugins/connectors/postgres-cdc/cdc-config";
import { PostgresCdcTask } from "@/server/plugins/connectors/postgres-cdc/postgres-cdc-task";
import { PostgresSession } from "@/server/plugins/connectors/postgres-client/postgres-session";
import { PLUGIN_VERSION } from "@/server/plugins/connectors/plugin-version";

/**
 * Change data capture from PostgreSQL under Debezium's class name and keys
 * (`io.debezium.connector.postgresql.PostgresConnector`): a consistent snapshot, then the
 * changes of logical replication (pgoutput), as Debezium's change events. Always one task.
 */
export class PostgresCdcConnector extends SourceConnector {
  static readonly className = "io.debezium.connector.postgresql.PostgresConnector";
  static readonly aliases = ["PostgresConnector", "PostgresCdc"];
  static readonly description = "Streams every insert, update and delete of PostgreSQL tables (snapshot first) as Debezium change events, through logical replication.";

  private props: Record<string, string> = {};

  version(): string {
    return PLUGIN_VERSION;
  }

  config(): ConfigDef {
    return cdcConfigDef();
  }

  validate(_props: Record<string, string>, values: Map<string, ConfigValue>): void {
    validateCdc(values);
  }

  start(props: Record<string, string>): void {
    parseCdcSettings(props);
    this.props = { ...props };
  }

  taskClass(): TaskClass<SourceTask> {
    return PostgresCdcTask;
  }

  taskConfigs(): Record<string, string>[] {
    return [{ ...this.props }];
  }

  stop(): void {}

  /** Connects and checks what capture needs: wal_level=logical and a user allowed to replicate. */
  async testConnection(props: Record<string, string>): Promise<ConnectionCheck> {
    const settings = parseCdcSettings(props);
    const session = await PostgresSession.open(settings.endpoint);
    try {
      const [version, walLevel, replication, slot] = (await session.query(
        "SELECT split_part(current_setting('server_version'), ' ', 1), current_setting('wal_level'), (SELECT rolreplication OR rolsuper FROM pg_roles WHERE rolname = current_user), (SELECT count(*) FROM pg_replication_slots WHERE slot_name = $1)",
        [settings.slotName],
        "checking replication settings",
      )).rows[0]!;
      const problems = [walLevel !== "logical" ? `wal_level is ${walLevel} (set wal_level=logical and restart PostgreSQL)` : null, replication !== "t" ? `user ${settings.endpoint.user} lacks the REPLICATION attribute` : null].filter(Boolean);
      if (problems.length > 0) throw new Error(`Connected to PostgreSQL ${version}, but ${problems.join(" and ")}.`);
      return { message: `Connected to PostgreSQL ${version}; wal_level=logical; slot ${settings.slotName} ${slot === "0" ? "will be created" : "exists"}.` };
    } finally {
      await session.close();
    }
  }
}
