import type { OffsetMap } from "@/server/plugins/api/offsets";
import { ConnectException, RetriableException } from "@/server/plugins/api/plugin-api";
import type { SourceRecord } from "@/server/plugins/api/records";
import { SourceTask } from "@/server/plugins/api/task";
import { captures, parseCdcSettings, type CdcSettings } from "@/server/plugins/connectors/postgres-cdc/cdc-config";
import { changeRecords, keyChanged, type EventOrigin, type TextRow } from "@/server/plugins/connectors/postgres-cdc/cdc-events";
import { tableSchemas, type TableSchemas } from "@/server/plugins/connectors/postgres-cdc/cdc-schemas";
import { SnapshotReader } from "@/server/plugins/connectors/postgres-cdc/cdc-snapshot";
import { decodePgOutput, PG_EPOCH_MICROS, type RelationColumn } from "@/server/plugins/connectors/postgres-cdc/pgoutput";
import { ensurePublication } from "@/server/plugins/connectors/postgres-cdc/publication";
import { describeTable, listTables, TABLE_TYPE_KINDS } from "@/server/plugins/connectors/postgres-client/pg-catalog";
import { PostgresSession } from "@/server/plugins/connectors/postgres-client/postgres-session";
import { LogicalReplicationStream } from "@/server/plugins/connectors/postgres-client/replication-stream";
import { PLUGIN_VERSION } from "@/server/plugins/connectors/plugin-version";

/** A relation as the stream describes it, with how its tuples map to the table's schemas (null: not captured). */
interface Relation {
  schemas: TableSchemas | null;
  /** For each schema column, its position in the stream's tuples. */
  positions: number[];
}

/** Where a restart resumes: changes at or before this point were stored as delivered. */
interface ResumePoint {
  commitLsn: bigint;
  changeLsn: bigint;
}

/**
 * Debezium-style change data capture from PostgreSQL through logical replication (`pgoutput`).
 * On the first start it creates the slot (exporting its snapshot), reads every captured table in
 * that snapshot (`op: r`), then streams the slot's changes in commit order (`op: c/u/d`, each
 * delete followed by a tombstone). Offsets (partition `{"server": <topic.prefix>}`) hold the
 * change and commit LSNs; a restart skips the changes they cover, and never snapshots again once
 * the snapshot's last record was stored.
 *
 * Invariant: the slot is told a transaction is processed (its WAL may be recycled, and a
 * restart resumes after it) only once Kafka acknowledged every record made from it and from
 * every transaction before it: each record gets a sequence number, `commitRecord` (called by the
 * runtime once Kafka acknowledged the record, or it was dropped and reported) removes it from the
 * pending ones, and a transaction's end LSN is confirmed when no record up to its last is pending,
 * at the runtime's `commit()`, which comes once the source offsets are stored: the slot never runs
 * ahead of the offsets a restart resumes from (as Debezium confirms on commit).
 */
export class PostgresCdcTask extends SourceTask {
  static readonly className = "io.debezium.connector.postgresql.PostgresConnectorTask";

  private settings!: CdcSettings;
  private partition!: OffsetMap;
  private session: PostgresSession | null = null;
  private stream: LogicalReplicationStream | null = null;
  private snapshot: SnapshotReader | null = null;
  private resume: ResumePoint | null = null;
  private readonly relations = new Map<number, Relation>();
  private transaction: { xid: number; commitLsn: bigint; timeMicros: bigint } | null = null;
  private nextSequence = 0;
  /** Records polled and not yet acknowledged, by sequence number (insertion order is sequence order). */
  private readonly pending = new Map<SourceRecord, number>();
  /** Transactions read to their commit: the sequence after their last record, and their end LSN. */
  private readonly completed: Array<{ sequence: number; endLsn: bigint }> = [];
  private stopped = false;

  version(): string {
    return PLUGIN_VERSION;
  }

