import type { OffsetMap } from "@/server/plugins/api/offsets";
import { RetriableException } from "@/server/plugins/api/plugin-api";
import type { SourceRecord } from "@/server/plugins/api/records";
import { SourceTask } from "@/server/plugins/api/task";
import { openWithRetries } from "@/server/plugins/connectors/jdbc/jdbc-connection";
import { parseJdbcSourceSettings, type JdbcSourceSettings } from "@/server/plugins/connectors/jdbc/jdbc-source-config";
import { querySpec, tableSpecs } from "@/server/plugins/connectors/jdbc/source-tables";
import { TableQuerier } from "@/server/plugins/connectors/jdbc/table-querier";
import type { PostgresSession } from "@/server/plugins/connectors/postgres-client/postgres-session";
import { PLUGIN_VERSION } from "@/server/plugins/connectors/plugin-version";

/** The task config key listing the task's tables (`schema.table` names, JSON). */
export const TABLES_KEY = "tables";

/**
 * Reads its tables (or the query) round-robin: the querier whose poll time came first runs its
 * query to the end, `batch.max.rows` rows per `poll`, then waits `poll.interval.ms` behind the
 * others. One session per task; a lost connection is reopened at the next poll, and the
 * interrupted query resumes after the last row handed to the runtime.
 */
export class JdbcSourceTask extends SourceTask {
  static readonly className = "io.confluent.connect.jdbc.source.JdbcSourceTask";

  private settings!: JdbcSourceSettings;
  private queriers: TableQuerier[] = [];
  private session: PostgresSession | null = null;
  private stopped = false;
  private wake: (() => void) | null = null;

  version(): string {
    return PLUGIN_VERSION;
  }

  async start(props: Record<string, string>): Promise<void> {
    this.settings = parseJdbcSourceSettings(props);
    const session = await this.connect();
    const tables = JSON.parse(props[TABLES_KEY] ?? "[]") as string[];
    const specs = this.settings.query
      ? [{ spec: await querySpec(session, this.settings), partitions: [] as OffsetMap[] }]
      : await tableSpecs(session, this.settings, tables.map((name) => ({ schema: name.slice(0, name.indexOf(".")), table: name.slice(name.indexOf(".") + 1) })));
    const reader = this.context.offsetStorageReader();
    for (const { spec, partitions } of specs) {
      let stored: OffsetMap | null = null;
      for (const partition of [spec.partition, ...partitions]) {
        stored = await reader.offset(partition);
        if (stored) break;
      }
      this.queriers.push(new TableQuerier(spec, stored, this.settings.timestampInitialMs));
    }
  }

  async poll(): Promise<SourceRecord[] | null> {
    while (!this.stopped && this.queriers.length > 0) {
      const querier = this.queriers[0]!;
      if (!querier.querying) {
        const wait = querier.nextPollAt - Date.now();
        if (wait > 0) {
          await this.sleep(wait);
          return null;
        }
      }
      const records = await this.read(querier);
      if (!querier.querying) this.queriers.push(this.queriers.shift()!);
      if (records.length > 0) return records;
    }
    if (this.queriers.length === 0) await this.sleep(this.settings.pollIntervalMs);
    return null;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.session?.close();
  }

  private async connect(): Promise<PostgresSession> {
    if (this.session && !this.session.failed) return this.session;
    await this.session?.close();
    const { endpoint, connectionAttempts, connectionBackoffMs } = this.settings;
    this.session = await openWithRetries(endpoint, connectionAttempts, connectionBackoffMs, () => this.stopped);
    return this.session;
  }

  /** The querier's next rows; a connection failure drops the session and the open query, then is rethrown as retriable. */
  private async read(querier: TableQuerier): Promise<SourceRecord[]> {
    try {
      const session = await this.connect();
      if (!querier.querying) await querier.start(session);
      return await querier.next(session, this.settings.batchMaxRows, this.settings.pollIntervalMs);
    } catch (error) {
      if (!(error instanceof RetriableException)) throw error;
      querier.abandon();
      await this.session?.close();
      this.session = null;
      throw error;
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
