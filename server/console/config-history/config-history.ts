import { changedKeys, sameConfig } from "@/server/console/config-secrets";
import { getLogger } from "@/server/logging/logger";
import type { Database } from "@/server/storage/prisma/database";

type Config = Record<string, string>;

/** Who applied a config, and why when it is not a plain edit (`rolled back to v2`). */
export interface AppliedBy {
  user: string;
  note?: string | null;
}

/** One stored version with its real (unmasked) config. */
export interface StoredVersion {
  connector: string;
  version: number;
  config: Config;
  user: string;
  at: number;
  note: string | null;
  /** Keys added, removed or changed since the previous version (all keys for the first). */
  changedKeys: number;
}

/** What an attributed write applied: the connector and its config after the write; undefined when nothing was. */
export type Applied = { connector: string; config: Config } | undefined;

/** The user of configs that changed outside this console's attributed writes. */
export const UNKNOWN_USER = "unknown";

/** Key of attributed writes whose connector is known only after them (a create names it in its body). */
const ANY = "\u0000any";

const log = getLogger("tributary.config-history");

/**
 * Every config a connector was given, as versions 1, 2, 3, … in the `ConnectorVersion` table.
 * A version is recorded only when the config differs from the connector's latest one; history
 * outlives the connector, so a re-created one continues its numbering.
 *
 * Concurrency: records of one connector run one after another. A write made through this console
 * runs through `attribute`, which holds back `observe`d changes of that connector (of every
 * connector, for a create) until the write's own version is recorded, so the store's change
 * notification of that write is not recorded first as `unknown`.
 */
export class ConfigHistory {
  private readonly chains = new Map<string, Promise<unknown>>();
  private readonly held = new Map<string, number>();
  private readonly deferred = new Map<string, () => Promise<Config | undefined>>();

  constructor(
    private readonly db: Database,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records `config` as `connector`'s next version unless it equals the latest; resolves with the new version number, or undefined. */
  record(connector: string, config: Config, by: AppliedBy): Promise<number | undefined> {
    return this.serially(connector, () => this.recordNow(connector, config, by));
  }

  /**
   * Runs `write` (a change made through this console) and resolves or rejects as it does. What
   * `applied` reads back right after it (from memory, before the caller answers, so a later write
   * cannot slip in between) is recorded as the version `by` made, without the caller waiting for
   * the database. `connector` is null when the write names its connector only in its body (a
   * create). `recorded` resolves with the version made (undefined when none: a failed or no-op
   * write, or a failure to record, which is logged).
   */
  async attribute<T>(connector: string | null, by: AppliedBy, write: () => Promise<T>, applied: (result: T) => Promise<Applied>): Promise<{ result: T; recorded: Promise<number | undefined> }> {
    const key = connector ?? ANY;
    this.held.set(key, (this.held.get(key) ?? 0) + 1);
    let result: T;
    let after: Applied;
    try {
      result = await write();
      after = await applied(result).catch((error: unknown) => void log.error({ err: error, connector }, "could not read an applied config"));
    } catch (error) {
      this.release(key);
      throw error;
    }
    const recorded = (after ? this.record(after.connector, after.config, by) : Promise.resolve(undefined))
      .catch((error: unknown) => void log.error({ err: error, connector }, "could not record a config version"))
      .finally(() => this.release(key));
    return { result, recorded };
  }

  /**
   * A connector's config changed (a store notification, or the start of the process): records
   * what `read` returns as a version by `unknown` when it differs from the latest, once no
   * attributed write of that connector is under way. `read` resolves undefined for a deleted connector.
   */
  observe(connector: string, read: () => Promise<Config | undefined>): Promise<void> {
    if (this.held.has(connector) || this.held.has(ANY)) {
      this.deferred.set(connector, read);
      return Promise.resolve();
    }
    return this.serially(connector, async () => {
      const config = await read();
      if (config) await this.recordNow(connector, config, { user: UNKNOWN_USER });
    }).catch((error: unknown) => log.error({ err: error, connector }, "could not record an observed config"));
  }

  /** Every version of `connector`, newest first; empty when it has none. */
  async versions(connector: string): Promise<StoredVersion[]> {
    const rows = await this.db.connectorVersion.findMany({ where: { connector }, orderBy: { version: "asc" } });
    let previous: Config | null = null;
    const versions = rows.map((row) => {
      const config = parse(row.config);
      const version = { connector, version: row.version, config, user: row.user, at: row.at.getTime(), note: row.note, changedKeys: changedKeys(previous, config) };
      previous = config;
      return version;
    });
    return versions.reverse();
  }

  /** Version `version` of `connector`, or undefined. */
  async version(connector: string, version: number): Promise<StoredVersion | undefined> {
    return (await this.versions(connector)).find((entry) => entry.version === version);
  }

  private async recordNow(connector: string, config: Config, by: AppliedBy): Promise<number | undefined> {
    const latest = await this.db.connectorVersion.findFirst({ where: { connector }, orderBy: { version: "desc" } });
    if (latest && sameConfig(parse(latest.config), config)) return undefined;
    const version = (latest?.version ?? 0) + 1;
    await this.db.connectorVersion.create({ data: { connector, version, config: JSON.stringify(config), user: by.user, note: by.note ?? null, at: new Date(this.now()) } });
    return version;
  }

  private serially<T>(connector: string, task: () => Promise<T>): Promise<T> {
    const previous = this.chains.get(connector) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(task);
    const tail = next.catch(() => undefined);
    this.chains.set(connector, tail);
    void tail.then(() => {
      if (this.chains.get(connector) === tail) this.chains.delete(connector);
    });
    return next;
  }

  private release(key: string): void {
    const count = (this.held.get(key) ?? 1) - 1;
    if (count > 0) this.held.set(key, count);
    else this.held.delete(key);
    for (const [connector, read] of [...this.deferred]) {
      if (this.held.has(connector) || this.held.has(ANY)) continue;
      this.deferred.delete(connector);
      void this.observe(connector, read);
    }
  }
}

function parse(text: string): Config {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === "object" ? (parsed as Config) : {};
  } catch {
    return {};
  }
}
