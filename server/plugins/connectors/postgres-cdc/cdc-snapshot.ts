import type { OffsetMap } from "@/server/plugins/api/offsets";
import type { SourceRecord } from "@/server/plugins/api/records";
import { changeRecords, type EventOrigin, type TextRow } from "@/server/plugins/connectors/postgres-cdc/cdc-events";
import type { TableSchemas } from "@/server/plugins/connectors/postgres-cdc/cdc-schemas";
import { qualifiedName } from "@/server/plugins/connectors/postgres-client/pg-catalog";
import { quoteLiteral, type PostgresSession } from "@/server/plugins/connectors/postgres-client/postgres-session";

const CURSOR = "tributary_snapshot";

/**
 * The initial snapshot: every captured table read in one REPEATABLE READ transaction that
 * imports the replication slot's exported snapshot, so the rows are exactly those committed at
 * the slot's consistent point and streaming continues from there with nothing lost or doubled.
 * Emits `op: r` events; the very last one says `snapshot: last` (and its offset
 * `last_snapshot_record: true`), which is how a restart knows the snapshot finished.
 */
export class SnapshotReader {
  private index = 0;
  private open = false;
  private held: { schemas: TableSchemas; row: TextRow } | null = null;
  private txId: number | null = null;
  private readonly startedMicros = BigInt(Date.now()) * 1000n;
  done = false;

  constructor(
    private readonly session: PostgresSession,
    private readonly tables: readonly TableSchemas[],
    private readonly snapshotName: string | null,
    private readonly consistentPoint: bigint,
    private readonly server: string,
    private readonly partition: OffsetMap,
  ) {}

  /** Starts the transaction (importing the exported snapshot when there is one). */
  async begin(): Promise<void> {
    await this.session.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", [], "starting the snapshot");
    if (this.snapshotName) await this.session.query(`SET TRANSACTION SNAPSHOT ${quoteLiteral(this.snapshotName)}`, [], "importing the slot's snapshot");
    const xmin = (await this.session.query("SELECT txid_snapshot_xmin(txid_current_snapshot())", [], "starting the snapshot")).rows[0]![0];
    this.txId = Number(xmin);
  }

  /** The next events, up to about `max`; sets `done` (and ends the transaction) after the last. */
  async next(max: number): Promise<SourceRecord[]> {
    const records: SourceRecord[] = [];
    while (records.length < max && this.index < this.tables.length) {
      const schemas = this.tables[this.index]!;
      if (!this.open) {
        const columns = schemas.columns.map((column) => `"${column.name.replaceAll('"', '""')}"`).join(", ");
        await this.session.query(`DECLARE ${CURSOR} NO SCROLL CURSOR FOR SELECT ${columns} FROM ${qualifiedName(schemas)}`, [], `reading ${schemas.schema}.${schemas.table}`);
        this.open = true;
      }
      const result = await this.session.query(`FETCH ${max} FROM ${CURSOR}`, [], `reading ${schemas.schema}.${schemas.table}`);
      for (const row of result.rows) {
        if (this.held) records.push(...this.emit(this.held, "true"));
        this.held = { schemas, row };
      }
      if (result.rows.length < max) {
        await this.session.query(`CLOSE ${CURSOR}`, [], `reading ${schemas.schema}.${schemas.table}`);
        this.open = false;
        this.index++;
      }
    }
    if (this.index >= this.tables.length) {
      if (this.held) records.push(...this.emit(this.held, "last"));
      this.held = null;
      await this.session.query("COMMIT", [], "ending the snapshot");
      this.done = true;
    }
    return records;
  }

  private emit(held: { schemas: TableSchemas; row: TextRow }, snapshot: "true" | "last"): SourceRecord[] {
    const origin: EventOrigin = { server: this.server, database: this.session.endpoint.database, lsn: this.consistentPoint, commitLsn: null, txId: this.txId, timeMicros: this.startedMicros, snapshot };
    return changeRecords(held.schemas, "r", null, held.row, origin, this.partition, false);
  }
}
