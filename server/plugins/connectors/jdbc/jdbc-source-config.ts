import { ConfigDef, ConfigException, ConfigType, Importance, Password, Range, ValidString, Width, type ConfigValue } from "@/server/plugins/api/config-def";
import type { NumericMapping } from "@/server/plugins/connectors/jdbc/source-schema";
import { endpointFromJdbcUrl } from "@/server/plugins/connectors/jdbc/jdbc-url";
import { TABLE_TYPE_KINDS } from "@/server/plugins/connectors/postgres-client/pg-catalog";
import type { PostgresEndpoint } from "@/server/plugins/connectors/postgres-client/postgres-session";

/** Kafka Connect JDBC's loading modes, plus `auto`: what an unset `mode` means in Tributary (see jdbcSourceConfigDef). */
export type SourceMode = "bulk" | "incrementing" | "timestamp" | "timestamp+incrementing" | "auto";

/** The source connector's config, parsed once. */
export interface JdbcSourceSettings {
  endpoint: PostgresEndpoint;
  connectionAttempts: number;
  connectionBackoffMs: number;
  mode: SourceMode;
  incrementingColumn: string;
  timestampColumns: string[];
  validateNonNull: boolean;
  query: string;
  querySuffix: string;
  /** Exact names (`table` or `schema.table`) from table.whitelist / table.blacklist. */
  whitelist: string[];
  blacklist: string[];
  /** Full-match patterns on `schema.table` from table.include.list / table.exclude.list. */
  include: RegExp[];
  exclude: RegExp[];
  schemaPattern: string | null;
  tableKinds: string[];
  numericMapping: NumericMapping;
  pollIntervalMs: number;
  batchMaxRows: number;
  tablePollIntervalMs: number;
  topicPrefix: string;
  /** The one topic every record goes to when topic.prefix is unset and `topics` names one. */
  topic: string | null;
  timestampDelayMs: number;
  timestampInitialMs: number | null;
}

const DATABASE = "Database";
const MODE = "Mode";
const CONNECTOR = "Connector";
const MODES = ["", "bulk", "incrementing", "timestamp", "timestamp+incrementing"];
const NUMERIC_MAPPINGS = ["none", "precision_only", "best_fit", "best_fit_eager_double"];

/**
 * Kafka Connect JDBC's source keys, groups and defaults (Database, Mode, Connector), for
 * PostgreSQL. Two keys the Confluent connector requires may be left out, and what Tributary then
 * assumes is documented on the key and shown by validation:
 * - `mode` unset: each table is read incrementally by its auto-incrementing column (identity or
 *   serial), or else by a single-column integer primary key; validation shows `incrementing`.
 * - `topic.prefix` unset: the topic is the table's name, or the one topic `topics` names (so a
 *   config written with a sink's `topics` key sends every table there).
 */
