import {
  CaseInsensitiveValidString,
  ConfigDef,
  ConfigException,
  ConfigType,
  Importance,
  LambdaValidator,
  NonEmptyStringWithoutControlChars,
  Range,
  Width,
  type Recommender,
} from "@/server/plugins/api/config-def";
import { CIRCUIT_BREAKER_MAX_FAILURES, CIRCUIT_BREAKER_WINDOW_MS } from "@/server/runtime/errors/error-handling-config";
import {
  AUTO_RESTART_BACKOFF_INITIAL_MS,
  AUTO_RESTART_BACKOFF_MAX_MS,
  AUTO_RESTART_DEFAULTS,
  AUTO_RESTART_ENABLED,
  AUTO_RESTART_MAX_ATTEMPTS,
} from "@/server/runtime/herder/auto-restart-policy";

/**
 * The framework's connector keys (reference §3.1): what every connector config may hold besides
 * the connector's own keys, with Kafka Connect's names, types, defaults, groups and order. The
 * validate endpoint, the herder and the console's forms all read them from here.
 */

/**
 * Offers a key's fixed choices as its recommended values, so forms can show a select. Kafka
 * Connect's own definitions leave these keys without a recommender; the answer's shape is theirs.
 */
const choices = (...values: string[]): Recommender => ({ validValues: () => values, visible: () => true });

const COMMON = "Common";
const TRANSFORMS = "Transforms";
const PREDICATES = "Predicates";
const ERRORS = "Error Handling";

const uniqueAliases = LambdaValidator.with(
  (name, value) => {
    const aliases = (value as string[] | null) ?? [];
    const duplicate = aliases.find((alias, index) => aliases.indexOf(alias) !== index);
    if (duplicate !== undefined) throw ConfigException.invalid(name, aliases.join(","), `Duplicate alias provided: ${duplicate}`);
  },
  () => "unique aliases",
);

const nonNegative = LambdaValidator.with(
  (name, value) => {
    if (typeof value === "number" && value < 0) throw ConfigException.invalid(name, value, "Value must be at least 0");
  },
  () => "[0,...]",
);

const javaRegex = LambdaValidator.with(
  (name, value) => {
    if (typeof value !== "string" || value === "") return;
    try {
      new RegExp(value);
    } catch (error) {
      throw ConfigException.invalid(name, value, `not a valid regular expression: ${(error as Error).message}`);
    }
  },
  () => "valid regular expression",
);

/** A key's plugin version: when set, it must be the one version of that plugin this worker has. */
function pluginVersionValidator(installed: string | undefined, what: string) {
  return LambdaValidator.with(
    (name, value) => {
      if (value === null || value === undefined || value === "" || installed === undefined) return;
      if (value !== installed) throw ConfigException.invalid(name, value, `${what} is installed in version ${installed} only`);
    },
    () => (installed === undefined ? "any version" : `the installed version, ${installed}`),
  );
}

/**
 * The plugin versions a connector config may pin (Kafka Connect 4.1's `*.plugin.version` keys).
 * Tributary installs one version of each plugin: the connector's version defaults to it and
 * recommends it; a different version is refused. Converter versions are only checked when known.
 */
export interface PluginVersions {
  connector?: string;
  keyConverter?: string;
  valueConverter?: string;
  headerConverter?: string;
}

const offered = (version: string | undefined): Recommender => ({ validValues: () => (version === undefined ? [] : [version]), visible: () => true });

