import { BigDecimal } from "@/server/plugins/api/data/big-decimal";
import { DataException } from "@/server/plugins/api/data/errors";

/** Kafka Connect's schema types (`Schema.Type`). */
export type SchemaType =
  | "INT8"
  | "INT16"
  | "INT32"
  | "INT64"
  | "FLOAT32"
  | "FLOAT64"
  | "BOOLEAN"
  | "STRING"
  | "BYTES"
  | "ARRAY"
  | "MAP"
  | "STRUCT";

/** Every schema type, in Kafka's declaration order. */
export const SCHEMA_TYPES: readonly SchemaType[] = ["INT8", "INT16", "INT32", "INT64", "FLOAT32", "FLOAT64", "BOOLEAN", "STRING", "BYTES", "ARRAY", "MAP", "STRUCT"];

/** The logical type names whose JS value is a `Date` (kept here so validation needs no import cycle). */
const TEMPORAL_LOGICAL_NAMES = new Set(["org.apache.kafka.connect.data.Date", "org.apache.kafka.connect.data.Time", "org.apache.kafka.connect.data.Timestamp"]);
const DECIMAL_LOGICAL_NAME = "org.apache.kafka.connect.data.Decimal";

const INT_RANGES: Partial<Record<SchemaType, readonly [number, number]>> = {
  INT8: [-128, 127],
  INT16: [-32768, 32767],
  INT32: [-2147483648, 2147483647],
};
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** The parts a Schema is made of; SchemaBuilder fills them, `new Schema` freezes them. */
export interface SchemaParts {
  type: SchemaType;
  optional?: boolean;
  defaultValue?: unknown;
  name?: string | null;
  version?: number | null;
  doc?: string | null;
  parameters?: Readonly<Record<string, string>> | null;
  fields?: readonly { name: string; schema: Schema }[];
  keySchema?: Schema | null;
  valueSchema?: Schema | null;
}

/** A STRUCT schema's field: its name, its position in the struct, and its schema. Immutable. */
export class Field {
  constructor(
    readonly name: string,
    readonly index: number,
    readonly schema: Schema,
  ) {}

  /** Same name, index and (deeply equal) schema. */
  equals(other: unknown): boolean {
    return other instanceof Field && other.name === this.name && other.index === this.index && this.schema.equals(other.schema);
  }
}

/**
 * An immutable Connect schema (Kafka's `ConnectSchema`), built with SchemaBuilder (which validates the
 * default value; `new Schema(parts)` trusts its parts) or taken from the constants below. Safe to share between tasks and to use as a cache key by identity.
 *
 * JS representation of values (what `validateValue` accepts and what converters produce):
 * INT8/INT16/INT32 and FLOAT32/FLOAT64 `number` (integers range-checked), INT64 `bigint` (so 64-bit
 * ids and offsets are exact), BOOLEAN `boolean`, STRING `string`, BYTES `Uint8Array` (a Buffer is one),
 * ARRAY `unknown[]`, MAP `Map<unknown, unknown>` (always a `Map`, also for schemaless JSON objects),
 * STRUCT a `Struct`. Logical types: Decimal `BigDecimal`, Date/Time/Timestamp a JS `Date`.
 */
export class Schema {
  readonly type: SchemaType;
  readonly optional: boolean;
  /** The value used in place of null, or null when there is none. */
  readonly defaultValue: unknown;
  readonly name: string | null;
  readonly version: number | null;
  readonly doc: string | null;
  readonly parameters: Readonly<Record<string, string>> | null;
  /** The key schema of a MAP, else null. */
  readonly keySchema: Schema | null;
  /** The element schema of an ARRAY or the value schema of a MAP, else null. */
  readonly valueSchema: Schema | null;
  private readonly fieldList: readonly Field[];
  private readonly fieldsByName: ReadonlyMap<string, Field>;

  constructor(parts: SchemaParts) {
    this.type = parts.type;
    this.optional = parts.optional ?? false;
    this.defaultValue = parts.defaultValue ?? null;
    this.name = parts.name ?? null;
    this.version = parts.version ?? null;
    this.doc = parts.doc ?? null;
    this.parameters = parts.parameters ? Object.freeze({ ...parts.parameters }) : null;
    this.keySchema = parts.keySchema ?? null;
    this.valueSchema = parts.valueSchema ?? null;
    this.fieldList = Object.freeze((parts.fields ?? []).map((field, index) => new Field(field.name, index, field.schema)));
    this.fieldsByName = new Map(this.fieldList.map((field) => [field.name, field]));
    Object.freeze(this);
  }

