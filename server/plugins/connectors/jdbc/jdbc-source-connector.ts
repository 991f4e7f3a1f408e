import type { ConfigDef, ConfigValue } from "@/server/plugins/api/config-def";
import { SourceConnector, type ConnectionCheck, type TaskClass } from "@/server/plugins/api/connector";
import type { SourceTask } from "@/server/plugins/api/task";
import { openWithRetries } from "@/server/plugins/connectors/jdbc/jdbc-connection";
import { jdbcSourceConfigDef, parseJdbcSourceSettings, validateJdbcSource, type JdbcSourceSettings } from "@/server/plugins/connectors/jdbc/jdbc-source-config";
import { JdbcSourceTask, TABLES_KEY } from "@/server/plugins/connectors/jdbc/jdbc-source-task";
import { selectTables } from "@/server/plugins/connectors/jdbc/source-tables";
import type { TableRef } from "@/server/plugins/connectors/postgres-client/pg-catalog";
import { PostgresSession } from "@/server/plugins/connectors/postgres-client/postgres-session";
import { PLUGIN_VERSION } from "@/server/plugins/connectors/plugin-version";

/** `schema.table` names, as task configs carry them. */
const names = (tables: readonly TableRef[]) => tables.map((ref) => `${ref.schema}.${ref.table}`);

/**
 * Confluent's JDBC source connector (`io.confluent.connect.jdbc.JdbcSourceConnector`) for
 * PostgreSQL: its keys, modes, topics (prefix + table name) and offsets. The connector lists the
 * selected tables and spreads them over at most `tasks.max` tasks in contiguous groups (one task
 * for a `query`); every `table.poll.interval.ms` it lists them again and asks for new task
 * configs when the set changed.
 */
export class JdbcSourceConnector extends SourceConnector {
  static readonly className = "io.confluent.connect.jdbc.JdbcSourceConnector";
  static readonly aliases = ["JdbcSource", "JdbcSourceConnector"];
  static readonly description = "Copies PostgreSQL tables (or a query's rows) into Kafka, whole or incrementally, compatible with Confluent's JDBC source connector.";

  private props: Record<string, string> = {};
  private settings!: JdbcSourceSettings;
  private tables: TableRef[] = [];
  private monitor: ReturnType<typeof setInterval> | null = null;
  private checking = false;

  version(): string {
    return PLUGIN_VERSION;
  }

  config(): ConfigDef {
    return jdbcSourceConfigDef();
  }

  validate(_props: Record<string, string>, values: Map<string, ConfigValue>): void {
    validateJdbcSource(values);
  }

  async start(props: Record<string, string>): Promise<void> {
    this.props = { ...props };
    this.settings = parseJdbcSourceSettings(props);
    if (this.settings.query) return;
    this.tables = await this.listTables();
    this.monitor = setInterval(() => void this.checkTables(), this.settings.tablePollIntervalMs);
  }

  taskClass(): TaskClass<SourceTask> {
    return JdbcSourceTask;
  }

  /** One task for a query; otherwise the tables in at most `maxTasks` contiguous groups (none when no table matches). */
  taskConfigs(maxTasks: number): Record<string, string>[] {
    if (this.settings.query) return [{ ...this.props }];
    const groups = Math.min(maxTasks, this.tables.length);
    const configs: Record<string, string>[] = [];
    let next = 0;
    for (let group = 0; group < groups; group++) {
      const size = Math.floor(this.tables.length / groups) + (group < this.tables.length % groups ? 1 : 0);
      configs.push({ ...this.props, [TABLES_KEY]: JSON.stringify(names(this.tables.slice(next, next + size))) });
      next += size;
    }
    return configs;
  }

  stop(): void {
    if (this.monitor) clearInterval(this.monitor);
    this.monitor = null;
  }

  /** Connects with the config and lists the tables it selects (or checks the query). */
  async testConnection(props: Record<string, string>): Promise<ConnectionCheck> {
    const settings = parseJdbcSourceSettings(props);
    const session = await PostgresSession.open(settings.endpoint);
    try {
      const version = (await session.query("SELECT split_part(current_setting('server_version'), ' ', 1)", [], "reading the server version")).rows[0]![0];
      if (settings.query) {
        await session.query(`SELECT * FROM (${settings.query}) AS tributary_probe LIMIT 0`, [], "checking the query");
        return { message: `Connected to PostgreSQL ${version}; the query is valid.` };
      }
      const tables = names(await selectTables(session, settings));
      const shown = tables.length > 10 ? `${tables.slice(0, 10).join(", ")} and ${tables.length - 10} more` : tables.join(", ");
      return { message: `Connected to PostgreSQL ${version}; ${tables.length} table${tables.length === 1 ? "" : "s"} selected${tables.length > 0 ? `: ${shown}` : ""}.` };
    } finally {
      await session.close();
    }
  }

  private async listTables(): Promise<TableRef[]> {
    const { endpoint, connectionAttempts, connectionBackoffMs } = this.settings;
    const session = await openWithRetries(endpoint, connectionAttempts, connectionBackoffMs);
    try {
      return await selectTables(session, this.settings);
    } finally {
      await session.close();
    }
  }

  /** Table monitoring: a changed table set asks the runtime for new task configs; failures wait for the next check. */
  private async checkTables(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    try {
      const tables = await this.listTables();
      if (JSON.stringify(names(tables)) !== JSON.stringify(names(this.tables))) {
        this.tables = tables;
        this.context.requestTaskReconfiguration();
      }
    } catch {
      // The database may be briefly unreachable; the tasks report lasting failures.
    } finally {
      this.checking = false;
    }
  }
}
