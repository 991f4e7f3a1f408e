import { ConnectException } from "@/server/plugins/api/plugin-api";
import type { SinkColumn } from "@/server/plugins/connectors/jdbc/sink-fields";
import { sqlTypeFor } from "@/server/plugins/connectors/jdbc/sink-sql";
import { describeTable, primaryKey, qualifiedName, type PgColumn, type TableRef } from "@/server/plugins/connectors/postgres-client/pg-catalog";
import { quoteIdentifier, type PostgresSession } from "@/server/plugins/connectors/postgres-client/postgres-session";

/** A destination table as the sink knows it: its reference, SQL name, columns by name and primary key. */
export interface SinkTable {
  ref: TableRef;
  sql: string;
  columns: Map<string, PgColumn>;
  primaryKey: string[];
}

/**
 * The sink's destination tables: the table a topic writes to (`table.name.format`, `${topic}`
 * replaced; `schema.table` or just `table`, in the session's current schema), its columns, and
 * `auto.create` / `auto.evolve` (Kafka Connect JDBC's DDL: CREATE TABLE with the key columns as
 * PRIMARY KEY, ALTER TABLE … ADD for new optional fields). Column lists are cached per task and
 * refreshed after DDL.
 */
export class SinkTables {
  private readonly cache = new Map<string, SinkTable>();
  private defaultSchema: string | null = null;

  constructor(private readonly options: { tableNameFormat: string; autoCreate: boolean; autoEvolve: boolean }) {}

  /** The table name a topic writes to. */
  nameFor(topic: string): string {
    return this.options.tableNameFormat.replaceAll("${topic}", topic);
  }

  /** Forgets cached columns (after a failed transaction, whose DDL was rolled back). */
  clear(): void {
    this.cache.clear();
  }

  /**
   * The table `name` ready for rows with `columns`: created or evolved when allowed.
   * @throws ConnectException when it is missing or lacks columns and the DDL keys do not allow the change.
   */
  async prepare(session: PostgresSession, name: string, columns: readonly SinkColumn[]): Promise<SinkTable> {
    let table = this.cache.get(name) ?? (await this.load(session, name)) ?? (await this.createTable(session, name, columns));
    const missing = columns.filter((column) => !table.columns.has(column.name));
    if (missing.length > 0) {
      if (!this.options.autoEvolve) throw new ConnectException(`Table ${name} has no column ${missing.map((column) => column.name).join(", ")} for the record's fields: add the columns, or set auto.evolve=true`);
      for (const column of missing) {
        if (!column.schema.optional && column.schema.defaultValue === null) {
          throw new ConnectException(`Cannot add the required (non-optional) field ${column.name} to table ${name}: make the field optional or give it a default, or add the column yourself`);
        }
        await session.query(`ALTER TABLE ${table.sql} ADD COLUMN IF NOT EXISTS ${quoteIdentifier(column.name)} ${sqlTypeFor(column.schema)} NULL`, [], `evolving ${name}`);
      }
      this.cache.delete(name);
      table = (await this.load(session, name))!;
    }
    return table;
  }

  private async createTable(session: PostgresSession, name: string, columns: readonly SinkColumn[]): Promise<SinkTable> {
    if (!this.options.autoCreate) throw new ConnectException(`Table ${name} does not exist in ${session.endpoint.database}: create it, or set auto.create=true`);
    await this.create(session, name, columns);
    return (await this.load(session, name))!;
  }

  private async ref(session: PostgresSession, name: string): Promise<TableRef> {
    const dot = name.indexOf(".");
    if (dot > 0) return { schema: name.slice(0, dot), table: name.slice(dot + 1) };
    this.defaultSchema ??= (await session.query("SELECT current_schema()", [], "reading the current schema")).rows[0]![0] ?? "public";
    return { schema: this.defaultSchema, table: name };
  }

  private async load(session: PostgresSession, name: string): Promise<SinkTable | undefined> {
    const ref = await this.ref(session, name);
    const columns = await describeTable(session, ref);
    if (columns.length === 0) return undefined;
    const table = { ref, sql: qualifiedName(ref), columns: new Map(columns.map((column) => [column.name, column])), primaryKey: primaryKey(columns) };
    this.cache.set(name, table);
    return table;
  }

  private async create(session: PostgresSession, name: string, columns: readonly SinkColumn[]): Promise<void> {
    const ref = await this.ref(session, name);
    const keys = columns.filter((column) => column.primaryKey).map((column) => quoteIdentifier(column.name));
    const definitions = columns.map((column) => `${quoteIdentifier(column.name)} ${sqlTypeFor(column.schema)} ${column.schema.optional && !column.primaryKey ? "NULL" : "NOT NULL"}`);
    if (keys.length > 0) definitions.push(`PRIMARY KEY (${keys.join(", ")})`);
    await session.query(`CREATE TABLE IF NOT EXISTS ${qualifiedName(ref)} (${definitions.join(", ")})`, [], `creating ${name}`);
  }
}
