import { z } from "zod";
import { TributaryError } from "@/server/errors/tributary-error";

/**
 * Worker settings under Kafka Connect's own keys (reference §3.2), parsed from strings (a
 * `.properties` file, environment variables) into typed values. Keys not listed here are kept
 * verbatim in `originals` (`producer.*`, `consumer.*`, `admin.*`, `config.providers.*`, …) for
 * the code that owns them.
 *
 * Deliberate leniency: `key.converter` and `value.converter` default to the JsonConverter
 * instead of being required, so a minimal file with only `bootstrap.servers` starts.
 */
export class WorkerConfigError extends TributaryError {
  override name = "WorkerConfigError";

  readonly key: string;

  /** `key` is the offending key, or the file name when the file itself cannot be read. */
  constructor(key: string, message: string) {
    super("config.invalid_value", message);
    this.key = key;
  }
}

const integer = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z
    .string()
    .trim()
    .regex(/^-?\d+$/, `must be an integer`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be between ${min} and ${max}`);

const bool = z
  .string()
  .trim()
  .toLowerCase()
  .refine((s) => s === "true" || s === "false", "must be true or false")
  .transform((s) => s === "true");

const list = z
  .string()
  .transform((s) => s.split(",").map((item) => item.trim()).filter((item) => item.length > 0));

const nonEmptyList = list.refine((items) => items.length > 0, "must list at least one value");

const text = z.string().trim();

/** Kafka's topic sizing: a positive count, or -1 for the broker's default. */
const topicSize = (max: number) => integer(-1, max).refine((n) => n !== 0, "must be positive, or -1 for the broker's default");

const oneOf = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .string()
    .trim()
    .refine((s): s is T => (values as readonly string[]).includes(s), `must be one of ${values.join(", ")}`);

/** A `listeners` entry: `http://host:port` or `https://host:port`; an empty host means all interfaces. */
const listener = /^(https?):\/\/(\[[^\]]*\]|[^:/]*):(\d{1,5})\/?$/i;

const listeners = nonEmptyList.refine(
  (items) => items.every((item) => listener.test(item) && Number(listener.exec(item)![3]) <= 65535),
  "must be a list of URLs like http://:8083 or http://localhost:8083",
);

const JSON_CONVERTER = "org.apache.kafka.connect.json.JsonConverter";

/** Each known key, its parser and its default (as Kafka Connect writes it, a string). */
const keys = {
  "bootstrap.servers": { schema: nonEmptyList, default: "localhost:9092" },
  "client.id": { schema: text, default: undefined },
  "group.id": { schema: text, default: undefined },
  "key.converter": { schema: text, default: JSON_CONVERTER },
  "value.converter": { schema: text, default: JSON_CONVERTER },
  "header.converter": { schema: text, default: "org.apache.kafka.connect.storage.SimpleHeaderConverter" },
  "offset.flush.interval.ms": { schema: integer(0), default: "60000" },
  "offset.flush.timeout.ms": { schema: integer(0), default: "5000" },
  "task.shutdown.graceful.timeout.ms": { schema: integer(0), default: "5000" },
  "offset.storage.file.filename": { schema: text, default: undefined },
  "plugin.path": { schema: list, default: "" },
  listeners: { schema: listeners, default: "http://:8083" },
  "rest.advertised.host.name": { schema: text, default: undefined },
  "rest.advertised.port": { schema: integer(1, 65535), default: undefined },
  "config.storage.topic": { schema: text, default: undefined },
  "offset.storage.topic": { schema: text, default: undefined },
  "status.storage.topic": { schema: text, default: undefined },
  "config.storage.replication.factor": { schema: topicSize(32767), default: "3" },
  "offset.storage.replication.factor": { schema: topicSize(32767), default: "3" },
  "status.storage.replication.factor": { schema: topicSize(32767), default: "3" },
  "offset.storage.partitions": { schema: topicSize(2 ** 31 - 1), default: "25" },
  "status.storage.partitions": { schema: topicSize(2 ** 31 - 1), default: "5" },
  // Tributary waits 3 s for a departed worker before reassigning its work; Kafka Connect waits 5 minutes.
  "scheduled.rebalance.max.delay.ms": { schema: integer(0), default: "3000" },
  "topic.creation.enable": { schema: bool, default: "true" },
  "topic.tracking.enable": { schema: bool, default: "true" },
  "topic.tracking.allow.reset": { schema: bool, default: "true" },
  "connector.client.config.override.policy": { schema: oneOf(["All", "None", "Principal"]), default: "All" },
  "security.protocol": { schema: oneOf(["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"]), default: "PLAINTEXT" },
  "sasl.mechanism": { schema: oneOf(["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"]), default: "PLAIN" },
  "request.timeout.ms": { schema: integer(1), default: "30000" },
  "socket.connection.setup.timeout.ms": { schema: integer(1), default: "10000" },
  "retry.backoff.ms": { schema: integer(0), default: "100" },
  "metrics.sample.window.ms": { schema: integer(1), default: "30000" },
  "metrics.num.samples": { schema: integer(1, 100), default: "2" },
  "tributary.metrics.retention.ms": { schema: integer(60_000), default: "604800000" },
  "tributary.database.url": { schema: z.string().trim().startsWith("file:", "must be a file: URL"), default: "file:./data/tributary.db" },
} as const;

