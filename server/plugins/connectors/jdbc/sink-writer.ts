import { ConnectException } from "@/server/plugins/api/plugin-api";
import type { SinkRecord } from "@/server/plugins/api/records";
import { sinkRow, type FieldRules, type SinkColumn, type SinkRow } from "@/server/plugins/connectors/jdbc/sink-fields";
import { deleteStatement, sqlParam, writeStatement, type StatementColumn } from "@/server/plugins/connectors/jdbc/sink-sql";
import type { SinkTable, SinkTables } from "@/server/plugins/connectors/jdbc/sink-tables";
import type { PostgresSession } from "@/server/plugins/connectors/postgres-client/postgres-session";

/** Kafka Connect JDBC's `insert.mode`. */
export type InsertMode = "insert" | "upsert" | "update";

/** How the writer turns records into statements. */
export interface WriterSettings {
  insertMode: InsertMode;
  batchSize: number;
  rules: FieldRules;
}

/** Rows of one table that one statement kind writes with one column list. */
interface Run {
  table: string;
  delete: boolean;
  signature: string;
  rows: SinkRow[];
}

/**
 * Writes records as few statements as possible: per table, consecutive records of the same kind
 * (write or delete) and the same columns form a run; each run is written `batch.size` rows per
 * statement with one array parameter per column (multi-row INSERT … SELECT FROM unnest, with
 * ON CONFLICT DO UPDATE for upserts). In upsert, update and delete runs only the last record of
 * each key counts, which is what applying them one by one would leave. The caller owns the
 * transaction: a put commits all of its statements at once, so a redelivered batch under
 * upsert leaves the same rows.
 */
export class SinkWriter {
  constructor(
    private readonly tables: SinkTables,
    private readonly settings: WriterSettings,
  ) {}

  /** Writes `records` in order on `session`, inside the caller's transaction. */
  async write(session: PostgresSession, records: readonly SinkRecord[]): Promise<void> {
    for (const run of this.runs(records)) await this.flush(session, run);
  }

  private runs(records: readonly SinkRecord[]): Run[] {
    const byTable = new Map<string, Run[]>();
    for (const record of records) {
      const row = sinkRow(record, this.settings.rules);
      if (!row) continue;
      const table = this.tables.nameFor(record.topic);
      const signature = row.columns.map((column) => column.name).join("\u0000");
      const runs = byTable.get(table) ?? [];
      byTable.set(table, runs);
      const last = runs.at(-1);
      if (last && last.delete === row.delete && last.signature === signature) last.rows.push(row);
      else runs.push({ table, delete: row.delete, signature, rows: [row] });
    }
    return [...byTable.values()].flat();
  }

  private async flush(session: PostgresSession, run: Run): Promise<void> {
    const { insertMode, batchSize } = this.settings;
    const first = run.rows[0]!.columns;
    const table = await this.tables.prepare(session, run.table, run.delete ? [] : first);
    const keys = first.filter((column) => column.primaryKey).map((column) => column.name);
    if (keys.length === 0 && (run.delete || insertMode !== "insert")) {
      throw new ConnectException(`${run.delete ? "Deleting" : `insert.mode=${insertMode}`} needs key columns: set pk.mode (record_key, record_value or kafka)`);
    }
    const columns = (run.delete ? first.filter((column) => column.primaryKey) : first).map((column) => statementColumn(table, column));
    const rows = run.delete || insertMode !== "insert" ? lastPerKey(run.rows, keys.length) : run.rows;
    const sql = run.delete ? deleteStatement(table.sql, columns) : writeStatement(insertMode, table.sql, columns, keys);
    for (let start = 0; start < rows.length; start += batchSize) {
      const chunk = rows.slice(start, start + batchSize);
      const params = columns.map((_, i) => chunk.map((row) => sqlParam(row.columns[i]!.value, row.columns[i]!.schema)));
      await session.query(sql, params, `writing to ${run.table}`);
    }
  }
}

function statementColumn(table: SinkTable, column: SinkColumn): StatementColumn {
  const existing = table.columns.get(column.name);
  if (!existing) throw new ConnectException(`Table ${table.ref.schema}.${table.ref.table} has no column ${column.name}`);
  return { name: column.name, sqlType: existing.baseSqlType };
}

/** The rows with the last row of each key (the first `keyCount` columns), in the order of their last appearance. */
function lastPerKey(rows: readonly SinkRow[], keyCount: number): SinkRow[] {
  const byKey = new Map<string, SinkRow>();
  for (const row of rows) {
    const key = row.columns
      .slice(0, keyCount)
      .map((column) => {
        const param = sqlParam(column.value, column.schema);
        return Buffer.isBuffer(param) ? param.toString("hex") : String(param);
      })
      .join("\u0000");
    byKey.delete(key);
    byKey.set(key, row);
  }
  return [...byKey.values()];
}
