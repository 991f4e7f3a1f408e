import { ConnectException } from "@/server/plugins/api/plugin-api";
import type { OffsetMap } from "@/server/plugins/api/offsets";
import type { JdbcSourceSettings } from "@/server/plugins/connectors/jdbc/jdbc-source-config";
import { rowMapping } from "@/server/plugins/connectors/jdbc/source-schema";
import { legacyTablePartition, QUERY_PARTITION, tablePartition } from "@/server/plugins/connectors/jdbc/source-offsets";
import type { QuerierMode, QuerierSpec } from "@/server/plugins/connectors/jdbc/table-querier";
import { describeTable, listTables, primaryKey, qualifiedName, type PgColumn, type TableRef } from "@/server/plugins/connectors/postgres-client/pg-catalog";
import type { PostgresSession } from "@/server/plugins/connectors/postgres-client/postgres-session";

const INTEGER_TYPES = new Set(["int2", "int4", "int8"]);

/** The tables the settings select, sorted by schema and name. */
export async function selectTables(session: PostgresSession, settings: JdbcSourceSettings): Promise<TableRef[]> {
  const all = await listTables(session, settings.tableKinds, settings.schemaPattern);
  const named = (ref: TableRef, names: readonly string[]) => names.includes(ref.table) || names.includes(`${ref.schema}.${ref.table}`);
  const matches = (ref: TableRef, patterns: readonly RegExp[]) => patterns.some((pattern) => pattern.test(`${ref.schema}.${ref.table}`));
  return all.filter(
    (ref) =>
      (settings.whitelist.length === 0 || named(ref, settings.whitelist)) &&
      !named(ref, settings.blacklist) &&
      (settings.include.length === 0 || matches(ref, settings.include)) &&
      !matches(ref, settings.exclude),
  );
}

/** The table's column that `mode` unset (or an empty incrementing.column.name) reads by: auto-incrementing, else a one-column integer primary key. */
function detectIncrementing(columns: readonly PgColumn[]): PgColumn | undefined {
  const auto = columns.find((column) => column.autoIncrement && INTEGER_TYPES.has(column.typeName));
  if (auto) return auto;
  const key = primaryKey(columns);
  const only = key.length === 1 ? columns.find((column) => column.name === key[0]) : undefined;
  return only && INTEGER_TYPES.has(only.typeName) ? only : undefined;
}

function column(columns: readonly PgColumn[], name: string, label: string, key: string): PgColumn {
  const found = columns.find((each) => each.name === name);
  if (!found) throw new ConnectException(`${label} has no column "${name}" (${key}); its columns are ${columns.map((each) => each.name).join(", ")}`);
  return found;
}

/** The mode and columns a querier reads by; throws ConnectException saying what to set when it cannot. */
function querierColumns(settings: JdbcSourceSettings, columns: readonly PgColumn[], label: string) {
  const mode: QuerierMode = settings.mode === "auto" ? "incrementing" : settings.mode;
  let incrementing: PgColumn | undefined;
  if (mode === "incrementing" || mode === "timestamp+incrementing") {
    incrementing = settings.incrementingColumn ? column(columns, settings.incrementingColumn, label, "incrementing.column.name") : detectIncrementing(columns);
    if (!incrementing) {
      const why = settings.mode === "auto" ? "mode is not set, so Tributary reads each table incrementally, but" : `mode=${settings.mode} and`;
      throw new ConnectException(`${why} ${label} has no auto-incrementing column or single-column integer primary key: set incrementing.column.name, or set mode (bulk copies the whole table at every poll; timestamp reads by timestamp.column.name)`);
    }
  }
  const timestamps = mode === "timestamp" || mode === "timestamp+incrementing" ? settings.timestampColumns.map((name) => column(columns, name, label, "timestamp.column.name")) : [];
  if (settings.validateNonNull) {
    if (incrementing?.nullable) throw new ConnectException(`Cannot read ${label} incrementally by column ${incrementing.name}: it is nullable (make it NOT NULL, or set validate.non.null=false)`);
    if (timestamps.length > 0 && timestamps.every((each) => each.nullable)) throw new ConnectException(`Cannot read ${label} by timestamp: every timestamp column (${timestamps.map((each) => each.name).join(", ")}) is nullable (make one NOT NULL, or set validate.non.null=false)`);
  }
  return { mode, incrementingColumn: incrementing?.name ?? null, timestampColumns: timestamps.map((each) => each.name) };
}

/** A querier per table, with its partition, fallback partitions, topic and schema. */
export async function tableSpecs(session: PostgresSession, settings: JdbcSourceSettings, tables: readonly TableRef[]): Promise<Array<{ spec: QuerierSpec; partitions: OffsetMap[] }>> {
  const specs: Array<{ spec: QuerierSpec; partitions: OffsetMap[] }> = [];
  for (const ref of tables) {
    const label = `${ref.schema}.${ref.table}`;
    const columns = await describeTable(session, ref);
    if (columns.length === 0) throw new ConnectException(`Table ${label} no longer exists`);
    const partition = tablePartition(ref);
    specs.push({
      partitions: [partition, legacyTablePartition(ref)],
      spec: {
        label,
        partition,
        topic: settings.topic ?? `${settings.topicPrefix}${ref.table}`,
        baseSql: `SELECT * FROM ${qualifiedName(ref)}`,
        suffix: settings.querySuffix,
        mapping: rowMapping(columns, settings.numericMapping, ref.table),
        timestampDelayMs: settings.timestampDelayMs,
        ...querierColumns(settings, columns, label),
      },
    });
  }
  return specs;
}

/** The querier of a `query` connector; its columns come from the query's own result (all optional). */
export async function querySpec(session: PostgresSession, settings: JdbcSourceSettings): Promise<QuerierSpec> {
  const probe = await session.query(`SELECT * FROM (${settings.query}) AS tributary_probe LIMIT 0`, [], "checking the query");
  const columns: PgColumn[] = [];
  for (const result of probe.columns) {
    const type = await session.query("SELECT typname, typcategory FROM pg_type WHERE oid = $1", [result.typeOid], "checking the query");
    const [typeName, category] = type.rows[0] ?? ["text", "S"];
    columns.push({ name: result.name, typeOid: result.typeOid, typeName: typeName!, sqlType: typeName!, baseSqlType: typeName!, category: category!, nullable: true, precision: null, scale: null, autoIncrement: false, primaryKeyPosition: null });
  }
  return {
    label: "query",
    partition: QUERY_PARTITION,
    topic: settings.topic ?? settings.topicPrefix,
    baseSql: settings.query,
    suffix: settings.querySuffix,
    mapping: rowMapping(columns, settings.numericMapping, null),
    timestampDelayMs: settings.timestampDelayMs,
    ...querierColumns({ ...settings, validateNonNull: false }, columns, "The query"),
  };
}