function common(versions: PluginVersions): ConfigDef {
  const converter = (side: "key" | "value" | "header", order: number, installed: string | undefined, what: string) => [
    { name: `${side}.converter`, type: ConfigType.CLASS, default: null, importance: Importance.LOW, documentation: `How record ${what} are serialized in Kafka. Unset means the worker's ${side}.converter.`, group: COMMON, orderInGroup: order, width: Width.SHORT, displayName: `${side[0]!.toUpperCase()}${side.slice(1)} converter class` },
    { name: `${side}.converter.plugin.version`, type: ConfigType.STRING, default: null, validator: pluginVersionValidator(installed, `The ${side} converter`), recommender: offered(installed), importance: Importance.LOW, documentation: `The version of the ${side} converter to use. Unset means the installed one.`, group: COMMON, orderInGroup: order + 1, width: Width.SHORT, displayName: `${side[0]!.toUpperCase()}${side.slice(1)} converter version` },
  ];
  const def = new ConfigDef()
    .define({ name: "name", type: ConfigType.STRING, validator: new NonEmptyStringWithoutControlChars(), importance: Importance.HIGH, documentation: "The connector's name, unique in this Connect cluster.", group: COMMON, orderInGroup: 1, width: Width.MEDIUM, displayName: "Connector name" })
    .define({ name: "connector.class", type: ConfigType.STRING, importance: Importance.HIGH, documentation: "The connector plugin: its full class name (org.apache.kafka.connect.file.FileStreamSinkConnector), its simple name (FileStreamSinkConnector) or that name without the Connector suffix (FileStreamSink).", group: COMMON, orderInGroup: 2, width: Width.LONG, displayName: "Connector class" })
    .define({ name: "connector.plugin.version", type: ConfigType.STRING, default: versions.connector ?? null, validator: pluginVersionValidator(versions.connector, "This connector"), recommender: offered(versions.connector), importance: Importance.MEDIUM, documentation: "The version of the connector plugin to run. Tributary installs one version of each plugin.", group: COMMON, orderInGroup: 3, width: Width.MEDIUM, displayName: "Connector version" })
    .define({ name: "tasks.max", type: ConfigType.INT, default: 1, validator: Range.atLeast(1), importance: Importance.HIGH, documentation: "The most tasks this connector may run.", group: COMMON, orderInGroup: 4, width: Width.SHORT, displayName: "Tasks max" })
    .define({ name: "tasks.max.enforce", type: ConfigType.BOOLEAN, default: true, importance: Importance.LOW, documentation: "(Deprecated) Fail the connector when it generates more task configs than tasks.max.", group: COMMON, orderInGroup: 5, width: Width.SHORT, displayName: "Enforce tasks max" });
  for (const key of [
    ...converter("key", 6, versions.keyConverter, "keys"),
    ...converter("value", 8, versions.valueConverter, "values"),
    ...converter("header", 10, versions.headerConverter, "headers"),
  ]) def.define(key);
  return def
    .define({ name: "transforms", type: ConfigType.LIST, default: "", validator: uniqueAliases, importance: Importance.LOW, documentation: "Aliases of the single message transforms to apply, in order.", group: TRANSFORMS, orderInGroup: 12, width: Width.LONG, displayName: "Transforms" })
    .define({ name: "predicates", type: ConfigType.LIST, default: "", validator: uniqueAliases, importance: Importance.LOW, documentation: "Aliases of the predicates that transforms may refer to.", group: PREDICATES, orderInGroup: 13, width: Width.LONG, displayName: "Predicates" })
    .define({ name: "config.action.reload", type: ConfigType.STRING, default: "restart", validator: CaseInsensitiveValidString.in("none", "restart"), recommender: choices("restart", "none"), importance: Importance.LOW, documentation: "What to do when a config provider says a value it supplied changed: restart the connector, or nothing.", group: COMMON, orderInGroup: 14, width: Width.MEDIUM, displayName: "Reload Action" })
    .define({ name: "errors.retry.timeout", type: ConfigType.LONG, default: 0, importance: Importance.MEDIUM, documentation: "How long, in ms, a failed operation is retried: 0 never retries, -1 retries forever.", group: ERRORS, orderInGroup: 1, width: Width.MEDIUM, displayName: "Retry Timeout for Errors" })
    .define({ name: "errors.retry.delay.max.ms", type: ConfigType.LONG, default: 60000, importance: Importance.MEDIUM, documentation: "The longest wait, in ms, between two retries; past it the wait is randomized.", group: ERRORS, orderInGroup: 2, width: Width.MEDIUM, displayName: "Maximum Delay Between Retries for Errors" })
    .define({ name: "errors.tolerance", type: ConfigType.STRING, default: "none", validator: CaseInsensitiveValidString.in("none", "all"), recommender: choices("none", "all"), importance: Importance.MEDIUM, documentation: "none: an error fails the task at once. all: the failed record is skipped (and reported) and the task goes on.", group: ERRORS, orderInGroup: 3, width: Width.SHORT, displayName: "Error Tolerance" })
    .define({ name: "errors.log.enable", type: ConfigType.BOOLEAN, default: false, importance: Importance.MEDIUM, documentation: "Log every error with the operation that failed; by default only errors that fail the task are logged.", group: ERRORS, orderInGroup: 4, width: Width.SHORT, displayName: "Log Errors" })
    .define({ name: "errors.log.include.messages", type: ConfigType.BOOLEAN, default: false, importance: Importance.MEDIUM, documentation: "Include the failed record (its coordinates, and for source records its key, value and headers) in the error log.", group: ERRORS, orderInGroup: 5, width: Width.SHORT, displayName: "Log Error Details" });
}

