import type { OffsetMap } from "@/server/plugins/api/offsets";
import { SourceRecord } from "@/server/plugins/api/records";
import { rowToStruct, type RowMapping } from "@/server/plugins/connectors/jdbc/source-schema";
import { decodeSourceOffset, encodeSourceOffset, type SourcePosition } from "@/server/plugins/connectors/jdbc/source-offsets";
import { formatPgInstant, parsePgInstant } from "@/server/plugins/connectors/postgres-client/pg-text-values";
import { quoteIdentifier, type PostgresSession } from "@/server/plugins/connectors/postgres-client/postgres-session";

/** How one querier finds its rows. */
export type QuerierMode = "bulk" | "incrementing" | "timestamp" | "timestamp+incrementing";

/** What one querier reads and where its records go. */
export interface QuerierSpec {
  /** A name for logs and messages: `public.orders`, or `query`. */
  label: string;
  partition: OffsetMap;
  topic: string;
  /** `SELECT * FROM "s"."t"`, or the user's query; the mode's WHERE clause is appended. */
  baseSql: string;
  suffix: string;
  mode: QuerierMode;
  incrementingColumn: string | null;
  timestampColumns: readonly string[];
  mapping: RowMapping;
  timestampDelayMs: number;
}

const CURSOR = "tributary_source";

/**
 * Reads one table (or the query) as Kafka Connect JDBC's table queriers do, one query at a time:
 * `start` opens a cursor (in a transaction) on the rows after the current position in the
 * mode's order, `next` fetches up to n of them as SourceRecords whose offsets are the position
 * after each row, and once the cursor is exhausted the querier closes it and waits for its next
 * poll time. Positions use Kafka Connect JDBC's offset layout (see source-offsets.ts), so
 * offsets move between Tributary and the Confluent connector.
 *
 * Rows are ordered by the incrementing column, the timestamp, or both, so a restart from the
 * last committed offset neither skips nor repeats committed rows (rows committed in the database
 * out of order, or sharing one timestamp in `timestamp` mode, are the modes' known limits).
 */
export class TableQuerier {
  private position: SourcePosition;
  private active = false;
  /** When the next query may start (epoch ms). */
  nextPollAt = 0;

  constructor(
    readonly spec: QuerierSpec,
    stored: OffsetMap | null,
    initialTimestampMs: number | null,
  ) {
    this.position = decodeSourceOffset(stored, initialTimestampMs);
  }

  /** Whether a query is open (its cursor has rows left, or has not been read to the end yet). */
  get querying(): boolean {
    return this.active;
  }

  /** Opens the cursor of the next query inside a new transaction on `session`. */
  async start(session: PostgresSession): Promise<void> {
    const { sql, params } = this.statement();
    await session.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", [], `reading ${this.spec.label}`);
    await session.query(`DECLARE ${CURSOR} NO SCROLL CURSOR FOR ${sql}`, params, `querying ${this.spec.label}`);
    this.active = true;
  }

  /**
   * Up to `max` records from the open cursor. When fewer come back the query is done: the
   * transaction ends and the next query waits until `now + pollIntervalMs`.
   */
  async next(session: PostgresSession, max: number, pollIntervalMs: number): Promise<SourceRecord[]> {
    const result = await session.query(`FETCH ${max} FROM ${CURSOR}`, [], `reading ${this.spec.label}`);
    const records = result.rows.map((row) => this.record(row));
    if (result.rows.length < max) {
      await session.query("COMMIT", [], `reading ${this.spec.label}`);
      this.active = false;
      this.nextPollAt = Date.now() + pollIntervalMs;
    }
    return records;
  }

  /** Forgets an open query after its connection failed; the next query resumes from the last row read. */
  abandon(): void {
    this.active = false;
  }

  private record(row: ReadonlyArray<string | null>): SourceRecord {
    const { spec } = this;
    const value = rowToStruct(spec.mapping, row);
    if (spec.mode !== "bulk") this.advance(row);
    return new SourceRecord({
      topic: spec.topic,
      valueSchema: spec.mapping.schema,
      value,
      sourcePartition: spec.partition,
      sourceOffset: spec.mode === "bulk" ? null : encodeSourceOffset(this.position),
    });
  }

  private advance(row: ReadonlyArray<string | null>): void {
    const { spec } = this;
    const columns = spec.mapping.columns;
    if (spec.incrementingColumn !== null) {
      const text = row[columns.findIndex((column) => column.name === spec.incrementingColumn)];
      if (text !== null && text !== undefined) this.position = { ...this.position, incrementing: BigInt(text) };
    }
    if (spec.timestampColumns.length > 0) {
      for (const name of spec.timestampColumns) {
        const text = row[columns.findIndex((column) => column.name === name)];
        if (text !== null && text !== undefined) {
          this.position = { ...this.position, timestamp: parsePgInstant(text) };
          break;
        }
      }
    }
  }

  /** The query of the mode with its WHERE clause, ORDER BY and parameters (Kafka Connect JDBC's criteria). */
  private statement(): { sql: string; params: unknown[] } {
    const { spec, position } = this;
    const inc = spec.incrementingColumn === null ? "" : quoteIdentifier(spec.incrementingColumn);
    const ts = spec.timestampColumns.length === 1 ? quoteIdentifier(spec.timestampColumns[0]!) : `COALESCE(${spec.timestampColumns.map(quoteIdentifier).join(", ")})`;
    const end = `(CURRENT_TIMESTAMP - $2 * interval '1 millisecond')`;
    const since = formatPgInstant(position.timestamp ?? { millis: 0, nanos: 0 });
    const suffix = spec.suffix ? ` ${spec.suffix}` : "";
    switch (spec.mode) {
      case "bulk":
        return { sql: `${spec.baseSql}${suffix}`, params: [] };
      case "incrementing":
        return { sql: `${spec.baseSql} WHERE ${inc} > $1 ORDER BY ${inc} ASC${suffix}`, params: [String(position.incrementing ?? -1n)] };
      case "timestamp":
        return { sql: `${spec.baseSql} WHERE ${ts} > $1 AND ${ts} < ${end} ORDER BY ${ts} ASC${suffix}`, params: [since, spec.timestampDelayMs] };
      case "timestamp+incrementing":
        return {
          sql: `${spec.baseSql} WHERE ${ts} < ${end} AND ((${ts} = $1 AND ${inc} > $3) OR ${ts} > $1) ORDER BY ${ts}, ${inc} ASC${suffix}`,
          params: [since, spec.timestampDelayMs, String(position.incrementing ?? -1n)],
        };
    }
  }
}
