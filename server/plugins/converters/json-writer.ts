import { BigDecimal } from "@/server/plugins/api/data/big-decimal";
import { DataException } from "@/server/plugins/api/data/errors";
import { javaDoubleToString, javaFloatToString } from "@/server/plugins/api/data/java-number-format";
import { ConnectDate, Decimal, Time, Timestamp } from "@/server/plugins/api/data/logical-types";
import { describeValue, Schema, type SchemaType } from "@/server/plugins/api/data/schema";
import { Struct } from "@/server/plugins/api/data/struct";

/** JsonConverter's schema type names (`float` is FLOAT32, `double` FLOAT64). */
export const JSON_TYPE_NAMES: Readonly<Record<SchemaType, string>> = {
  INT8: "int8",
  INT16: "int16",
  INT32: "int32",
  INT64: "int64",
  FLOAT32: "float",
  FLOAT64: "double",
  BOOLEAN: "boolean",
  STRING: "string",
  BYTES: "bytes",
  ARRAY: "array",
  MAP: "map",
  STRUCT: "struct",
};

/** How JsonConverter writes Decimals: base64 of the unscaled bytes, or a JSON number. */
export type DecimalFormat = "BASE64" | "NUMERIC";

/**
 * Writes Connect data as the compact JSON text Kafka's JsonConverter produces, byte for byte: the
 * schema format (keys in Kafka's order: `type`, then `fields`/`items`/`keys`+`values`, `optional`,
 * `name`, `version`, `doc`, `parameters`, `default`; a struct field is its schema plus a trailing
 * `"field"`), Java's number formats (`5.0` for a FLOAT64 5), Jackson's string escapes, base64
 * bytes. Schema text is cached per Schema object (weakly), so a converter reusing its schemas pays
 * for it once. One writer per converter; not shared between threads (there are none).
 */
export class JsonWriter {
  private readonly schemaCache = new WeakMap<Schema, string>();
  private readonly fieldPrefixes = new WeakMap<Schema, string[]>();

  constructor(private readonly options: { decimalFormat: DecimalFormat; replaceNullWithDefault: boolean }) {}

  /** The schema's JSON text; `null` for a null schema. */
  schema(schema: Schema | null): string {
    if (schema === null) return "null";
    let json = this.schemaCache.get(schema);
    if (json === undefined) {
      json = this.buildSchema(schema);
      this.schemaCache.set(schema, json);
    }
    return json;
  }

  private buildSchema(schema: Schema): string {
    let json = `{"type":"${JSON_TYPE_NAMES[schema.type]}"`;
    if (schema.type === "ARRAY") json += `,"items":${this.schema(schema.valueSchema)}`;
    if (schema.type === "MAP") json += `,"keys":${this.schema(schema.keySchema)},"values":${this.schema(schema.valueSchema)}`;
    if (schema.type === "STRUCT") {
      const fields = schema.fields.map((field) => `${this.schema(field.schema).slice(0, -1)},"field":${quote(field.name)}}`);
      json += `,"fields":[${fields.join(",")}]`;
    }
    json += `,"optional":${schema.optional}`;
    if (schema.name !== null) json += `,"name":${quote(schema.name)}`;
    if (schema.version !== null) json += `,"version":${schema.version}`;
    if (schema.doc !== null) json += `,"doc":${quote(schema.doc)}`;
    if (schema.parameters !== null) {
      const entries = Object.entries(schema.parameters).map(([key, value]) => `${quote(key)}:${quote(value)}`);
      json += `,"parameters":{${entries.join(",")}}`;
    }
    if (schema.defaultValue !== null) json += `,"default":${this.value(schema, schema.defaultValue)}`;
    return `${json}}`;
  }

  /**
   * The value's JSON text under `schema` (null: inferred from the JS value, as Kafka does for
   * schemaless data, where a bigint is an integer and a number a double, `3.0`; a plain object is
   * accepted there as a string-keyed map). Throws
   * DataException when the value does not fit the schema.
   */
  value(schema: Schema | null, value: unknown): string {
    if (value === null || value === undefined) {
      if (schema === null) return "null";
      if (schema.defaultValue !== null && this.options.replaceNullWithDefault) return this.value(schema, schema.defaultValue);
      if (schema.optional) return "null";
      throw new DataException("Conversion error: null value for field that is required and has no default value");
    }
    if (schema === null) return this.schemaless(value);
    if (schema.name !== null) {
      const logical = this.logical(schema, value);
      if (logical !== undefined) return logical;
    }
    switch (schema.type) {
      case "INT8":
      case "INT16":
      case "INT32":
        if (typeof value === "number" && Number.isInteger(value)) return String(value);
        break;
      case "INT64":
        if (typeof value === "bigint") return String(value);
        break;
      case "FLOAT32":
        if (typeof value === "number") return Number.isFinite(value) ? javaFloatToString(value) : `"${value}"`;
        break;
      case "FLOAT64":
        if (typeof value === "number") return Number.isFinite(value) ? javaDoubleToString(value) : `"${value}"`;
        break;
      case "BOOLEAN":
        if (typeof value === "boolean") return value ? "true" : "false";
        break;
      case "STRING":
        if (typeof value === "string") return quote(value);
        break;
      case "BYTES":
        if (value instanceof Uint8Array) return `"${base64(value)}"`;
        break;
      case "ARRAY":
        if (Array.isArray(value)) return this.array(schema.valueSchema, value);
        break;
      case "MAP":
        if (value instanceof Map) return this.map(schema.keySchema, schema.valueSchema, value, schema.keySchema?.type === "STRING");
        break;
      case "STRUCT":
        if (value instanceof Struct) {
          if (value.schema !== schema && !value.schema.equals(schema)) throw new DataException("Mismatching schema.");
          return this.struct(value);
        }
        break;
    }
    throw new DataException(`Invalid type for ${schema.type}: ${describeValue(value)}`);
  }

