import { ConfigDef, ConfigException, ConfigType, Importance, Range, ValidString, Width, type ConfigValue, type Password } from "@/server/plugins/api/config-def";
import { endpointFromJdbcUrl } from "@/server/plugins/connectors/jdbc/jdbc-url";
import type { PkMode } from "@/server/plugins/connectors/jdbc/sink-fields";
import type { InsertMode } from "@/server/plugins/connectors/jdbc/sink-writer";
import type { PostgresEndpoint } from "@/server/plugins/connectors/postgres-client/postgres-session";

/** The sink connector's config, parsed once. */
export interface JdbcSinkSettings {
  endpoint: PostgresEndpoint;
  connectionAttempts: number;
  connectionBackoffMs: number;
  insertMode: InsertMode;
  batchSize: number;
  deleteEnabled: boolean;
  tableNameFormat: string;
  pkMode: PkMode;
  pkFields: string[];
  fieldsWhitelist: string[];
  autoCreate: boolean;
  autoEvolve: boolean;
  maxRetries: number;
  retryBackoffMs: number;
}

const CONNECTION = "Connection";
const WRITES = "Writes";
const DATA_MAPPING = "Data Mapping";
const DDL = "DDL Support";
const RETRIES = "Retries";
const choices = (values: readonly string[]) => ({ validValues: () => [...values], visible: () => true });

/** Kafka Connect JDBC's sink keys, groups and defaults, for PostgreSQL. */
export function jdbcSinkConfigDef(): ConfigDef {
  let order = 0;
  const def = new ConfigDef()
    .define({ name: "connection.url", type: ConfigType.STRING, importance: Importance.HIGH, group: CONNECTION, orderInGroup: ++order, width: Width.LONG, displayName: "JDBC URL", documentation: "JDBC connection URL of the PostgreSQL database: jdbc:postgresql://host:port/database, optionally with ?user=…&password=…&sslmode=require" })
    .define({ name: "connection.user", type: ConfigType.STRING, default: null, importance: Importance.HIGH, group: CONNECTION, orderInGroup: ++order, width: Width.LONG, displayName: "JDBC User", documentation: "JDBC connection user (wins over the URL's user parameter)" })
    .define({ name: "connection.password", type: ConfigType.PASSWORD, default: null, importance: Importance.HIGH, group: CONNECTION, orderInGroup: ++order, width: Width.MEDIUM, displayName: "JDBC Password", documentation: "JDBC connection password (wins over the URL's password parameter)" })
    .define({ name: "connection.attempts", type: ConfigType.INT, default: 3, validator: Range.atLeast(1), importance: Importance.LOW, group: CONNECTION, orderInGroup: ++order, width: Width.SHORT, displayName: "JDBC connection attempts", documentation: "Maximum number of attempts to open a connection" })
    .define({ name: "connection.backoff.ms", type: ConfigType.LONG, default: 10000, validator: Range.atLeast(0), importance: Importance.LOW, group: CONNECTION, orderInGroup: ++order, width: Width.SHORT, displayName: "JDBC connection backoff in milliseconds", documentation: "Backoff time in milliseconds between connection attempts" })
    .define({ name: "dialect.name", type: ConfigType.STRING, default: "", validator: ValidString.in("", "PostgreSqlDatabaseDialect"), importance: Importance.LOW, group: CONNECTION, orderInGroup: ++order, width: Width.LONG, displayName: "Database Dialect", documentation: "The database dialect; PostgreSQL is the one Tributary speaks" });
  order = 0;
  def
    .define({ name: "insert.mode", type: ConfigType.STRING, default: "insert", validator: ValidString.in("insert", "upsert", "update"), recommender: choices(["insert", "upsert", "update"]), importance: Importance.HIGH, group: WRITES, orderInGroup: ++order, width: Width.MEDIUM, displayName: "Insert Mode", documentation: "insert (plain INSERTs), upsert (INSERT … ON CONFLICT (key) DO UPDATE: idempotent, so redelivered records do no harm) or update (UPDATE of existing rows only)" })
    .define({ name: "batch.size", type: ConfigType.INT, default: 3000, validator: Range.atLeast(1), importance: Importance.MEDIUM, group: WRITES, orderInGroup: ++order, width: Width.SHORT, displayName: "Batch Size", documentation: "Rows per statement; every record of a put is written in one transaction" })
    .define({ name: "delete.enabled", type: ConfigType.BOOLEAN, default: false, importance: Importance.MEDIUM, group: WRITES, orderInGroup: ++order, width: Width.SHORT, displayName: "Enable deletes", documentation: "Whether a tombstone (null value) deletes the row of its key; needs pk.mode=record_key. When false, tombstones are skipped" });
  order = 0;
  def
    .define({ name: "table.name.format", type: ConfigType.STRING, default: "${topic}", importance: Importance.MEDIUM, group: DATA_MAPPING, orderInGroup: ++order, width: Width.LONG, displayName: "Table Name Format", documentation: "The destination table, with ${topic} replaced by the record's topic; schema.table names a schema" })
    .define({ name: "pk.mode", type: ConfigType.STRING, default: "none", validator: ValidString.in("none", "kafka", "record_key", "record_value"), recommender: choices(["none", "kafka", "record_key", "record_value"]), importance: Importance.HIGH, group: DATA_MAPPING, orderInGroup: ++order, width: Width.MEDIUM, displayName: "Primary Key Mode", documentation: "Where the primary key comes from: none, kafka (topic, partition, offset), record_key or record_value" })
    .define({ name: "pk.fields", type: ConfigType.LIST, default: "", importance: Importance.MEDIUM, group: DATA_MAPPING, orderInGroup: ++order, width: Width.LONG, displayName: "Primary Key Fields", documentation: "The key's columns: for kafka three names (default __connect_topic,__connect_partition,__connect_offset); for record_key the key's fields (empty: all; a primitive key's column name, default __connect_key); for record_value the value's fields (empty: all)" })
    .define({ name: "fields.whitelist", type: ConfigType.LIST, default: "", importance: Importance.MEDIUM, group: DATA_MAPPING, orderInGroup: ++order, width: Width.LONG, displayName: "Fields Whitelist", documentation: "The value fields to write (empty: all)" })
    .define({ name: "db.timezone", type: ConfigType.STRING, default: "UTC", validator: ValidString.in("UTC"), importance: Importance.MEDIUM, group: DATA_MAPPING, orderInGroup: ++order, width: Width.MEDIUM, displayName: "DB Time Zone", documentation: "Time zone of timestamp columns without a time zone; Tributary writes them in UTC" });
  order = 0;
  def
    .define({ name: "auto.create", type: ConfigType.BOOLEAN, default: false, importance: Importance.MEDIUM, group: DDL, orderInGroup: ++order, width: Width.SHORT, displayName: "Auto-Create", documentation: "Create a missing destination table (CREATE TABLE) from the record's schema, with the key columns as its primary key" })
    .define({ name: "auto.evolve", type: ConfigType.BOOLEAN, default: false, importance: Importance.MEDIUM, group: DDL, orderInGroup: ++order, width: Width.SHORT, displayName: "Auto-Evolve", documentation: "Add columns (ALTER TABLE … ADD) for new optional fields of the record's schema" })
    .define({ name: "quote.sql.identifiers", type: ConfigType.STRING, default: "always", validator: ValidString.in("always", "never"), importance: Importance.MEDIUM, group: DDL, orderInGroup: ++order, width: Width.MEDIUM, displayName: "Quote Identifiers", documentation: "Accepted for compatibility; identifiers are always quoted" });
  order = 0;
  return def
    .define({ name: "max.retries", type: ConfigType.INT, default: 10, validator: Range.atLeast(0), importance: Importance.MEDIUM, group: RETRIES, orderInGroup: ++order, width: Width.SHORT, displayName: "Maximum Retries", documentation: "How many times a batch that failed for a passing reason (connection lost, deadlock) is retried before the task fails" })
    .define({ name: "retry.backoff.ms", type: ConfigType.INT, default: 3000, validator: Range.atLeast(0), importance: Importance.MEDIUM, group: RETRIES, orderInGroup: ++order, width: Width.SHORT, displayName: "Retry Backoff (millis)", documentation: "Wait before a failed batch is retried" });
}

