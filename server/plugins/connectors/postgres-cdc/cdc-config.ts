import { ConfigDef, ConfigException, ConfigType, Importance, Range, ValidString, Width, type ConfigValue, type Password } from "@/server/plugins/api/config-def";
import type { PostgresEndpoint } from "@/server/plugins/connectors/postgres-client/postgres-session";

/** Debezium's `snapshot.mode` values Tributary supports (`no_data` is Debezium's newer name of `never`). */
export type SnapshotMode = "initial" | "initial_only" | "never" | "no_data";

/** The CDC connector's config, parsed once. */
export interface CdcSettings {
  endpoint: PostgresEndpoint;
  topicPrefix: string;
  slotName: string;
  publicationName: string;
  publicationAutocreate: "all_tables" | "filtered" | "disabled";
  snapshotMode: SnapshotMode;
  tableInclude: RegExp[];
  tableExclude: RegExp[];
  schemaInclude: RegExp[];
  schemaExclude: RegExp[];
  tombstonesOnDelete: boolean;
  maxBatchSize: number;
  pollIntervalMs: number;
}

const CONNECTION = "Connection";
const CAPTURE = "Capture";
const REPLICATION = "Replication";
const SLOT_NAME = {
  ensureValid(name: string, value: unknown): void {
    if (!/^[a-z0-9_]{1,63}$/.test(String(value))) throw ConfigException.invalid(name, value, "a slot name holds 1 to 63 lower-case letters, digits and underscores");
  },
  toString: () => "[a-z0-9_]{1,63}",
};
const choices = (values: readonly string[]) => ({ validValues: () => [...values], visible: () => true });

/**
 * Debezium's PostgreSQL connector keys that apply to Tributary's change data capture source
 * (`plugin.name` is always pgoutput; Debezium's defaults: slot `debezium`, publication
 * `dbz_publication` created for all tables, `snapshot.mode=initial`, tombstones after deletes).
 */
export function cdcConfigDef(): ConfigDef {
  let order = 0;
  const def = new ConfigDef()
    .define({ name: "database.hostname", type: ConfigType.STRING, importance: Importance.HIGH, group: CONNECTION, orderInGroup: ++order, width: Width.MEDIUM, displayName: "Hostname", documentation: "PostgreSQL server host" })
    .define({ name: "database.port", type: ConfigType.INT, default: 5432, validator: Range.between(1, 65535), importance: Importance.HIGH, group: CONNECTION, orderInGroup: ++order, width: Width.SHORT, displayName: "Port", documentation: "PostgreSQL server port" })
    .define({ name: "database.user", type: ConfigType.STRING, importance: Importance.HIGH, group: CONNECTION, orderInGroup: ++order, width: Width.MEDIUM, displayName: "User", documentation: "A user with the REPLICATION attribute (and the right to create the publication, unless publication.autocreate.mode=disabled)" })
    .define({ name: "database.password", type: ConfigType.PASSWORD, default: null, importance: Importance.HIGH, group: CONNECTION, orderInGroup: ++order, width: Width.MEDIUM, displayName: "Password", documentation: "The user's password" })
    .define({ name: "database.dbname", type: ConfigType.STRING, importance: Importance.HIGH, group: CONNECTION, orderInGroup: ++order, width: Width.MEDIUM, displayName: "Database", documentation: "The database to capture" })
    .define({ name: "database.sslmode", type: ConfigType.STRING, default: "disable", validator: ValidString.in("disable", "prefer", "require", "verify-ca", "verify-full"), importance: Importance.LOW, group: CONNECTION, orderInGroup: ++order, width: Width.SHORT, displayName: "SSL mode", documentation: "disable, require (TLS without checking the certificate) or verify-full" });
  order = 0;
  def
    .define({ name: "topic.prefix", type: ConfigType.STRING, importance: Importance.HIGH, group: CAPTURE, orderInGroup: ++order, width: Width.MEDIUM, displayName: "Topic prefix", documentation: "Names this server: topics are <prefix>.<schema>.<table>, and offsets are stored under it" })
    .define({ name: "table.include.list", type: ConfigType.LIST, default: "", importance: Importance.HIGH, group: CAPTURE, orderInGroup: ++order, width: Width.LONG, displayName: "Include tables", documentation: "Regular expressions matched against schema.table; only matching tables are captured (empty: all)" })
    .define({ name: "table.exclude.list", type: ConfigType.LIST, default: "", importance: Importance.MEDIUM, group: CAPTURE, orderInGroup: ++order, width: Width.LONG, displayName: "Exclude tables", documentation: "Regular expressions matched against schema.table; matching tables are not captured" })
    .define({ name: "schema.include.list", type: ConfigType.LIST, default: "", importance: Importance.MEDIUM, group: CAPTURE, orderInGroup: ++order, width: Width.LONG, displayName: "Include schemas", documentation: "Regular expressions matched against schema names (empty: all)" })
    .define({ name: "schema.exclude.list", type: ConfigType.LIST, default: "", importance: Importance.MEDIUM, group: CAPTURE, orderInGroup: ++order, width: Width.LONG, displayName: "Exclude schemas", documentation: "Regular expressions matched against schema names" })
    .define({ name: "snapshot.mode", type: ConfigType.STRING, default: "initial", validator: ValidString.in("initial", "initial_only", "never", "no_data"), recommender: choices(["initial", "initial_only", "no_data"]), importance: Importance.HIGH, group: CAPTURE, orderInGroup: ++order, width: Width.SHORT, displayName: "Snapshot mode", documentation: "initial: a consistent snapshot of the tables first, then their changes; initial_only: the snapshot alone; no_data (or never): changes only" })
    .define({ name: "tombstones.on.delete", type: ConfigType.BOOLEAN, default: true, importance: Importance.MEDIUM, group: CAPTURE, orderInGroup: ++order, width: Width.SHORT, displayName: "Tombstones on delete", documentation: "Follow each delete event with a tombstone (same key, null value), so compacted topics drop the row" });
  order = 0;
  return def
    .define({ name: "plugin.name", type: ConfigType.STRING, default: "pgoutput", validator: ValidString.in("pgoutput"), importance: Importance.MEDIUM, group: REPLICATION, orderInGroup: ++order, width: Width.SHORT, displayName: "Logical decoding plugin", documentation: "pgoutput, PostgreSQL's built-in plugin (decoderbufs is not supported)" })
    .define({ name: "slot.name", type: ConfigType.STRING, default: "debezium", validator: SLOT_NAME, importance: Importance.MEDIUM, group: REPLICATION, orderInGroup: ++order, width: Width.MEDIUM, displayName: "Slot", documentation: "The logical replication slot; created when missing. One slot per connector" })
    .define({ name: "publication.name", type: ConfigType.STRING, default: "dbz_publication", importance: Importance.MEDIUM, group: REPLICATION, orderInGroup: ++order, width: Width.MEDIUM, displayName: "Publication", documentation: "The publication the slot streams" })
    .define({ name: "publication.autocreate.mode", type: ConfigType.STRING, default: "all_tables", validator: ValidString.in("all_tables", "filtered", "disabled"), recommender: choices(["all_tables", "filtered", "disabled"]), importance: Importance.LOW, group: REPLICATION, orderInGroup: ++order, width: Width.SHORT, displayName: "Publication creation", documentation: "all_tables: create the publication FOR ALL TABLES when missing; filtered: for the captured tables; disabled: it must exist" })
    .define({ name: "max.batch.size", type: ConfigType.INT, default: 2048, validator: Range.atLeast(1), importance: Importance.LOW, group: REPLICATION, orderInGroup: ++order, width: Width.SHORT, displayName: "Batch size", documentation: "Most change events per poll" })
    .define({ name: "poll.interval.ms", type: ConfigType.INT, default: 500, validator: Range.atLeast(1), importance: Importance.LOW, group: REPLICATION, orderInGroup: ++order, width: Width.SHORT, displayName: "Poll interval (ms)", documentation: "How long a poll waits for changes when there are none" });
}