  /** A STRUCT's fields in order; throws DataException for any other type, like Kafka. */
  get fields(): readonly Field[] {
    if (this.type !== "STRUCT") throw new DataException(`Cannot list fields on non-struct type`);
    return this.fieldList;
  }

  /** The STRUCT field with this name, or null; throws DataException for any other type. */
  field(name: string): Field | null {
    if (this.type !== "STRUCT") throw new DataException(`Cannot look up fields on non-struct type`);
    return this.fieldsByName.get(name) ?? null;
  }

  /**
   * Throws DataException unless `value` is a valid value of this schema (Kafka's
   * `ConnectSchema.validateValue`): null only when optional; the JS type listed on the class;
   * integers within their type's range; arrays, maps and structs checked all the way down.
   * `location` names the value in the message (`field: "id"`).
   */
  validateValue(value: unknown, location = "value"): void {
    if (value === null || value === undefined) {
      if (!this.optional) throw new DataException(`Invalid value: null used for required ${location}, schema type: ${this.type}`);
      return;
    }
    if (!this.matchesJsType(value)) {
      const name = this.name === null ? "" : ` "${this.name}"`;
      throw new DataException(`Invalid JS value for schema${name} with type ${this.type}: ${describeValue(value)} for ${location}`);
    }
    switch (this.type) {
      case "ARRAY": {
        const element = requireSchema(this.valueSchema, `element of array ${location}`);
        for (const item of value as unknown[]) element.validateValue(item, `element of array ${location}`);
        return;
      }
      case "MAP": {
        const key = requireSchema(this.keySchema, `key of map ${location}`);
        const val = requireSchema(this.valueSchema, `value of map ${location}`);
        for (const [k, v] of value as Map<unknown, unknown>) {
          key.validateValue(k, `key of map ${location}`);
          val.validateValue(v, `value of map ${location}`);
        }
        return;
      }
      case "STRUCT": {
        const struct = value as StructLike;
        if (struct.schema !== this && !struct.schema.equals(this)) throw new DataException("Struct schemas do not match.");
        struct.validate();
        return;
      }
      default:
    }
  }

  private matchesJsType(value: unknown): boolean {
    if (this.name !== null) {
      if (TEMPORAL_LOGICAL_NAMES.has(this.name)) return value instanceof Date;
      if (this.name === DECIMAL_LOGICAL_NAME) return value instanceof BigDecimal;
    }
    switch (this.type) {
      case "INT8":
      case "INT16":
      case "INT32": {
        const [min, max] = INT_RANGES[this.type]!;
        return typeof value === "number" && Number.isInteger(value) && value >= min && value <= max;
      }
      case "INT64":
        return typeof value === "bigint" && value >= INT64_MIN && value <= INT64_MAX;
      case "FLOAT32":
      case "FLOAT64":
        return typeof value === "number";
      case "BOOLEAN":
        return typeof value === "boolean";
      case "STRING":
        return typeof value === "string";
      case "BYTES":
        return value instanceof Uint8Array;
      case "ARRAY":
        return Array.isArray(value);
      case "MAP":
        return value instanceof Map;
      case "STRUCT":
        return isStructLike(value);
    }
  }

  /** Deep structural equality, as Kafka's `ConnectSchema.equals` (default values compared by value). */
  equals(other: unknown): boolean {
    if (other === this) return true;
    if (!(other instanceof Schema)) return false;
    return (
      this.type === other.type &&
      this.optional === other.optional &&
      this.name === other.name &&
      this.version === other.version &&
      this.doc === other.doc &&
      recordsEqual(this.parameters, other.parameters) &&
      schemasEqual(this.keySchema, other.keySchema) &&
      schemasEqual(this.valueSchema, other.valueSchema) &&
      this.fieldList.length === other.fieldList.length &&
      this.fieldList.every((field, i) => field.equals(other.fieldList[i])) &&
      valuesEqual(this.defaultValue, other.defaultValue)
    );
  }