interface Problem {
  key: string;
  message: string;
}

function problems(values: ReadonlyMap<string, unknown>): Problem[] {
  const found: Problem[] = [];
  const url = values.get("connection.url");
  if (typeof url === "string") {
    try {
      endpointFromJdbcUrl(url, null, null);
    } catch (error) {
      found.push({ key: "connection.url", message: (error as Error).message });
    }
  }
  const pkMode = values.get("pk.mode");
  const insertMode = values.get("insert.mode");
  if (values.get("delete.enabled") === true && pkMode !== "record_key") found.push({ key: "delete.enabled", message: "delete.enabled=true needs pk.mode=record_key: a tombstone carries only its key" });
  if ((insertMode === "upsert" || insertMode === "update") && pkMode === "none") found.push({ key: "pk.mode", message: `insert.mode=${String(insertMode)} matches rows by their key: set pk.mode to record_key, record_value or kafka` });
  const pkFields = (values.get("pk.fields") as string[] | null) ?? [];
  if (pkMode === "kafka" && pkFields.length > 0 && pkFields.length !== 3) found.push({ key: "pk.fields", message: "With pk.mode=kafka, pk.fields names exactly three columns (topic, partition, offset), or none for the defaults" });
  return found;
}

/** Adds the sink's cross-key problems to the validate answer. */
export function validateJdbcSink(values: Map<string, ConfigValue>): void {
  const parsed = new Map([...values].map(([name, value]) => [name, value.value]));
  for (const problem of problems(parsed)) values.get(problem.key)?.errors.push(problem.message);
}

/** Parses and cross-checks a sink config; throws ConfigException naming the key to fix. */
export function parseJdbcSinkSettings(props: Record<string, string>): JdbcSinkSettings {
  const parsed = jdbcSinkConfigDef().parse(props);
  const problem = problems(parsed)[0];
  if (problem) throw new ConfigException(problem.message, { key: problem.key });
  const get = <T>(key: string) => parsed.get(key) as T;
  return {
    endpoint: endpointFromJdbcUrl(get<string>("connection.url"), get<string | null>("connection.user"), get<Password | null>("connection.password")),
    connectionAttempts: get<number>("connection.attempts"),
    connectionBackoffMs: get<number>("connection.backoff.ms"),
    insertMode: get<InsertMode>("insert.mode"),
    batchSize: get<number>("batch.size"),
    deleteEnabled: get<boolean>("delete.enabled"),
    tableNameFormat: get<string>("table.name.format"),
    pkMode: get<PkMode>("pk.mode"),
    pkFields: get<string[]>("pk.fields"),
    fieldsWhitelist: get<string[]>("fields.whitelist"),
    autoCreate: get<boolean>("auto.create"),
    autoEvolve: get<boolean>("auto.evolve"),
    maxRetries: get<number>("max.retries"),
    retryBackoffMs: get<number>("retry.backoff.ms"),
  };
}