  private logical(schema: Schema, value: unknown): string | undefined {
    switch (schema.name) {
      case Decimal.LOGICAL_NAME:
        if (!(value instanceof BigDecimal)) throw new DataException(`Invalid type for Decimal, expected BigDecimal but was ${describeValue(value)}`);
        return this.options.decimalFormat === "NUMERIC" ? value.toString() : `"${base64(Decimal.fromLogical(schema, value))}"`;
      case ConnectDate.LOGICAL_NAME:
        return String(ConnectDate.fromLogical(schema, expectDate(value, "Date")));
      case Time.LOGICAL_NAME:
        return String(Time.fromLogical(schema, expectDate(value, "Time")));
      case Timestamp.LOGICAL_NAME:
        return String(Timestamp.fromLogical(schema, expectDate(value, "Timestamp")));
      default:
        return undefined;
    }
  }

  private schemaless(value: unknown): string {
    switch (typeof value) {
      case "string":
        return quote(value);
      case "boolean":
        return value ? "true" : "false";
      case "bigint":
        return String(value);
      case "number":
        return Number.isFinite(value) ? javaDoubleToString(value) : `"${value}"`;
      default:
    }
    if (value instanceof Uint8Array) return `"${base64(value)}"`;
    if (Array.isArray(value)) return this.array(null, value);
    if (value instanceof Map) return this.map(null, null, value, [...value.keys()].every((key) => typeof key === "string"));
    if (value instanceof Struct) return this.struct(value);
    if (isPlainObject(value)) return this.map(null, null, new Map(Object.entries(value)), true);
    throw new DataException(`JS value ${describeValue(value)} does not have corresponding schema type.`);
  }

  private array(elementSchema: Schema | null, items: readonly unknown[]): string {
    let json = "[";
    for (let i = 0; i < items.length; i++) json += (i === 0 ? "" : ",") + this.value(elementSchema, items[i]);
    return `${json}]`;
  }

  private map(keySchema: Schema | null, valueSchema: Schema | null, map: ReadonlyMap<unknown, unknown>, objectMode: boolean): string {
    const parts: string[] = [];
    for (const [key, value] of map) {
      if (objectMode) {
        if (typeof key !== "string") throw new DataException(`Invalid type for map key: ${describeValue(key)}`);
        parts.push(`${quote(key)}:${this.value(valueSchema, value)}`);
      } else {
        parts.push(`[${this.value(keySchema, key)},${this.value(valueSchema, value)}]`);
      }
    }
    return objectMode ? `{${parts.join(",")}}` : `[${parts.join(",")}]`;
  }

  private struct(struct: Struct): string {
    const fields = struct.schema.fields;
    let prefixes = this.fieldPrefixes.get(struct.schema);
    if (prefixes === undefined) {
      prefixes = fields.map((field, i) => `${i === 0 ? "{" : ","}${quote(field.name)}:`);
      this.fieldPrefixes.set(struct.schema, prefixes);
    }
    if (fields.length === 0) return "{}";
    let json = "";
    for (let i = 0; i < fields.length; i++) json += prefixes[i]! + this.value(fields[i]!.schema, struct.getWithoutDefault(fields[i]!));
    return `${json}}`;
  }
}

function expectDate(value: unknown, type: string): Date {
  if (!(value instanceof Date)) throw new DataException(`Invalid type for ${type}, expected Date but was ${describeValue(value)}`);
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Standard base64 with padding, as Jackson writes binary. */
export function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
}

const HEX = "0123456789ABCDEF";

/**
 * A JSON string literal as Jackson's UTF-8 generator writes it: `"` and `\` escaped, \b \t \n \f \r
 * short forms, other control characters as `\u00XX`, and every UTF-16 surrogate as `\uXXXX`
 * (upper-case hex), so a character outside the Basic Multilingual Plane is written as its escaped
 * surrogate pair (`\uD83D\uDE00`) and a lone surrogate survives; nothing else is escaped.
 */
export function quote(text: string): string {
  let out = '"';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 32 && c !== 34 && c !== 92 && (c < 0xd800 || c > 0xdfff)) continue;
    out += text.slice(from, i) + escapeOf(c);
    from = i + 1;
  }
  return from === 0 ? `"${text}"` : `${out}${text.slice(from)}"`;
}

const SHORT_ESCAPES: Readonly<Record<number, string>> = { 8: "\\b", 9: "\\t", 10: "\\n", 12: "\\f", 13: "\\r", 34: '\\"', 92: "\\\\" };

/** Jackson's escape for a UTF-16 code unit it does not write as is. */
function escapeOf(c: number): string {
  return SHORT_ESCAPES[c] ?? `\\u${HEX[c >> 12]}${HEX[(c >> 8) & 15]}${HEX[(c >> 4) & 15]}${HEX[c & 15]}`;
}
