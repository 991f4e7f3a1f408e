import { ConnectException, RetriableException } from "@/server/plugins/api/plugin-api";
import type { SinkRecord } from "@/server/plugins/api/records";
import { SinkTask } from "@/server/plugins/api/task";
import { openWithRetries } from "@/server/plugins/connectors/jdbc/jdbc-connection";
import { parseJdbcSinkSettings, type JdbcSinkSettings } from "@/server/plugins/connectors/jdbc/jdbc-sink-config";
import { SinkTables } from "@/server/plugins/connectors/jdbc/sink-tables";
import { SinkWriter } from "@/server/plugins/connectors/jdbc/sink-writer";
import type { PostgresSession } from "@/server/plugins/connectors/postgres-client/postgres-session";
import { PLUGIN_VERSION } from "@/server/plugins/connectors/plugin-version";

/**
 * Writes each `put` in one transaction (see SinkWriter), so `flush` has nothing left to do and
 * the runtime commits consumer offsets only for records already committed in PostgreSQL.
 *
 * A failure that may pass (connection lost, deadlock, serialization failure) rolls the batch
 * back and asks for it again after `retry.backoff.ms`, up to `max.retries` times in a row; then
 * the task fails. Any other failure (a constraint violation, a value the column refuses, a record
 * without a schema) with an errant record reporter (a DLQ or error logging) writes the batch
 * again record by record, each behind a savepoint, and reports the records that fail; without
 * one it fails the task.
 *
 * Invariant: `put` resolves only after its transaction committed (or, record by record, each
 * record was written or reported), so the consumer offsets the runtime commits next are durable.
 */
export class JdbcSinkTask extends SinkTask {
  static readonly className = "io.confluent.connect.jdbc.sink.JdbcSinkTask";

  private settings!: JdbcSinkSettings;
  private tables!: SinkTables;
  private writer!: SinkWriter;
  private session: PostgresSession | null = null;
  private retriesLeft = 0;

  version(): string {
    return PLUGIN_VERSION;
  }

  start(props: Record<string, string>): void {
    this.settings = parseJdbcSinkSettings(props);
    this.retriesLeft = this.settings.maxRetries;
    this.tables = new SinkTables({ tableNameFormat: this.settings.tableNameFormat, autoCreate: this.settings.autoCreate, autoEvolve: this.settings.autoEvolve });
    const { insertMode, batchSize, pkMode, pkFields, fieldsWhitelist, deleteEnabled } = this.settings;
    this.writer = new SinkWriter(this.tables, { insertMode, batchSize, rules: { pkMode, pkFields, fieldsWhitelist, deleteEnabled } });
  }

  async put(records: SinkRecord[]): Promise<void> {
    if (records.length === 0) return;
    try {
      const session = await this.connect();
      await session.transaction(() => this.writer.write(session, records), "writing a batch");
      this.retriesLeft = this.settings.maxRetries;
    } catch (error) {
      this.tables.clear();
      if (error instanceof RetriableException) return this.retryLater(error);
      const reporter = this.context.errantRecordReporter();
      if (!reporter) throw error;
      await this.writeOneByOne(records, (record, failure) => reporter.report(record, failure));
    }
  }

  async stop(): Promise<void> {
    await this.session?.close();
    this.session = null;
  }

  private async connect(): Promise<PostgresSession> {
    if (this.session && !this.session.failed) return this.session;
    await this.session?.close();
    const { endpoint, connectionAttempts, connectionBackoffMs } = this.settings;
    this.session = await openWithRetries(endpoint, connectionAttempts, connectionBackoffMs);
    return this.session;
  }

  private async retryLater(error: RetriableException): Promise<never> {
    if (this.session?.failed) {
      await this.session.close();
      this.session = null;
    }
    if (this.retriesLeft <= 0) throw new ConnectException(`Writing to PostgreSQL failed after ${this.settings.maxRetries} retries: ${error.message}`, { cause: error });
    this.retriesLeft--;
    this.context.timeout(this.settings.retryBackoffMs);
    throw error;
  }

  /** The batch again, each record behind a savepoint; records that fail are reported and left out. */
  private async writeOneByOne(records: readonly SinkRecord[], report: (record: SinkRecord, error: Error) => Promise<void>): Promise<void> {
    const session = await this.connect();
    try {
      await session.transaction(async () => {
        for (const record of records) {
          await session.query("SAVEPOINT tributary_record", [], "writing a record");
          try {
            await this.writer.write(session, [record]);
          } catch (error) {
            if (error instanceof RetriableException) throw error;
            await session.query("ROLLBACK TO SAVEPOINT tributary_record", [], "writing a record");
            await report(record, error as Error);
          }
        }
      }, "writing records one by one");
    } catch (error) {
      this.tables.clear();
      if (error instanceof RetriableException) return this.retryLater(error);
      throw error;
    }
  }
}
