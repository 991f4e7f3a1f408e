/**
 * The differential test's shared vocabulary: a test vector (one input and the configuration it
 * runs with), the typed-JSON data it carries (see typed-data.ts), and a side's result for it.
 * Both the Java harness and Tributary's runner take the same vector and answer in the same shape,
 * so results compare as JSON.
 */

/** A schema as typed JSON: Kafka's type name, flags, and nested schemas. */
export interface SchemaSpec {
  type: "INT8" | "INT16" | "INT32" | "INT64" | "FLOAT32" | "FLOAT64" | "BOOLEAN" | "STRING" | "BYTES" | "ARRAY" | "MAP" | "STRUCT";
  optional: boolean;
  name?: string;
  version?: number;
  doc?: string;
  /** In order, as `[key, value]` pairs. */
  parameters?: [string, string][];
  default?: TypedValue;
  fields?: { name: string; schema: SchemaSpec }[];
  keys?: SchemaSpec;
  /** An ARRAY's element schema or a MAP's value schema. */
  values?: SchemaSpec;
}

/**
 * A value as typed JSON, one tag per Connect representation: 64-bit integers as decimal text,
 * floats as the hex of their IEEE bits, bytes as base64. Without a schema, any integer is an
 * `int64` and any float a `number` (the bits of it widened to a double): no wire format tells
 * their widths apart, and Tributary keeps schemaless integers as bigint. Decimal is unscaled
 * digits and a scale, the logical time types epoch milliseconds (`date`), maps and structs
 * ordered pairs.
 */
export type TypedValue =
  | null
  | { boolean: boolean }
  | { int8: number }
  | { int16: number }
  | { int32: number }
  | { int64: string }
  | { float32: string }
  | { float64: string }
  | { number: string }
  | { string: string }
  | { bytes: string }
  | { decimal: string; scale: number }
  | { date: string }
  | { array: TypedValue[] }
  | { map: [TypedValue, TypedValue][] }
  | { struct: [string, TypedValue][] }
  | { unknown: string };

/** A header of a Connect record. */
export interface HeaderSpec {
  key: string;
  schema: SchemaSpec | null;
  value: TypedValue;
}

/** A Connect record as typed JSON (a source task's output, or what a sink task receives). */
export interface RecordSpec {
  topic: string;
  partition: number | null;
  /** Epoch milliseconds as text, or null. */
  timestamp: string | null;
  keySchema: SchemaSpec | null;
  key: TypedValue;
  valueSchema: SchemaSpec | null;
  value: TypedValue;
  headers: HeaderSpec[];
}

/** A Kafka record as bytes (base64, null for null). */
export interface MessageSpec {
  topic: string;
  partition: number | null;
  timestamp: string | null;
  key: string | null;
  value: string | null;
  headers: [string, string | null][];
}

/** A sink-side input: the consumed Kafka record. */
export interface ConsumedSpec {
  topic: string;
  partition: number;
  offset: string;
  timestamp: string;
  key: string | null;
  value: string | null;
  headers: [string, string | null][];
}

/** The connector-level settings a vector runs with: converters, transforms, predicates. */
export type ConnectorConfig = Record<string, string>;

/** What a vector exercises, for the figures per converter and transform. */
export interface VectorTags {
  /** Converter, transform, predicate or API names this vector covers (short class names). */
  covers: string[];
}

/** One test vector. `id` is unique and stable (it names the vector in diffs). */
export type Vector = VectorTags &
  (
    | { id: string; kind: "source"; config: ConnectorConfig; record: RecordSpec }
    | { id: string; kind: "sink"; config: ConnectorConfig; message: ConsumedSpec }
    | { id: string; kind: "file"; config: ConnectorConfig; content: string }
    | { id: string; kind: "parseString"; text: string | null }
    | { id: string; kind: "convertToString"; schema: SchemaSpec | null; value: TypedValue }
  );

/** A failure: the pipeline stage (Connect's names, or CONFIGURE) and the exception's simple class name. */
export interface FailureSpec {
  stage: string;
  class: string;
  message: string;
  trace?: string;
}

/** One line of a file vector's result. */
export interface FileLineSpec {
  value: TypedValue;
  /** The source offset `position`, as text. */
  position: string;
  /** The value converter's bytes, base64. */
  bytes: string | null;
}

/** A side's answer to a vector: a result (its shape depends on the kind) or a failure. */
export interface KafkaResult {
  result?: unknown;
  error?: FailureSpec;
}