function patterns(key: string, sources: readonly string[]): RegExp[] {
  return sources.map((source) => {
    try {
      return new RegExp(`^(?:${source})$`, "i");
    } catch (error) {
      throw ConfigException.invalid(key, source, `not a regular expression: ${(error as Error).message}`);
    }
  });
}

/** Adds cross-key problems to the validate answer (patterns that do not compile). */
export function validateCdc(values: Map<string, ConfigValue>): void {
  for (const key of ["table.include.list", "table.exclude.list", "schema.include.list", "schema.exclude.list"]) {
    try {
      patterns(key, (values.get(key)?.value as string[] | null) ?? []);
    } catch (error) {
      values.get(key)?.errors.push((error as Error).message);
    }
  }
}

/** Parses the config; throws ConfigException naming the key to fix. */
export function parseCdcSettings(props: Record<string, string>): CdcSettings {
  const parsed = cdcConfigDef().parse(props);
  const get = <T>(key: string) => parsed.get(key) as T;
  const sslMode = get<string>("database.sslmode");
  return {
    endpoint: {
      host: get<string>("database.hostname"),
      port: get<number>("database.port"),
      database: get<string>("database.dbname"),
      user: get<string>("database.user"),
      password: get<Password | null>("database.password")?.value() ?? null,
      ssl: sslMode === "require" || sslMode === "verify-ca" ? "require" : sslMode === "verify-full" ? "verify-full" : "disable",
    },
    topicPrefix: get<string>("topic.prefix"),
    slotName: get<string>("slot.name"),
    publicationName: get<string>("publication.name"),
    publicationAutocreate: get<CdcSettings["publicationAutocreate"]>("publication.autocreate.mode"),
    snapshotMode: get<SnapshotMode>("snapshot.mode"),
    tableInclude: patterns("table.include.list", get<string[]>("table.include.list")),
    tableExclude: patterns("table.exclude.list", get<string[]>("table.exclude.list")),
    schemaInclude: patterns("schema.include.list", get<string[]>("schema.include.list")),
    schemaExclude: patterns("schema.exclude.list", get<string[]>("schema.exclude.list")),
    tombstonesOnDelete: get<boolean>("tombstones.on.delete"),
    maxBatchSize: get<number>("max.batch.size"),
    pollIntervalMs: get<number>("poll.interval.ms"),
  };
}

/** Whether the settings capture `schema.table`. */
export function captures(settings: CdcSettings, schema: string, table: string): boolean {
  const name = `${schema}.${table}`;
  const any = (list: RegExp[], value: string) => list.some((pattern) => pattern.test(value));
  return (
    (settings.schemaInclude.length === 0 || any(settings.schemaInclude, schema)) &&
    !any(settings.schemaExclude, schema) &&
    (settings.tableInclude.length === 0 || any(settings.tableInclude, name)) &&
    !any(settings.tableExclude, name)
  );
}