type Keys = typeof keys;

/** Typed values of the known keys; keys without a default are `undefined` when unset. */
export type WorkerSettings = {
  [K in keyof Keys]: Keys[K]["default"] extends string
    ? z.output<Keys[K]["schema"]>
    : z.output<Keys[K]["schema"]> | undefined;
};

/** A validated worker configuration: typed known settings plus every original string. */
export interface WorkerConfig {
  readonly settings: WorkerSettings;
  /** Every key as given (file, then environment), including keys this module does not know. */
  readonly originals: Readonly<Record<string, string>>;
}

/** Keys whose values are secrets: never logged, never returned by an API. */
export function isSecretKey(key: string): boolean {
  return /(password|secret|token|jaas\.config|\.key$|keystore\.key|credentials)/i.test(key);
}

/**
 * Validates `originals` against the known keys and returns the typed configuration.
 * Throws WorkerConfigError naming the first bad key; `source` says where the values came from,
 * for the message ("worker.properties", "the environment").
 */
export function parseWorkerConfig(originals: Record<string, string>, source: (key: string) => string): WorkerConfig {
  const settings: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(keys)) {
    const raw = originals[key] ?? spec.default;
    if (raw === undefined) {
      settings[key] = undefined;
      continue;
    }
    const parsed = (spec.schema as z.ZodType).safeParse(raw);
    if (!parsed.success) {
      const shown = isSecretKey(key) ? "[hidden]" : JSON.stringify(raw);
      const problem = parsed.error.issues[0]?.message ?? "is invalid";
      throw new WorkerConfigError(key, `Invalid worker configuration from ${source(key)}: "${key}" ${problem}, got ${shown}`);
    }
    settings[key] = parsed.data;
  }
  return { settings: settings as WorkerSettings, originals: { ...originals } };
}

/** Splits a `listeners` entry into its parts; the entry must have passed validation. */
export function parseListener(entry: string): { protocol: "http" | "https"; host: string; port: number } {
  const match = listener.exec(entry);
  if (!match) throw new TributaryError("config.invalid_value", `Not a listener URL: ${entry}`);
  return { protocol: match[1]!.toLowerCase() as "http" | "https", host: match[2]!.replace(/^\[|\]$/g, ""), port: Number(match[3]) };
}

/** One internal topic of distributed mode, as the worker settings name and size it. */
export interface InternalTopicSettings {
  /** The setting that names the topic (`config.storage.topic`), for messages. */
  setting: string;
  topic: string;
  /** Partitions of the topic when the worker creates it (-1: the broker's default); the config topic always has 1. */
  partitions: number;
  /** Replication factor when the worker creates it (-1: the broker's default). */
  replicationFactor: number;
  /** Further topic configs for its creation: the other `<prefix>.*` keys, such as `config.storage.min.insync.replicas`. */
  topicConfigs: Record<string, string>;
}

/** Distributed mode's group and internal topics (Kafka Connect's DistributedConfig). */
export interface DistributedStorageSettings {
  groupId: string;
  config: InternalTopicSettings;
  offsets: InternalTopicSettings;
  status: InternalTopicSettings;
}

/** `<prefix>.*` keys that are not topic configs: the topic's name and sizing, the forced cleanup policy, and standalone's `offset.storage.file.filename`. */
const NOT_TOPIC_CONFIGS = new Set(["topic", "partitions", "replication.factor", "cleanup.policy", "file.filename"]);

/**
 * The settings distributed mode needs beyond the common ones: `group.id` and the three internal
 * topics, which Kafka Connect requires and which must be three different topics. Throws
 * WorkerConfigError naming the first key missing or in conflict.
 */
export function distributedStorageSettings(config: WorkerConfig): DistributedStorageSettings {
  const { settings, originals } = config;
  const required = (key: "group.id" | "config.storage.topic" | "offset.storage.topic" | "status.storage.topic"): string => {
    const value = settings[key];
    if (!value) throw new WorkerConfigError(key, `Invalid worker configuration: distributed mode needs "${key}", which is not set`);
    return value;
  };
  const topic = (prefix: "config.storage" | "offset.storage" | "status.storage", partitions: number): InternalTopicSettings => {
    const topicConfigs: Record<string, string> = {};
    for (const [key, value] of Object.entries(originals)) {
      const name = key.startsWith(`${prefix}.`) ? key.slice(prefix.length + 1) : undefined;
      if (name && !NOT_TOPIC_CONFIGS.has(name)) topicConfigs[name] = value;
    }
    const replicationFactor = settings[`${prefix}.replication.factor`];
    return { setting: `${prefix}.topic`, topic: required(`${prefix}.topic`), partitions, replicationFactor, topicConfigs };
  };
  const storage = {
    groupId: required("group.id"),
    config: topic("config.storage", 1),
    offsets: topic("offset.storage", settings["offset.storage.partitions"]),
    status: topic("status.storage", settings["status.storage.partitions"]),
  };
  const topics = [storage.config, storage.offsets, storage.status];
  for (const [i, one] of topics.entries()) {
    const other = topics.slice(0, i).find((earlier) => earlier.topic === one.topic);
    if (other) throw new WorkerConfigError(one.setting, `Invalid worker configuration: "${one.setting}" and "${other.setting}" both name topic ${JSON.stringify(one.topic)}; each needs a topic of its own`);
  }
  return storage;
}
