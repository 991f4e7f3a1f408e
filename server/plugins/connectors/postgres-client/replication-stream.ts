import type pg from "pg";
import { RetriableException } from "@/server/plugins/api/plugin-api";
import { postgresError } from "@/server/plugins/connectors/postgres-client/postgres-errors";
import { PostgresSession, quoteIdentifier, quoteLiteral, type PostgresEndpoint } from "@/server/plugins/connectors/postgres-client/postgres-session";

/** PostgreSQL's epoch (2000-01-01) in Unix milliseconds, for the replication protocol's timestamps. */
const PG_EPOCH_MS = 946_684_800_000;
const STATUS_INTERVAL_MS = 10_000;
/** Messages held before the socket is paused until the consumer catches up. */
const HIGH_WATER = 50_000;

/** An LSN (`16/B374D848`) as a number of bytes. */
export function parseLsn(text: string): bigint {
  const [high = "0", low = "0"] = text.split("/");
  return (BigInt(`0x${high}`) << 32n) | BigInt(`0x${low}`);
}

/** An LSN in PostgreSQL's text form. */
export function formatLsn(lsn: bigint): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;
}

/** The parts of the driver's connection a replication stream writes to (the driver's typings omit them). */
interface Wire {
  query(sql: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  stream?: { pause(): void; resume(): void };
}

/** One output plugin message and the WAL position it was sent at. */
export interface WalMessage {
  walStart: bigint;
  data: Buffer;
}

/** What CREATE_REPLICATION_SLOT answered: where the slot starts and the exported snapshot. */
export interface CreatedSlot {
  consistentPoint: bigint;
  snapshotName: string | null;
}

/**
 * A logical replication connection (PostgreSQL's streaming replication protocol on a
 * `replication=database` connection): creates the slot, streams the output plugin's messages
 * into a queue the caller drains, answers keepalives, and reports to the server the position
 * the caller confirmed, and nothing further.
 *
 * Invariant: the flush position sent to the server (and so the slot's confirmed_flush_lsn) only
 * ever comes from `confirm`; receiving a message never confirms it.
 */
export class LogicalReplicationStream {
  private readonly queue: WalMessage[] = [];
  private confirmed = 0n;
  private failure: Error | null = null;
  private connection: Wire | null = null;
  private waiting: (() => void) | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private paused = false;

  private constructor(private readonly session: PostgresSession) {}

  /** Opens a replication connection. */
  static async open(endpoint: PostgresEndpoint): Promise<LogicalReplicationStream> {
    return new LogicalReplicationStream(await PostgresSession.open({ ...endpoint, applicationName: endpoint.applicationName ?? "tributary-cdc" }, { replication: true }));
  }

  /** Whether the slot exists in this database. */
  async slotExists(slot: string): Promise<boolean> {
    const result = await this.session.query(`SELECT 1 FROM pg_replication_slots WHERE slot_name = ${quoteLiteral(slot)}`, [], "looking up the replication slot");
    return result.rows.length > 0;
  }

  /**
   * Creates a logical slot with the `pgoutput` plugin; `exportSnapshot` also exports the snapshot
   * of its consistent point, usable by other sessions (`SET TRANSACTION SNAPSHOT`) until this
   * connection runs its next command.
   */
  async createSlot(slot: string, exportSnapshot: boolean): Promise<CreatedSlot> {
    const result = await this.session.query(`CREATE_REPLICATION_SLOT ${quoteIdentifier(slot)} LOGICAL pgoutput ${exportSnapshot ? "EXPORT_SNAPSHOT" : "NOEXPORT_SNAPSHOT"}`, [], `creating replication slot ${slot}`);
    const row = result.rows[0]!;
    return { consistentPoint: parseLsn(row[1]!), snapshotName: row[2] ?? null };
  }

  /**
   * Starts streaming `publication`'s changes from the slot (protocol version 1): the server
   * resumes after the slot's confirmed position (reports of lower positions leave it there).
   */
  start(slot: string, publication: string): void {
    const sql = `START_REPLICATION SLOT ${quoteIdentifier(slot)} LOGICAL 0/0 (proto_version '1', publication_names ${quoteLiteral(quoteIdentifier(publication))})`;
    const stream = {
      submit: (connection: Wire) => {
        this.connection = connection;
        connection.query(sql);
      },
      handleCopyData: (message: { chunk: Buffer }) => this.receive(message.chunk),
      handleError: (error: Error) => this.fail(postgresError(error, this.session.target, `streaming from slot ${slot}`)),
      handleReadyForQuery: () => this.fail(new RetriableException(`The server ended replication from slot ${slot}`)),
      handleCommandComplete: () => {},
      handleRowDescription: () => {},
      handleDataRow: () => {},
      handleEmptyQuery: () => {},
      handlePortalSuspended: () => {},
      handleCopyInResponse: () => {},
    };
    this.session.submit(stream as unknown as pg.Submittable);
    this.timer = setInterval(() => this.sendStatus(), STATUS_INTERVAL_MS);
  }

  /** Up to `max` queued messages, waiting at most `waitMs` for the first; throws once the stream failed. */
  async take(max: number, waitMs: number): Promise<WalMessage[]> {
    if (this.queue.length === 0 && !this.failure && !this.session.failed) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, waitMs);
        this.waiting = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.waiting = null;
    }
    if (this.queue.length === 0 && (this.failure || this.session.failed)) throw this.failure ?? new RetriableException("The replication connection was lost");
    const taken = this.queue.splice(0, max);
    if (this.paused && this.queue.length < HIGH_WATER / 2) {
      this.paused = false;
      this.socket()?.resume();
    }
    return taken;
  }

  /** Ends a pending `take` at once (the task is stopping). */
  interrupt(): void {
    this.waiting?.();
  }

  /** Tells the server everything up to `lsn` is processed: the slot may release that WAL. */
  confirm(lsn: bigint): void {
    if (lsn <= this.confirmed) return;
    this.confirmed = lsn;
    this.sendStatus();
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.interrupt();
    await this.session.close();
  }

  private socket(): { pause(): void; resume(): void } | null {
    return this.connection?.stream ?? null;
  }

  /** Queues an XLogData message (copied: the driver reuses the chunk's memory for what it reads next) or answers a keepalive. */
  private receive(chunk: Buffer): void {
    if (chunk[0] === 0x77) {
      this.queue.push({ walStart: chunk.readBigUInt64BE(1), data: Buffer.from(chunk.subarray(25)) });
      if (!this.paused && this.queue.length >= HIGH_WATER) {
        this.paused = true;
        this.socket()?.pause();
      }
      this.waiting?.();
    } else if (chunk[0] === 0x6b && chunk[17] === 1) {
      this.sendStatus();
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.waiting?.();
  }

  /** A Standby Status Update reporting `confirmed` as written, flushed and applied. */
  private sendStatus(): void {
    if (!this.connection || this.failure) return;
    const message = Buffer.alloc(34);
    message[0] = 0x72;
    message.writeBigUInt64BE(this.confirmed, 1);
    message.writeBigUInt64BE(this.confirmed, 9);
    message.writeBigUInt64BE(this.confirmed, 17);
    message.writeBigInt64BE(BigInt(Date.now() - PG_EPOCH_MS) * 1000n, 25);
    this.connection.sendCopyFromChunk(message);
  }
}