  async start(props: Record<string, string>): Promise<void> {
    this.settings = parseCdcSettings(props);
    this.partition = { server: this.settings.topicPrefix };
    const stored = await this.context.offsetStorageReader().offset(this.partition);
    this.session = await PostgresSession.open({ ...this.settings.endpoint, applicationName: "tributary-cdc-snapshot" });
    const walLevel = (await this.session.query("SHOW wal_level", [], "checking wal_level")).rows[0]![0];
    if (walLevel !== "logical") throw new ConnectException(`PostgreSQL's wal_level is ${walLevel}; change data capture needs wal_level=logical in postgresql.conf (then restart PostgreSQL)`);
    await ensurePublication(this.session, this.settings);
    this.stream = await LogicalReplicationStream.open(this.settings.endpoint);
    const snapshotDone = stored !== null && !(stored.snapshot === true && stored.last_snapshot_record !== true);
    const wantsSnapshot = (this.settings.snapshotMode === "initial" || this.settings.snapshotMode === "initial_only") && !snapshotDone;
    const slot = (await this.stream.slotExists(this.settings.slotName)) ? null : await this.stream.createSlot(this.settings.slotName, wantsSnapshot);
    if (typeof stored?.lsn_commit === "number" && typeof stored.lsn_proc === "number") this.resume = { commitLsn: BigInt(stored.lsn_commit), changeLsn: BigInt(stored.lsn_proc) };
    if (wantsSnapshot) {
      const consistentPoint = slot?.consistentPoint ?? 0n;
      this.snapshot = new SnapshotReader(this.session, await this.capturedTables(), slot?.snapshotName ?? null, consistentPoint, this.settings.topicPrefix, this.partition);
      await this.snapshot.begin();
    } else if (this.settings.snapshotMode !== "initial_only") {
      this.stream.start(this.settings.slotName, this.settings.publicationName);
    }
  }

  async poll(): Promise<SourceRecord[] | null> {
    if (this.stopped) return null;
    if (this.snapshot) return this.pollSnapshot();
    if (this.settings.snapshotMode === "initial_only") {
      await new Promise((resolve) => setTimeout(resolve, this.settings.pollIntervalMs));
      return null;
    }
    const messages = await this.take();
    const records: SourceRecord[] = [];
    for (const message of messages) {
      const made = await this.handle(decodePgOutput(message.data), message.walStart);
      this.track(made);
      records.push(...made);
    }
    return records;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.stream?.close();
    await this.session?.close();
  }

  commitRecord(record: SourceRecord): void {
    this.pending.delete(record);
  }

  commit(): void {
    this.confirmAcknowledged();
  }

  /** Confirms to the slot the end of every transaction whose records Kafka has all acknowledged (see the class Invariant). */
  private confirmAcknowledged(): void {
    const lowestPending = this.pending.values().next().value ?? this.nextSequence;
    let lsn: bigint | null = null;
    while (this.completed.length > 0 && this.completed[0]!.sequence <= lowestPending) lsn = this.completed.shift()!.endLsn;
    if (lsn !== null) this.stream?.confirm(lsn);
  }

  /**
   * The stream's next messages. A lost replication connection (or a slot still held by the
   * connection of a worker that just died) is reopened after `poll.interval.ms`: streaming resumes
   * after the last confirmed transaction, so the open transaction is read again from its start.
   */
  private async take() {
    try {
      return await this.stream!.take(this.settings.maxBatchSize, this.settings.pollIntervalMs);
    } catch (error) {
      if (!(error instanceof RetriableException) || this.stopped) throw error;
      await this.stream!.close();
      await new Promise((resolve) => setTimeout(resolve, this.settings.pollIntervalMs));
      this.stream = await LogicalReplicationStream.open(this.settings.endpoint);
      this.relations.clear();
      this.transaction = null;
      this.completed.length = 0;
      this.stream.start(this.settings.slotName, this.settings.publicationName);
      throw error;
    }
  }

