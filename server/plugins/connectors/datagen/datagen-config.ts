import {
  CaseInsensitiveValidString,
  ConfigDef,
  ConfigException,
  ConfigType,
  Importance,
  LambdaValidator,
  NonEmptyString,
  type ParsedValue,
} from "@/server/plugins/api/config-def";
import { findQuickstart, QUICKSTARTS, type Quickstart } from "@/server/plugins/connectors/datagen/quickstarts";

/** kafka-connect-datagen's keys, verbatim. */
export const DatagenKeys = {
  KAFKA_TOPIC: "kafka.topic",
  MAX_INTERVAL: "max.interval",
  ITERATIONS: "iterations",
  SCHEMA_STRING: "schema.string",
  SCHEMA_FILENAME: "schema.filename",
  SCHEMA_KEYFIELD: "schema.keyfield",
  QUICKSTART: "quickstart",
  RANDOM_SEED: "random.seed",
} as const;

/** The key the connector adds to each task config: the task's index, 0 to tasks.max - 1. */
export const TASK_ID = "task.id";

/** Confluent's message when zero or several schema sources are set. */
export const SCHEMA_SOURCE_ERROR = "Must set exactly one of schema.string, schema.filename, quickstart";

const SCHEMA_SOURCE_KEYS = [DatagenKeys.SCHEMA_STRING, DatagenKeys.SCHEMA_FILENAME, DatagenKeys.QUICKSTART] as const;
const UNSUPPORTED_SOURCES = [DatagenKeys.SCHEMA_STRING, DatagenKeys.SCHEMA_FILENAME] as const;

const quickstartNames = [...QUICKSTARTS.keys()];
const knownQuickstart = CaseInsensitiveValidString.in(...quickstartNames);
/** Empty (no quickstart) or one of QUICKSTARTS in any case. */
const quickstartValidator = LambdaValidator.with(
  (name, value) => {
    if (value === "" || value === null) return;
    knownQuickstart.ensureValid(name, value);
  },
  () => `(case insensitive) [${quickstartNames.join(", ")}]`,
);

/**
 * The connector's ConfigDef: kafka-connect-datagen's keys with its defaults (`max.interval` 500,
 * `iterations` -1, the schema keys ""), so existing configs parse unchanged. Built on each call;
 * cheap, and callers never share a mutable instance.
 */
export function datagenConfigDef(): ConfigDef {
  return new ConfigDef()
    .define({ name: DatagenKeys.KAFKA_TOPIC, type: ConfigType.STRING, validator: new NonEmptyString(), importance: Importance.HIGH, documentation: "Topic to write to" })
    .define({
      name: DatagenKeys.MAX_INTERVAL,
      type: ConfigType.LONG,
      default: 500,
      importance: Importance.HIGH,
      documentation: "Max interval between messages (ms). Each task waits a random time up to this before each record; 0 (or less) generates as fast as possible, in batches.",
    })
    .define({
      name: DatagenKeys.ITERATIONS,
      type: ConfigType.INT,
      default: -1,
      importance: Importance.HIGH,
      documentation: "Number of messages to send from each task, or less than 1 for unlimited. Counted across restarts: a restarted task resumes from its committed count.",
    })
    .define({
      name: DatagenKeys.SCHEMA_STRING,
      type: ConfigType.STRING,
      default: "",
      importance: Importance.HIGH,
      documentation: "The literal JSON-encoded Avro schema to use. Not supported yet: use quickstart.",
    })
    .define({ name: DatagenKeys.SCHEMA_FILENAME, type: ConfigType.STRING, default: "", importance: Importance.HIGH, documentation: "Filename of schema to use. Not supported yet: use quickstart." })
    .define({
      name: DatagenKeys.SCHEMA_KEYFIELD,
      type: ConfigType.STRING,
      default: "",
      importance: Importance.HIGH,
      documentation: "Name of field to use as the message key. Empty: the quickstart's own key field (users: userid, orders: orderid, pageviews: viewtime).",
    })
    .define({
      name: DatagenKeys.QUICKSTART,
      type: ConfigType.STRING,
      default: "",
      validator: quickstartValidator,
      importance: Importance.HIGH,
      documentation: `Name of quickstart to use: ${quickstartNames.join(", ")} (case insensitive)`,
    })
    .define({
      name: DatagenKeys.RANDOM_SEED,
      type: ConfigType.LONG,
      default: null,
      importance: Importance.LOW,
      documentation:
        "Numeric seed for generating random data. Two connectors started with the same seed will deterministically produce the same data. Each task will generate different data than the other tasks in the same connector.",
    });
}