  /** `Schema{com.example.Order:STRUCT}` or `Schema{INT32}`, as Kafka prints schemas in messages. */
  toString(): string {
    return this.name === null ? `Schema{${this.type}}` : `Schema{${this.name}:${this.type}}`;
  }

  static readonly INT8_SCHEMA = new Schema({ type: "INT8" });
  static readonly INT16_SCHEMA = new Schema({ type: "INT16" });
  static readonly INT32_SCHEMA = new Schema({ type: "INT32" });
  static readonly INT64_SCHEMA = new Schema({ type: "INT64" });
  static readonly FLOAT32_SCHEMA = new Schema({ type: "FLOAT32" });
  static readonly FLOAT64_SCHEMA = new Schema({ type: "FLOAT64" });
  static readonly BOOLEAN_SCHEMA = new Schema({ type: "BOOLEAN" });
  static readonly STRING_SCHEMA = new Schema({ type: "STRING" });
  static readonly BYTES_SCHEMA = new Schema({ type: "BYTES" });
  static readonly OPTIONAL_INT8_SCHEMA = new Schema({ type: "INT8", optional: true });
  static readonly OPTIONAL_INT16_SCHEMA = new Schema({ type: "INT16", optional: true });
  static readonly OPTIONAL_INT32_SCHEMA = new Schema({ type: "INT32", optional: true });
  static readonly OPTIONAL_INT64_SCHEMA = new Schema({ type: "INT64", optional: true });
  static readonly OPTIONAL_FLOAT32_SCHEMA = new Schema({ type: "FLOAT32", optional: true });
  static readonly OPTIONAL_FLOAT64_SCHEMA = new Schema({ type: "FLOAT64", optional: true });
  static readonly OPTIONAL_BOOLEAN_SCHEMA = new Schema({ type: "BOOLEAN", optional: true });
  static readonly OPTIONAL_STRING_SCHEMA = new Schema({ type: "STRING", optional: true });
  static readonly OPTIONAL_BYTES_SCHEMA = new Schema({ type: "BYTES", optional: true });
}

/** What `validateValue` needs of a Struct; struct.ts implements it (it imports this file, not the reverse). */
interface StructLike {
  readonly schema: Schema;
  validate(): void;
}

function isStructLike(value: unknown): value is StructLike {
  return typeof value === "object" && value !== null && (value as StructLike).schema instanceof Schema && typeof (value as StructLike).validate === "function";
}

function requireSchema(schema: Schema | null, location: string): Schema {
  if (schema === null) throw new DataException(`No schema defined for ${location}`);
  return schema;
}

function schemasEqual(a: Schema | null, b: Schema | null): boolean {
  return a === b || (a !== null && a.equals(b));
}

function recordsEqual(a: Readonly<Record<string, string>> | null, b: Readonly<Record<string, string>> | null): boolean {
  if (a === null || b === null) return a === b;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/**
 * Deep equality of Connect values: bytes by content, Dates by time, arrays and Maps element-wise,
 * and objects with an `equals` method (Struct, BigDecimal, Schema) through it. Used by
 * `Schema.equals` (default values) and `Struct.equals`.
 */
export function valuesEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return Number.isNaN(a) && Number.isNaN(b);
  if (a instanceof Uint8Array) return b instanceof Uint8Array && a.length === b.length && a.every((byte, i) => byte === b[i]);
  if (a instanceof Date) return b instanceof Date && a.getTime() === b.getTime();
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => valuesEqual(item, b[i]));
  if (a instanceof Map) {
    if (!(b instanceof Map) || a.size !== b.size) return false;
    for (const [key, value] of a) if (!b.has(key) || !valuesEqual(value, b.get(key))) return false;
    return true;
  }
  const withEquals = a as { equals?: (other: unknown) => boolean };
  return typeof withEquals.equals === "function" && withEquals.equals(b);
}

/** A short description of a JS value's type for error messages: `string "abc"`, `number 1.5`, `Map`. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "string") return `string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === "number" || typeof value === "boolean") return `${typeof value} ${String(value)}`;
  if (typeof value === "bigint") return `bigint ${value}`;
  if (typeof value === "object") return (value as object).constructor?.name ?? "object";
  return typeof value;
}