  private track(records: readonly SourceRecord[]): void {
    for (const record of records) this.pending.set(record, this.nextSequence++);
  }

  private async pollSnapshot(): Promise<SourceRecord[]> {
    const records = await this.snapshot!.next(this.settings.maxBatchSize);
    this.track(records);
    if (this.snapshot!.done) {
      this.snapshot = null;
      if (this.settings.snapshotMode !== "initial_only") this.stream!.start(this.settings.slotName, this.settings.publicationName);
    }
    return records;
  }

  private async capturedTables(): Promise<TableSchemas[]> {
    const tables = (await listTables(this.session!, [TABLE_TYPE_KINDS.TABLE!, TABLE_TYPE_KINDS["PARTITIONED TABLE"]!], null)).filter((ref) => captures(this.settings, ref.schema, ref.table));
    const schemas: TableSchemas[] = [];
    for (const ref of tables) schemas.push(tableSchemas(this.settings.topicPrefix, ref.schema, ref.table, await describeTable(this.session!, ref), []));
    return schemas;
  }

  private async relation(relationId: number, schema: string, table: string, columns: RelationColumn[]): Promise<void> {
    if (!captures(this.settings, schema, table)) {
      this.relations.set(relationId, { schemas: null, positions: [] });
      return;
    }
    const described = await describeTable(this.session!, { schema, table });
    const present = described.filter((column) => columns.some((each) => each.name === column.name));
    const schemas = tableSchemas(this.settings.topicPrefix, schema, table, present, columns.filter((column) => column.key).map((column) => column.name));
    this.relations.set(relationId, { schemas, positions: present.map((column) => columns.findIndex((each) => each.name === column.name)) });
  }

  /** Whether a change was already stored as delivered before a restart. */
  private delivered(commitLsn: bigint, changeLsn: bigint): boolean {
    const resume = this.resume;
    return resume !== null && (commitLsn < resume.commitLsn || (commitLsn === resume.commitLsn && changeLsn <= resume.changeLsn));
  }

  private async handle(message: ReturnType<typeof decodePgOutput>, walStart: bigint): Promise<SourceRecord[]> {
    switch (message.tag) {
      case "begin":
        this.transaction = { xid: message.xid, commitLsn: message.finalLsn, timeMicros: message.commitTimeMicros + PG_EPOCH_MICROS };
        return [];
      case "commit":
        this.transaction = null;
        this.completed.push({ sequence: this.nextSequence, endLsn: message.endLsn });
        return [];
      case "relation":
        await this.relation(message.relationId, message.schema, message.table, message.columns);
        return [];
      case "insert":
      case "update":
      case "delete":
        return this.change(message, walStart);
      default:
        return [];
    }
  }

  private change(message: Extract<ReturnType<typeof decodePgOutput>, { tag: "insert" | "update" | "delete" }>, walStart: bigint): SourceRecord[] {
    const relation = this.relations.get(message.relationId);
    const tx = this.transaction;
    if (!relation?.schemas || !tx || this.delivered(tx.commitLsn, walStart)) return [];
    const { schemas, positions } = relation;
    const pick = (tuple: TextRow | null) => (tuple ? positions.map((position) => tuple[position]) : null);
    const origin: EventOrigin = { server: this.settings.topicPrefix, database: this.settings.endpoint.database, lsn: walStart, commitLsn: tx.commitLsn, txId: tx.xid, timeMicros: tx.timeMicros, snapshot: "false" };
    const records = (op: "c" | "u" | "d", before: TextRow | null, after: TextRow | null) => changeRecords(schemas, op, before, after, origin, this.partition, this.settings.tombstonesOnDelete);
    if (message.tag === "insert") return records("c", null, pick(message.after));
    if (message.tag === "delete") return records("d", pick(message.before), null);
    const before = pick(message.before);
    const after = pick(message.after)!;
    if (keyChanged(schemas, before, after)) return [...records("d", before, null), ...records("c", null, after)];
    return records("u", before, after);
  }
}