/** Tributary's own error-handling keys, after Kafka Connect's. */
function withCircuitBreaker(def: ConfigDef): ConfigDef {
  return def
    .define({ name: CIRCUIT_BREAKER_MAX_FAILURES, type: ConfigType.INT, default: 0, validator: Range.atLeast(0), importance: Importance.LOW, documentation: "Tributary only: fail the task when more than this many records fail within tributary.errors.circuit.breaker.window.ms, even with errors.tolerance=all. 0 turns the circuit breaker off.", group: ERRORS, orderInGroup: 9, width: Width.SHORT, displayName: "Circuit breaker: most failures per window" })
    .define({ name: CIRCUIT_BREAKER_WINDOW_MS, type: ConfigType.LONG, default: 60000, validator: Range.atLeast(1), importance: Importance.LOW, documentation: "Tributary only: the sliding window, in ms, in which the circuit breaker counts failed records.", group: ERRORS, orderInGroup: 10, width: Width.SHORT, displayName: "Circuit breaker: window (ms)" });
}

const AUTO_RESTART = "Auto restart";

/** Tributary's auto-restart policy keys (herder/auto-restart-policy.ts), off by default as Kafka Connect never restarts a FAILED instance. */
function withAutoRestart(def: ConfigDef): ConfigDef {
  return def
    .define({ name: AUTO_RESTART_ENABLED, type: ConfigType.BOOLEAN, default: AUTO_RESTART_DEFAULTS.enabled, importance: Importance.LOW, documentation: "Tributary only: restart this connector's FAILED tasks (and the connector itself when FAILED) automatically, with exponential backoff. Kafka Connect never does; off by default.", group: AUTO_RESTART, orderInGroup: 1, width: Width.SHORT, displayName: "Auto restart failed instances" })
    .define({ name: AUTO_RESTART_MAX_ATTEMPTS, type: ConfigType.INT, default: AUTO_RESTART_DEFAULTS.maxAttempts, validator: Range.atLeast(0), importance: Importance.LOW, documentation: "Tributary only: how many consecutive automatic restarts of one task (or the connector) are tried before giving up; 0 means no limit. The count starts again after a manual restart, a config update, or once the instance stayed RUNNING for the backoff cap.", group: AUTO_RESTART, orderInGroup: 2, width: Width.SHORT, displayName: "Auto restart: most consecutive attempts" })
    .define({ name: AUTO_RESTART_BACKOFF_INITIAL_MS, type: ConfigType.LONG, default: AUTO_RESTART_DEFAULTS.backoffInitialMs, validator: Range.atLeast(1), importance: Importance.LOW, documentation: "Tributary only: the wait, in ms, before the first automatic restart; it doubles with each consecutive attempt.", group: AUTO_RESTART, orderInGroup: 3, width: Width.SHORT, displayName: "Auto restart: initial backoff (ms)" })
    .define({ name: AUTO_RESTART_BACKOFF_MAX_MS, type: ConfigType.LONG, default: AUTO_RESTART_DEFAULTS.backoffMaxMs, validator: Range.atLeast(1), importance: Importance.LOW, documentation: "Tributary only: the longest wait, in ms, between automatic restarts. An instance that stays RUNNING this long counts its attempts from 1 again.", group: AUTO_RESTART, orderInGroup: 4, width: Width.SHORT, displayName: "Auto restart: maximum backoff (ms)" });
}

/** The dead letter queue keys: Kafka Connect's for sinks; on sources, Tributary's extension, and said so. */
function withDeadLetterQueue(def: ConfigDef, forSources: boolean): ConfigDef {
  const note = forSources ? " Tributary only: Kafka Connect has dead letter queues for sink connectors alone." : "";
  return def
    .define({ name: "errors.deadletterqueue.topic.name", type: ConfigType.STRING, default: "", importance: Importance.MEDIUM, documentation: `The dead letter queue topic for records that failed in a converter, a transform or the connector; empty means no dead letter queue.${note}`, group: ERRORS, orderInGroup: 6, width: Width.MEDIUM, displayName: "Dead Letter Queue Topic Name" })
    .define({ name: "errors.deadletterqueue.topic.replication.factor", type: ConfigType.SHORT, default: 3, importance: Importance.MEDIUM, documentation: `Replication factor of the dead letter queue topic when the worker creates it.${note}`, group: ERRORS, orderInGroup: 7, width: Width.MEDIUM, displayName: "Dead Letter Queue Topic Replication Factor" })
    .define({ name: "errors.deadletterqueue.context.headers.enable", type: ConfigType.BOOLEAN, default: false, importance: Importance.MEDIUM, documentation: `Add __connect.errors.* headers describing the failure to each dead letter queue record.${note}`, group: ERRORS, orderInGroup: 8, width: Width.MEDIUM, displayName: "Enable Error Context Headers" });
}

