import type { PostgresSession } from "@/server/plugins/connectors/postgres-client/postgres-session";
import { quoteIdentifier } from "@/server/plugins/connectors/postgres-client/postgres-session";

/** A table by schema and name (PostgreSQL's case, unquoted). */
export interface TableRef {
  schema: string;
  table: string;
}

/** One column as PostgreSQL's catalog describes it. */
export interface PgColumn {
  name: string;
  typeOid: number;
  /** `pg_type.typname` (`int4`, `numeric`, `timestamptz`, `_int4` for arrays). */
  typeName: string;
  /** The full SQL type, `format_type` (`numeric(10,2)`, `character varying(20)`). */
  sqlType: string;
  /** The type without its modifiers (`numeric`, `character varying`): casting to it never truncates. */
  baseSqlType: string;
  /** `pg_type.typcategory`: `A` arrays, `E` enums, `N` numbers, `S` strings, … */
  category: string;
  nullable: boolean;
  /** For `numeric(p,s)`: p and s; null when the column is unconstrained. */
  precision: number | null;
  scale: number | null;
  /** An identity column or one whose default draws from a sequence (`serial`). */
  autoIncrement: boolean;
  /** Position in the primary key from 1, or null. */
  primaryKeyPosition: number | null;
}

/** `relkind`s of pg_class for Kafka Connect JDBC's `table.types` names. */
export const TABLE_TYPE_KINDS: Readonly<Record<string, string>> = {
  TABLE: "r",
  "PARTITIONED TABLE": "p",
  VIEW: "v",
  "MATERIALIZED VIEW": "m",
  "FOREIGN TABLE": "f",
};

/** `"schema"."table"` for SQL. */
export function qualifiedName(ref: TableRef): string {
  return `${quoteIdentifier(ref.schema)}.${quoteIdentifier(ref.table)}`;
}

/**
 * The tables of the session's database whose `relkind` is one of `kinds`, outside the system
 * schemas, sorted by schema then name; `schemaPattern` (SQL LIKE) narrows the schemas.
 */
export async function listTables(session: PostgresSession, kinds: readonly string[], schemaPattern: string | null): Promise<TableRef[]> {
  const result = await session.query(
    `SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind = ANY($1::"char"[]) AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'
       AND ($2::text IS NULL OR n.nspname LIKE $2) AND NOT c.relispartition
     ORDER BY n.nspname, c.relname`,
    [kinds, schemaPattern],
    "listing tables",
  );
  return result.rows.map(([schema, table]) => ({ schema: schema!, table: table! }));
}

/** The columns of a table in their order, or an empty list when the table does not exist. */
export async function describeTable(session: PostgresSession, ref: TableRef): Promise<PgColumn[]> {
  const result = await session.query(
    `SELECT a.attname, a.atttypid, t.typname, format_type(a.atttypid, a.atttypmod), format_type(a.atttypid, NULL), t.typcategory, NOT a.attnotnull,
            CASE WHEN a.atttypid = 1700 AND a.atttypmod >= 4 THEN ((a.atttypmod - 4) >> 16) & 65535 END,
            CASE WHEN a.atttypid = 1700 AND a.atttypmod >= 4 THEN (a.atttypmod - 4) & 65535 END,
            a.attidentity <> '' OR coalesce(pg_get_expr(d.adbin, d.adrelid), '') LIKE 'nextval(%',
            array_position(i.indkey::int2[], a.attnum)
     FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
     LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     LEFT JOIN pg_index i ON i.indrelid = a.attrelid AND i.indisprimary
     WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped
     ORDER BY a.attnum`,
    [qualifiedName(ref)],
    `describing ${ref.schema}.${ref.table}`,
  );
  return result.rows.map((row) => ({
    name: row[0]!,
    typeOid: Number(row[1]),
    typeName: row[2]!,
    sqlType: row[3]!,
    baseSqlType: row[4]!,
    category: row[5]!,
    nullable: row[6] === "t",
    precision: row[7] === null ? null : Number(row[7]),
    scale: row[8] === null ? null : Number(row[8]),
    autoIncrement: row[9] === "t",
    primaryKeyPosition: row[10] === null ? null : Number(row[10]),
  }));
}

/** The primary key's column names in key order (empty when the table has none). */
export function primaryKey(columns: readonly PgColumn[]): string[] {
  return columns
    .filter((column) => column.primaryKeyPosition !== null)
    .sort((a, b) => a.primaryKeyPosition! - b.primaryKeyPosition!)
    .map((column) => column.name);
}
