import pg from "pg";
import { postgresError, type ErrorTarget } from "@/server/plugins/connectors/postgres-client/postgres-errors";

/**
 * How to reach one PostgreSQL database. `ssl`: `disable` (the default) or `require` (TLS without
 * verifying the server's certificate, libpq's meaning), or `verify-full`.
 */
export interface PostgresEndpoint {
  host: string;
  port: number;
  database: string;
  user: string | null;
  password: string | null;
  ssl?: "disable" | "require" | "verify-full";
  /** Shown in `pg_stat_activity.application_name`. */
  applicationName?: string;
}

/** A result column: its name and the OID of its type (`pg_type.oid`). */
export interface ResultColumn {
  name: string;
  typeOid: number;
}

/**
 * A statement's result with every value in PostgreSQL's text form (`null` for SQL NULL), exactly
 * as the server sent it: numerics keep every digit, timestamps their microseconds, bytea is
 * `\x…` hex. Interpreting values is the caller's business.
 */
export interface RowSet {
  columns: ResultColumn[];
  rows: Array<Array<string | null>>;
  /** Rows affected (or returned); null when the command reports none. */
  rowCount: number | null;
}

/** Every type parser is the identity: values stay in their text form (see RowSet). */
const RAW_TEXT: pg.CustomTypesConfig = { getTypeParser: () => (value: string) => value };

const CONNECT_TIMEOUT_MS = 10_000;

/** The driver's config for an endpoint; `replication` opens a logical replication connection. */
function clientConfig(endpoint: PostgresEndpoint, replication: boolean): pg.ClientConfig & { replication?: string } {
  const ssl = endpoint.ssl === "require" ? { rejectUnauthorized: false } : endpoint.ssl === "verify-full" ? true : false;
  return {
    host: endpoint.host,
    port: endpoint.port,
    database: endpoint.database,
    user: endpoint.user ?? undefined,
    password: endpoint.password ?? undefined,
    ssl,
    application_name: endpoint.applicationName ?? "tributary",
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    keepAlive: true,
    options: "-c TimeZone=UTC -c DateStyle=ISO -c IntervalStyle=iso_8601 -c extra_float_digits=3",
    types: RAW_TEXT,
    ...(replication ? { replication: "database" } : {}),
  };
}

/**
 * One connection to PostgreSQL: the only code that talks to the PostgreSQL driver for the
 * built-in connectors (the JDBC source and sink, the change data capture source). Statements
 * run one at a time in call order (the driver queues them); the session is not meant to be shared
 * between tasks. Every failure is a ConnectException or RetriableException whose message names
 * the server and what was being done (see postgresError).
 *
 * Sessions run in UTC with ISO dates, so timestamps read and written as text mean the same
 * instant on every server.
 */
export class PostgresSession {
  private broken: Error | null = null;

  private constructor(
    private readonly client: pg.Client,
    /** The endpoint this session is connected to. */
    readonly endpoint: PostgresEndpoint,
  ) {
    client.on("error", (error) => {
      this.broken = postgresError(error, this.target, "waiting for the server");
    });
  }

  /** Connects; `replication: true` opens a replication connection (for logical decoding). */
  static async open(endpoint: PostgresEndpoint, options: { replication?: boolean } = {}): Promise<PostgresSession> {
    const client = new pg.Client(clientConfig(endpoint, options.replication ?? false));
    const session = new PostgresSession(client, endpoint);
    try {
      await client.connect();
    } catch (error) {
      await client.end().catch(() => undefined);
      throw postgresError(error, session.target, "connecting");
    }
    return session;
  }

  /** The server and user, for error messages. */
  get target(): ErrorTarget {
    return { host: this.endpoint.host, port: this.endpoint.port, database: this.endpoint.database, user: this.endpoint.user };
  }

  /** Whether the connection failed while idle; such a session must be closed and reopened. */
  get failed(): boolean {
    return this.broken !== null;
  }

  /**
   * Runs one statement with `$1…` parameters (strings, numbers, booleans, Buffers as bytea, arrays
   * as PostgreSQL arrays, null); resolves its rows in text form. `doing` names the work for error
   * messages.
   */
  async query(sql: string, params: readonly unknown[] = [], doing = "running a statement"): Promise<RowSet> {
    if (this.broken) throw this.broken;
    try {
      const result = await this.client.query({ text: sql, values: params as unknown[], rowMode: "array" });
      return {
        columns: result.fields.map((field) => ({ name: field.name, typeOid: field.dataTypeID })),
        rows: result.rows as Array<Array<string | null>>,
        rowCount: result.rowCount,
      };
    } catch (error) {
      throw postgresError(error, this.target, doing);
    }
  }

  /**
   * Runs `work` inside BEGIN … COMMIT, rolling back when it throws (and rethrowing). Nothing else
   * may use the session meanwhile.
   */
  async transaction<T>(work: () => Promise<T>, doing = "running a transaction"): Promise<T> {
    await this.query("BEGIN", [], doing);
    try {
      const result = await work();
      await this.query("COMMIT", [], doing);
      return result;
    } catch (error) {
      if (!this.broken) await this.client.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
  }

  /**
   * Runs a streaming protocol object (the driver's Submittable) on this connection: logical
   * replication. Only the replication stream in this folder uses it.
   */
  submit<T extends pg.Submittable>(submittable: T): T {
    return this.client.query(submittable);
  }

  /** Closes the connection; safe to call twice. */
  async close(): Promise<void> {
    await this.client.end().catch(() => undefined);
  }
}

/** Quotes an identifier for SQL (`"my ""table"""`). */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes a string literal for SQL (`'it''s'`), for the few statements that take no parameters. */
export function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