/**
 * The keys every sink connector config may hold, in Kafka Connect 4.1's order (its
 * `SinkConnectorConfig`), then Tributary's own (circuit breaker, auto restart). `versions` are the installed plugins' versions.
 */
export function sinkConnectorConfigDef(versions: PluginVersions = {}): ConfigDef {
  const def = new ConfigDef(common(versions))
    .define({ name: "topics", type: ConfigType.LIST, default: "", importance: Importance.HIGH, documentation: "The topics to consume, comma-separated. Set this or topics.regex, not both.", group: COMMON, orderInGroup: 4, width: Width.LONG, displayName: "Topics" })
    .define({ name: "topics.regex", type: ConfigType.STRING, default: "", validator: javaRegex, importance: Importance.HIGH, documentation: "A regular expression; every topic whose whole name matches is consumed. Set this or topics, not both.", group: COMMON, orderInGroup: 4, width: Width.LONG, displayName: "Topics regex" });
  return withAutoRestart(withCircuitBreaker(withDeadLetterQueue(def, false)));
}

/**
 * The keys every source connector config may hold, in Kafka Connect 4.1's order (its
 * `SourceConnectorConfig`), then Tributary's own (dead letter queues for sources, the circuit breaker, auto restart).
 */
export function sourceConnectorConfigDef(versions: PluginVersions = {}): ConfigDef {
  const def = new ConfigDef(common(versions))
    .define({ name: "topic.creation.groups", type: ConfigType.LIST, default: "", importance: Importance.LOW, documentation: "Names of topic creation groups besides default, each configured with topic.creation.<group>.* keys.", group: "Topic Creation", orderInGroup: 1, width: Width.LONG, displayName: "Topic Creation Groups" })
    .define({ name: "exactly.once.support", type: ConfigType.STRING, default: "requested", validator: CaseInsensitiveValidString.in("requested", "required"), recommender: choices("requested", "required"), importance: Importance.MEDIUM, documentation: "Whether the connector must support exactly-once delivery (required) or may run without it (requested).", group: "Exactly Once Support", orderInGroup: 2, width: Width.SHORT, displayName: "Exactly once support" })
    .define({ name: "transaction.boundary", type: ConfigType.STRING, default: "poll", validator: CaseInsensitiveValidString.in("poll", "interval", "connector"), recommender: choices("poll", "interval", "connector"), importance: Importance.MEDIUM, documentation: "Where exactly-once transactions end: after each poll, every transaction.boundary.interval.ms, or where the connector says.", group: "Exactly Once Support", orderInGroup: 3, width: Width.SHORT, displayName: "Transaction Boundary" })
    .define({ name: "transaction.boundary.interval.ms", type: ConfigType.LONG, default: null, validator: nonNegative, importance: Importance.LOW, documentation: "With transaction.boundary=interval, how often, in ms, a transaction is committed; unset means the worker's offset.flush.interval.ms.", group: "Exactly Once Support", orderInGroup: 4, width: Width.SHORT, displayName: "Transaction boundary interval" })
    .define({ name: "offsets.storage.topic", type: ConfigType.STRING, default: null, importance: Importance.LOW, documentation: "A topic of its own for this connector's offsets (distributed mode only).", group: "offsets.topic", orderInGroup: 1, width: Width.LONG, displayName: "Offsets topic" });
  return withAutoRestart(withCircuitBreaker(withDeadLetterQueue(def, true)));
}

/**
 * The consumer group of a sink connector: `connect-<name>`, unless the connector overrides it
 * with `consumer.override.group.id`. Its committed offsets are the connector's offsets.
 */
export function sinkGroupId(name: string, config: Readonly<Record<string, string>>): string {
  return config["consumer.override.group.id"] ?? `connect-${name}`;
}
