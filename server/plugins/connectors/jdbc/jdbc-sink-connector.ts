import type { ConfigDef, ConfigValue } from "@/server/plugins/api/config-def";
import { SinkConnector, type ConnectionCheck, type TaskClass } from "@/server/plugins/api/connector";
import type { SinkTask } from "@/server/plugins/api/task";
import { jdbcSinkConfigDef, parseJdbcSinkSettings, validateJdbcSink } from "@/server/plugins/connectors/jdbc/jdbc-sink-config";
import { JdbcSinkTask } from "@/server/plugins/connectors/jdbc/jdbc-sink-task";
import { PostgresSession } from "@/server/plugins/connectors/postgres-client/postgres-session";
import { PLUGIN_VERSION } from "@/server/plugins/connectors/plugin-version";

/**
 * Confluent's JDBC sink connector (`io.confluent.connect.jdbc.JdbcSinkConnector`) for
 * PostgreSQL: its keys, insert and primary key modes, DDL support and deletes. `tasks.max`
 * identical tasks share the topics' partitions through the consumer group.
 */
export class JdbcSinkConnector extends SinkConnector {
  static readonly className = "io.confluent.connect.jdbc.JdbcSinkConnector";
  static readonly aliases = ["JdbcSink", "JdbcSinkConnector"];
  static readonly description = "Writes Kafka records into PostgreSQL tables (insert, upsert or update; deletes from tombstones), compatible with Confluent's JDBC sink connector.";

  private props: Record<string, string> = {};

  version(): string {
    return PLUGIN_VERSION;
  }

  config(): ConfigDef {
    return jdbcSinkConfigDef();
  }

  validate(_props: Record<string, string>, values: Map<string, ConfigValue>): void {
    validateJdbcSink(values);
  }

  start(props: Record<string, string>): void {
    parseJdbcSinkSettings(props);
    this.props = { ...props };
  }

  taskClass(): TaskClass<SinkTask> {
    return JdbcSinkTask;
  }

  taskConfigs(maxTasks: number): Record<string, string>[] {
    return Array.from({ length: maxTasks }, () => ({ ...this.props }));
  }

  stop(): void {}

  /** Connects with the config and reports the server and whether the user may create tables in its current schema. */
  async testConnection(props: Record<string, string>): Promise<ConnectionCheck> {
    const settings = parseJdbcSinkSettings(props);
    const session = await PostgresSession.open(settings.endpoint);
    try {
      const [version, schema, canCreate] = (await session.query("SELECT split_part(current_setting('server_version'), ' ', 1), current_schema(), has_schema_privilege(current_schema(), 'CREATE')", [], "checking privileges")).rows[0]!;
      return { message: `Connected to PostgreSQL ${version}; tables without a schema go to "${schema}"${canCreate === "t" ? "" : ", where this user may not create tables"}.` };
    } finally {
      await session.close();
    }
  }
}