export function jdbcSourceConfigDef(): ConfigDef {
  let order = 0;
  const def = new ConfigDef()
    .define({ name: "connection.url", type: ConfigType.STRING, importance: Importance.HIGH, group: DATABASE, orderInGroup: ++order, width: Width.LONG, displayName: "JDBC URL", documentation: "JDBC connection URL of the PostgreSQL database: jdbc:postgresql://host:port/database, optionally with ?user=…&password=…&sslmode=require" })
    .define({ name: "connection.user", type: ConfigType.STRING, default: null, importance: Importance.HIGH, group: DATABASE, orderInGroup: ++order, width: Width.LONG, displayName: "JDBC User", documentation: "JDBC connection user (wins over the URL's user parameter)" })
    .define({ name: "connection.password", type: ConfigType.PASSWORD, default: null, importance: Importance.HIGH, group: DATABASE, orderInGroup: ++order, width: Width.SHORT, displayName: "JDBC Password", documentation: "JDBC connection password (wins over the URL's password parameter)" })
    .define({ name: "connection.attempts", type: ConfigType.INT, default: 3, validator: Range.atLeast(1), importance: Importance.LOW, group: DATABASE, orderInGroup: ++order, width: Width.SHORT, displayName: "JDBC connection attempts", documentation: "Maximum number of attempts to open a connection" })
    .define({ name: "connection.backoff.ms", type: ConfigType.LONG, default: 10000, validator: Range.atLeast(0), importance: Importance.LOW, group: DATABASE, orderInGroup: ++order, width: Width.SHORT, displayName: "JDBC connection backoff in milliseconds", documentation: "Backoff time in milliseconds between connection attempts" })
    .define({ name: "table.whitelist", type: ConfigType.LIST, default: "", importance: Importance.MEDIUM, group: DATABASE, orderInGroup: ++order, width: Width.LONG, displayName: "Table Whitelist", documentation: "Tables to copy, by name or schema.name. If set, table.blacklist may not be" })
    .define({ name: "table.blacklist", type: ConfigType.LIST, default: "", importance: Importance.MEDIUM, group: DATABASE, orderInGroup: ++order, width: Width.LONG, displayName: "Table Blacklist", documentation: "Tables not to copy, by name or schema.name. If set, table.whitelist may not be" })
    .define({ name: "table.include.list", type: ConfigType.LIST, default: "", importance: Importance.MEDIUM, group: DATABASE, orderInGroup: ++order, width: Width.LONG, displayName: "Table include list", documentation: "Regular expressions matched against schema.table; only matching tables are copied" })
    .define({ name: "table.exclude.list", type: ConfigType.LIST, default: "", importance: Importance.MEDIUM, group: DATABASE, orderInGroup: ++order, width: Width.LONG, displayName: "Table exclude list", documentation: "Regular expressions matched against schema.table; matching tables are not copied" })
    .define({ name: "catalog.pattern", type: ConfigType.STRING, default: null, importance: Importance.MEDIUM, group: DATABASE, orderInGroup: ++order, width: Width.SHORT, displayName: "Catalog pattern", documentation: "Accepted for compatibility; a PostgreSQL connection sees one catalog (its database)" })
    .define({ name: "schema.pattern", type: ConfigType.STRING, default: null, importance: Importance.HIGH, group: DATABASE, orderInGroup: ++order, width: Width.SHORT, displayName: "Schema pattern", documentation: "SQL LIKE pattern of the schemas to read tables from; unset reads every schema" })
    .define({ name: "numeric.precision.mapping", type: ConfigType.BOOLEAN, default: false, importance: Importance.LOW, group: DATABASE, orderInGroup: ++order, width: Width.SHORT, displayName: "Map Numeric Values By Precision (deprecated)", documentation: "Deprecated: use numeric.mapping. true means precision_only" })
    .define({ name: "numeric.mapping", type: ConfigType.STRING, default: null, validator: nullOr(NUMERIC_MAPPINGS), importance: Importance.LOW, group: DATABASE, orderInGroup: ++order, width: Width.SHORT, displayName: "Map Numeric Values, Integral or Decimal, By Precision and Scale", documentation: "How NUMERIC columns map: none (Connect Decimal), precision_only (integers when the scale is 0), best_fit (integers or FLOAT64 by precision and scale), best_fit_eager_double (FLOAT64 whenever the scale is above 0)", recommender: fixed(NUMERIC_MAPPINGS) })
    .define({ name: "dialect.name", type: ConfigType.STRING, default: "", validator: ValidString.in("", "PostgreSqlDatabaseDialect"), importance: Importance.LOW, group: DATABASE, orderInGroup: ++order, width: Width.LONG, displayName: "Database Dialect", documentation: "The database dialect; PostgreSQL is the one Tributary speaks" });
  order = 0;
  def
    .define({ name: "mode", type: ConfigType.STRING, default: "", validator: ValidString.in(...MODES), importance: Importance.HIGH, group: MODE, orderInGroup: ++order, width: Width.MEDIUM, displayName: "Table Loading Mode", dependents: ["incrementing.column.name", "timestamp.column.name", "validate.non.null"], recommender: fixed(MODES.slice(1)), documentation: "bulk (the whole table at each poll), incrementing (new rows by a strictly increasing column), timestamp (new and changed rows by timestamp columns) or timestamp+incrementing (both). Unset (Tributary): incrementing, each table by its auto-incrementing column, or else its single-column integer primary key" })
    .define({ name: "incrementing.column.name", type: ConfigType.STRING, default: "", importance: Importance.MEDIUM, group: MODE, orderInGroup: ++order, width: Width.MEDIUM, displayName: "Incrementing Column Name", documentation: "The strictly incrementing column that finds new rows. Empty: each table's auto-incrementing column (or single-column integer primary key)" })
    .define({ name: "timestamp.column.name", type: ConfigType.LIST, default: "", importance: Importance.MEDIUM, group: MODE, orderInGroup: ++order, width: Width.MEDIUM, displayName: "Timestamp Column Name", documentation: "One or more timestamp columns (COALESCE of them) that find new and changed rows" })
    .define({ name: "validate.non.null", type: ConfigType.BOOLEAN, default: true, importance: Importance.LOW, group: MODE, orderInGroup: ++order, width: Width.SHORT, displayName: "Validate Non Null", documentation: "Fail the task when an incrementing or timestamp column is nullable" })
    .define({ name: "query", type: ConfigType.STRING, default: "", importance: Importance.MEDIUM, group: MODE, orderInGroup: ++order, width: Width.SHORT, displayName: "Query", documentation: "A query to run instead of copying whole tables; with an incremental mode its WHERE clause is appended, so the query must have none" })
    .define({ name: "query.suffix", type: ConfigType.STRING, default: "", importance: Importance.LOW, group: MODE, orderInGroup: ++order, width: Width.MEDIUM, displayName: "Query suffix", documentation: "Text appended to the query" })
    .define({ name: "quote.sql.identifiers", type: ConfigType.STRING, default: "always", validator: ValidString.in("always", "never"), importance: Importance.MEDIUM, group: MODE, orderInGroup: ++order, width: Width.MEDIUM, displayName: "Quote Identifiers", documentation: "Accepted for compatibility; identifiers are always quoted" });
  order = 0;
  return def
    .define({ name: "table.types", type: ConfigType.LIST, default: "TABLE", validator: listIn(Object.keys(TABLE_TYPE_KINDS)), importance: Importance.LOW, group: CONNECTOR, orderInGroup: ++order, width: Width.MEDIUM, displayName: "Table Types", documentation: `Kinds of table to copy: ${Object.keys(TABLE_TYPE_KINDS).join(", ")}` })
    .define({ name: "poll.interval.ms", type: ConfigType.INT, default: 5000, validator: Range.atLeast(1), importance: Importance.HIGH, group: CONNECTOR, orderInGroup: ++order, width: Width.SHORT, displayName: "Poll Interval (ms)", documentation: "How often each table is queried for new data" })
    .define({ name: "batch.max.rows", type: ConfigType.INT, default: 100, validator: Range.atLeast(1), importance: Importance.LOW, group: CONNECTOR, orderInGroup: ++order, width: Width.SHORT, displayName: "Max Rows Per Batch", documentation: "Maximum rows per poll" })
    .define({ name: "table.poll.interval.ms", type: ConfigType.LONG, default: 60000, validator: Range.atLeast(1), importance: Importance.LOW, group: CONNECTOR, orderInGroup: ++order, width: Width.SHORT, displayName: "Metadata Change Monitoring Interval (ms)", documentation: "How often to look for added or removed tables (and then reassign tables to tasks)" })
    .define({ name: "topic.prefix", type: ConfigType.STRING, default: "", importance: Importance.HIGH, group: CONNECTOR, orderInGroup: ++order, width: Width.MEDIUM, displayName: "Topic Prefix", documentation: "Prefix of each table's topic (prefix + table name), or with a query the whole topic name. Unset (Tributary): the table's name, or the topic `topics` names" })
    .define({ name: "topics", type: ConfigType.LIST, default: "", importance: Importance.LOW, group: CONNECTOR, orderInGroup: ++order, width: Width.MEDIUM, displayName: "Topic (when no prefix)", documentation: "Tributary: when topic.prefix is unset, the one topic that every table (or the query) writes to" })
    .define({ name: "timestamp.delay.interval.ms", type: ConfigType.LONG, default: 0, validator: Range.atLeast(0), importance: Importance.HIGH, group: CONNECTOR, orderInGroup: ++order, width: Width.MEDIUM, displayName: "Delay Interval (ms)", documentation: "How long after a row's timestamp to wait before copying it, so that slower transactions with earlier timestamps commit first" })
    .define({ name: "timestamp.initial", type: ConfigType.LONG, default: null, importance: Importance.LOW, group: CONNECTOR, orderInGroup: ++order, width: Width.MEDIUM, displayName: "Initial timestamp", documentation: "Epoch milliseconds to start timestamp modes from when no offset is stored (-1: now); unset starts at the epoch" })
    .define({ name: "db.timezone", type: ConfigType.STRING, default: "UTC", validator: ValidString.in("UTC"), importance: Importance.MEDIUM, group: CONNECTOR, orderInGroup: ++order, width: Width.MEDIUM, displayName: "DB time zone", documentation: "Time zone of timestamp columns without a time zone; Tributary reads them as UTC" });
}