/** A problem with the schema keys that ConfigDef alone cannot see, attached to one key. */
export interface SchemaSourceProblem {
  key: string;
  message: string;
}

/**
 * The schema keys' problems, for `validate` (added to each key's errors) and `start` (the first is
 * thrown): zero or several of schema.string, schema.filename and quickstart set (Confluent's
 * check); schema.string or schema.filename used at all (Avro schemas are not supported yet); a
 * schema.keyfield that is not a top-level field of the quickstart. Null values (keys that failed
 * to parse) count as unset.
 */
export function schemaSourceProblems(values: ReadonlyMap<string, ParsedValue>): SchemaSourceProblem[] {
  const text = (key: string): string => {
    const value = values.get(key);
    return typeof value === "string" ? value : "";
  };
  const problems: SchemaSourceProblem[] = [];
  const setSources = SCHEMA_SOURCE_KEYS.filter((key) => text(key) !== "");
  if (setSources.length !== 1) {
    for (const key of setSources.length === 0 ? SCHEMA_SOURCE_KEYS : setSources) problems.push({ key, message: SCHEMA_SOURCE_ERROR });
  }
  for (const key of UNSUPPORTED_SOURCES) {
    if (text(key) !== "") problems.push({ key, message: `${key} is not supported yet; use quickstart` });
  }
  const quickstart = findQuickstart(text(DatagenKeys.QUICKSTART));
  const keyField = text(DatagenKeys.SCHEMA_KEYFIELD);
  if (quickstart && keyField !== "" && quickstart.valueSchema.field(keyField) === null) {
    const fields = quickstart.valueSchema.fields.map((field) => field.name).join(", ");
    problems.push({ key: DatagenKeys.SCHEMA_KEYFIELD, message: `Field ${keyField} is not in quickstart ${quickstart.name}'s schema; its fields are: ${fields}` });
  }
  return problems;
}

/** A datagen config parsed and checked, as the connector and each task use it. */
export interface DatagenSettings {
  topic: string;
  maxIntervalMs: number;
  /** Records per task; 0 or less for unlimited. */
  iterations: number;
  quickstart: Quickstart;
  keyField: string;
  randomSeed: number | null;
}

/**
 * Parses `props` with datagenConfigDef and the schema checks.
 * @throws ConfigException on the first problem, naming its key.
 */
export function parseDatagenSettings(props: Readonly<Record<string, string>>): DatagenSettings {
  const values = datagenConfigDef().parse(props);
  const problem = schemaSourceProblems(values).at(0);
  if (problem) throw new ConfigException(`Invalid configuration ${problem.key}: ${problem.message}`, { key: problem.key });
  const quickstart = findQuickstart(values.get(DatagenKeys.QUICKSTART) as string)!;
  const keyField = values.get(DatagenKeys.SCHEMA_KEYFIELD) as string;
  const seed = values.get(DatagenKeys.RANDOM_SEED);
  return {
    topic: values.get(DatagenKeys.KAFKA_TOPIC) as string,
    maxIntervalMs: values.get(DatagenKeys.MAX_INTERVAL) as number,
    iterations: values.get(DatagenKeys.ITERATIONS) as number,
    quickstart,
    keyField: keyField === "" ? quickstart.keyField : keyField,
    randomSeed: typeof seed === "number" ? seed : null,
  };
}