function fixed(values: readonly string[]) {
  return { validValues: () => [...values], visible: () => true };
}

function nullOr(values: readonly string[]) {
  const valid = ValidString.in(...values);
  return { ensureValid: (name: string, value: unknown) => void (value === null || valid.ensureValid(name, value)), toString: () => valid.toString() };
}

function listIn(values: readonly string[]) {
  return {
    ensureValid: (name: string, value: unknown) => {
      for (const item of (value as string[] | null) ?? []) if (!values.includes(item)) throw ConfigException.invalid(name, item, `must be among ${values.join(", ")}`);
    },
    toString: () => `[${values.join(", ")}]`,
  };
}

function patterns(key: string, sources: readonly string[]): RegExp[] {
  return sources.map((source) => {
    try {
      return new RegExp(`^(?:${source})$`);
    } catch (error) {
      throw ConfigException.invalid(key, source, `not a regular expression: ${(error as Error).message}`);
    }
  });
}

/**
 * Parses and cross-checks a source config.
 * @throws ConfigException naming the key to fix (see jdbcSourceProblems for the checks).
 */
export function parseJdbcSourceSettings(props: Record<string, string>): JdbcSourceSettings {
  const parsed = jdbcSourceConfigDef().parse(props);
  const problem = jdbcSourceProblems(parsed)[0];
  if (problem) throw new ConfigException(problem.message, { key: problem.key });
  const get = <T>(key: string) => parsed.get(key) as T;
  const mode = get<string>("mode");
  const topics = get<string[]>("topics");
  const numeric = get<string | null>("numeric.mapping") ?? (get<boolean>("numeric.precision.mapping") ? "precision_only" : "none");
  const initial = get<number | null>("timestamp.initial");
  return {
    endpoint: endpointFromJdbcUrl(get<string>("connection.url"), get<string | null>("connection.user"), get<Password | null>("connection.password")),
    connectionAttempts: get<number>("connection.attempts"),
    connectionBackoffMs: get<number>("connection.backoff.ms"),
    mode: mode === "" ? "auto" : (mode as SourceMode),
    incrementingColumn: get<string>("incrementing.column.name").trim(),
    timestampColumns: get<string[]>("timestamp.column.name"),
    validateNonNull: get<boolean>("validate.non.null"),
    query: get<string>("query").trim(),
    querySuffix: get<string>("query.suffix"),
    whitelist: get<string[]>("table.whitelist"),
    blacklist: get<string[]>("table.blacklist"),
    include: patterns("table.include.list", get<string[]>("table.include.list")),
    exclude: patterns("table.exclude.list", get<string[]>("table.exclude.list")),
    schemaPattern: get<string | null>("schema.pattern"),
    tableKinds: get<string[]>("table.types").map((type) => TABLE_TYPE_KINDS[type]!),
    numericMapping: numeric as NumericMapping,
    pollIntervalMs: get<number>("poll.interval.ms"),
    batchMaxRows: get<number>("batch.max.rows"),
    tablePollIntervalMs: get<number>("table.poll.interval.ms"),
    topicPrefix: get<string>("topic.prefix"),
    topic: get<string>("topic.prefix") === "" && topics.length === 1 ? topics[0]! : null,
    timestampDelayMs: get<number>("timestamp.delay.interval.ms"),
    timestampInitialMs: initial === null ? null : initial === -1 ? Date.now() : initial,
  };
}

/** A cross-key problem: the key to show it on and the message. */
interface Problem {
  key: string;
  message: string;
}

/** Checks across keys (the ConfigDef has checked each key alone). */
function jdbcSourceProblems(values: ReadonlyMap<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  const list = (key: string) => (values.get(key) as string[] | null) ?? [];
  const text = (key: string) => ((values.get(key) as string | null) ?? "").trim();
  const url = values.get("connection.url");
  if (typeof url === "string") {
    try {
      endpointFromJdbcUrl(url, null, null);
    } catch (error) {
      problems.push({ key: "connection.url", message: (error as Error).message });
    }
  }
  if (list("table.whitelist").length > 0 && list("table.blacklist").length > 0) problems.push({ key: "table.blacklist", message: "table.whitelist and table.blacklist cannot both be set: keep one of them" });
  if (list("table.include.list").length > 0 && list("table.whitelist").length > 0) problems.push({ key: "table.include.list", message: "table.include.list and table.whitelist cannot both be set: keep one of them" });
  if (list("table.exclude.list").length > 0 && list("table.blacklist").length > 0) problems.push({ key: "table.exclude.list", message: "table.exclude.list and table.blacklist cannot both be set: keep one of them" });
  const query = text("query");
  if (query && [...["table.whitelist", "table.blacklist", "table.include.list", "table.exclude.list"]].some((key) => list(key).length > 0)) {
    problems.push({ key: "query", message: "A query reads no tables: remove table.whitelist, table.blacklist and the include/exclude lists, or the query" });
  }
  const mode = text("mode");
  if ((mode === "timestamp" || mode === "timestamp+incrementing") && list("timestamp.column.name").length === 0) {
    problems.push({ key: "timestamp.column.name", message: `mode=${mode} needs timestamp.column.name: the column (or columns) whose value grows when a row is written` });
  }
  if (query && mode === "" && !text("incrementing.column.name")) {
    problems.push({ key: "mode", message: "With a query, set mode (bulk, incrementing, timestamp or timestamp+incrementing) and the column it reads by: a query has no auto-incrementing column to assume" });
  }
  if (query && text("topic.prefix") === "" && list("topics").length === 0) problems.push({ key: "topic.prefix", message: "With a query, set topic.prefix: it is the whole name of the topic the query's rows go to" });
  if (list("topics").length > 1 && text("topic.prefix") === "") problems.push({ key: "topics", message: "A source writes each table to one topic: name a single topic in topics, or set topic.prefix" });
  return problems;
}

/**
 * Adds jdbcSourceProblems to the validate answer, and shows what an unset `mode` assumes: its
 * value reads `incrementing` (with an empty incrementing.column.name: each table's
 * auto-incrementing column).
 */
export function validateJdbcSource(values: Map<string, ConfigValue>): void {
  const parsed = new Map([...values].map(([name, value]) => [name, value.value]));
  for (const problem of jdbcSourceProblems(parsed)) values.get(problem.key)?.errors.push(problem.message);
  const mode = values.get("mode");
  if (mode && mode.value === "" && mode.errors.length === 0) mode.value = "incrementing";
}
