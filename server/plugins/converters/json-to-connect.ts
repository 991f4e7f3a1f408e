import { BigDecimal } from "@/server/plugins/api/data/big-decimal";
import { DataException } from "@/server/plugins/api/data/errors";
import { JavaHashMap } from "@/server/plugins/api/data/java-hash-map";
import { ConnectDate, Decimal, Time, Timestamp } from "@/server/plugins/api/data/logical-types";
import type { Schema, SchemaType } from "@/server/plugins/api/data/schema";
import { SchemaBuilder } from "@/server/plugins/api/data/schema-builder";
import { Struct } from "@/server/plugins/api/data/struct";
import { JsonRawNumber, type JsonTree } from "@/server/plugins/converters/json-reader";

const INT_RANGES: Partial<Record<SchemaType, readonly [number, number]>> = {
  INT8: [-128, 127],
  INT16: [-32768, 32767],
  INT32: [-2147483648, 2147483647],
};
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const BUILDERS: Record<string, (() => SchemaBuilder) | undefined> = {
  boolean: SchemaBuilder.bool,
  int8: SchemaBuilder.int8,
  int16: SchemaBuilder.int16,
  int32: SchemaBuilder.int32,
  int64: SchemaBuilder.int64,
  float: SchemaBuilder.float32,
  double: SchemaBuilder.float64,
  bytes: SchemaBuilder.bytes,
  string: SchemaBuilder.string,
  struct: SchemaBuilder.struct,
};

/** Jackson's node type name of a parsed value, for messages that match Kafka's. */
export function nodeType(node: JsonTree | undefined): string {
  if (node === undefined) return "MISSING";
  if (node === null) return "NULL";
  if (typeof node === "boolean") return "BOOLEAN";
  if (typeof node === "string") return "STRING";
  if (Array.isArray(node)) return "ARRAY";
  if (node instanceof Map) return "OBJECT";
  return "NUMBER";
}

/**
 * The Connect Schema a JSON schema describes (Kafka's `JsonConverter.asConnectSchema`), with
 * Kafka's error messages. `replaceNullWithDefault` applies to default values that are JSON null.
 */
export function asConnectSchema(json: JsonTree | undefined, replaceNullWithDefault: boolean): Schema | null {
  if (json === null || json === undefined) return null;
  const get = (key: string): JsonTree | undefined => (json instanceof Map ? json.get(key) : undefined);
  const type = get("type");
  if (typeof type !== "string") throw new DataException("Schema must contain 'type' field");
  let builder: SchemaBuilder;
  if (type === "array") {
    const items = get("items");
    if (items === undefined || items === null) throw new DataException("Array schema did not specify the element type");
    builder = SchemaBuilder.array(asConnectSchema(items, replaceNullWithDefault)!);
  } else if (type === "map") {
    const keys = get("keys");
    if (keys === undefined) throw new DataException("Map schema did not specify the key type");
    const values = get("values");
    if (values === undefined) throw new DataException("Map schema did not specify the value type");
    builder = SchemaBuilder.map(asConnectSchema(keys, replaceNullWithDefault)!, asConnectSchema(values, replaceNullWithDefault)!);
  } else {
    const make = BUILDERS[type];
    if (make === undefined) throw new DataException(`Unknown schema type: ${type}`);
    builder = make();
  }
  if (type === "struct") {
    const fields = get("fields");
    if (!Array.isArray(fields)) throw new DataException(`Struct schema's "fields" argument is not an array.`);
    for (const field of fields) {
      const name = field instanceof Map ? field.get("field") : undefined;
      if (typeof name !== "string") throw new DataException("Struct schema's field name not specified properly");
      builder.field(name, asConnectSchema(field, replaceNullWithDefault)!);
    }
  }
  if (get("optional") === true) builder.optional();
  else builder.required();
  const name = get("name");
  if (typeof name === "string") builder.name(name);
  const version = get("version");
  if (isIntegerNode(version)) builder.version(Number(version));
  const doc = get("doc");
  if (typeof doc === "string") builder.doc(doc);
  const parameters = get("parameters");
  if (parameters instanceof Map) {
    for (const [key, value] of parameters) {
      if (typeof value !== "string") throw new DataException("Schema parameters must have string values.");
      builder.parameter(key, value);
    }
  }
  const defaultNode = get("default");
  if (defaultNode !== undefined) builder.defaultValue(convertToConnect(builder.build(), defaultNode, replaceNullWithDefault));
  return builder.build();
}

/**
 * The Connect value of a parsed JSON value (Kafka's `JsonConverter.convertToConnect`). With a
 * schema the JSON must fit it (stricter than Kafka, which silently coerces through Jackson's
 * accessors: here a string for an INT32, or 300 for an INT8, is a DataException). Without a schema:
 * integer → INT64 (bigint), other number → FLOAT64, object → Map, array, string, boolean. Maps
 * come out in Java's HashMap order (java-hash-map.ts), as Kafka's do.
 * `tree` objects and arrays are reused for the result where possible.
 */
export function convertToConnect(schema: Schema | null, node: JsonTree | undefined, replaceNullWithDefault: boolean): unknown {
  if (schema === null) return schemaless(node);
  if (node === null || node === undefined) {
    if (schema.defaultValue !== null && replaceNullWithDefault) return schema.defaultValue;
    if (schema.optional) return null;
    throw new DataException(`Invalid null value for required ${schema.type} field`);
  }
  if (schema.name !== null) {
    const logical = toLogical(schema, node);
    if (logical !== undefined) return logical;
  }
  switch (schema.type) {
    case "BOOLEAN":
      if (typeof node === "boolean") return node;
      break;
    case "INT8":
    case "INT16":
    case "INT32": {
      const [min, max] = INT_RANGES[schema.type]!;
      const value = wholeNumber(node);
      if (value !== null && value >= min && value <= max) return Number(value);
      break;
    }
    case "INT64": {
      const value = wholeNumber(node);
      if (value !== null && BigInt(value) >= INT64_MIN && BigInt(value) <= INT64_MAX) return BigInt(value);
      break;
    }
    case "FLOAT32":
    case "FLOAT64": {
      const value = floatNumber(node);
      if (value !== null) return schema.type === "FLOAT32" ? Math.fround(value) : value;
      break;
    }
    case "STRING":
      if (typeof node === "string") return node;
      break;
    case "BYTES":
      if (typeof node === "string") return decodeBase64(node);
      break;
    case "ARRAY":
      if (Array.isArray(node)) return node.map((item) => convertToConnect(schema.valueSchema, item, replaceNullWithDefault));
      break;
    case "MAP":
      return toMap(schema, node, replaceNullWithDefault);
    case "STRUCT": {
      if (!(node instanceof Map)) throw new DataException(`Structs should be encoded as JSON objects, but found ${nodeType(node)}`);
      const struct = new Struct(schema);
      for (const field of schema.fields) struct.put(field, convertToConnect(field.schema, node.get(field.name), replaceNullWithDefault));
      return struct;
    }
  }
  throw new DataException(`Invalid JSON ${nodeType(node)} for schema type ${schema.type}: ${preview(node)}`);
}

function toMap(schema: Schema, node: JsonTree, replaceNullWithDefault: boolean): Map<unknown, unknown> {
  const valueSchema = schema.valueSchema;
  const result = new JavaHashMap<unknown, unknown>();
  if (schema.keySchema === null || schema.keySchema.type === "STRING") {
    if (!(node instanceof Map)) throw new DataException(`Maps with string fields should be encoded as JSON objects, but found ${nodeType(node)}`);
    for (const [key, value] of node) result.set(key, convertToConnect(valueSchema, value, replaceNullWithDefault));
    return result.toMap();
  }
  if (!Array.isArray(node)) throw new DataException(`Maps with non-string fields should be encoded as JSON array of tuples, but found ${nodeType(node)}`);
  for (const entry of node) {
    if (!Array.isArray(entry)) throw new DataException(`Found invalid map entry instead of array tuple: ${nodeType(entry)}`);
    if (entry.length !== 2) throw new DataException(`Found invalid map entry, expected length 2 but found :${entry.length}`);
    result.set(convertToConnect(schema.keySchema, entry[0], replaceNullWithDefault), convertToConnect(valueSchema, entry[1], replaceNullWithDefault));
  }
  return result.toMap();
}

function toLogical(schema: Schema, node: JsonTree): unknown {
  switch (schema.name) {
    case Decimal.LOGICAL_NAME: {
      if (typeof node === "string") return Decimal.toLogical(schema, decodeBase64(node));
      const decimal = decimalOf(node);
      if (decimal === null) throw new DataException(`Invalid type for Decimal, underlying representation should be numeric or bytes but was ${nodeType(node)}`);
      return decimal.setScale(Decimal.scale(schema));
    }
    case ConnectDate.LOGICAL_NAME:
    case Time.LOGICAL_NAME: {
      const value = wholeNumber(node);
      const type = schema.name === Time.LOGICAL_NAME ? "Time" : "Date";
      if (value === null || typeof node !== "number" || value < -2147483648 || value > 2147483647) {
        throw new DataException(`Invalid type for ${type}, underlying representation should be integer but was ${nodeType(node)}`);
      }
      return type === "Time" ? Time.toLogical(schema, Number(value)) : ConnectDate.toLogical(schema, Number(value));
    }
    case Timestamp.LOGICAL_NAME: {
      const value = typeof node === "number" || typeof node === "bigint" ? wholeNumber(node) : null;
      if (value === null) throw new DataException(`Invalid type for Timestamp, underlying representation should be integral but was ${nodeType(node)}`);
      return Timestamp.toLogical(schema, value);
    }
    default:
      return undefined;
  }
}

function schemaless(node: JsonTree | undefined): unknown {
  if (node === null || node === undefined || typeof node === "string" || typeof node === "boolean") return node ?? null;
  if (typeof node === "number") {
    if (!Number.isInteger(node)) return node;
    return BigInt(node);
  }
  if (typeof node === "bigint") {
    if (node < INT64_MIN || node > INT64_MAX) throw new DataException(`Integer ${node} is out of range for INT64`);
    return node;
  }
  if (node instanceof JsonRawNumber) return node.value + 0;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) node[i] = schemaless(node[i]) as JsonTree;
    return node;
  }
  const result = new JavaHashMap<string, unknown>();
  for (const [key, value] of node) result.set(key, schemaless(value));
  return result.toMap();
}

function isIntegerNode(node: JsonTree | undefined): node is number | bigint {
  return typeof node === "bigint" || (typeof node === "number" && Number.isInteger(node));
}

/** The whole value of a numeric node (integer literals, and fraction literals with no fraction), else null. */
function wholeNumber(node: JsonTree): number | bigint | null {
  if (typeof node === "bigint") return node;
  if (typeof node === "number") return Number.isInteger(node) ? node : null;
  if (node instanceof JsonRawNumber) {
    const value = node.value;
    return Number.isSafeInteger(value) ? value : null;
  }
  return null;
}

/** A numeric node as a double; `-0` reads as 0, as Jackson's BigDecimal nodes have no negative zero. */
function floatNumber(node: JsonTree): number | null {
  if (typeof node === "number") return node + 0;
  if (typeof node === "bigint") return Number(node);
  if (node instanceof JsonRawNumber) return node.value + 0;
  if (node === "NaN") return NaN;
  if (node === "Infinity") return Infinity;
  if (node === "-Infinity") return -Infinity;
  return null;
}

function decimalOf(node: JsonTree): BigDecimal | null {
  if (typeof node === "bigint") return new BigDecimal(node, 0);
  if (typeof node === "number") return BigDecimal.parse(String(node));
  if (node instanceof JsonRawNumber) return BigDecimal.parse(node.text);
  return null;
}

function decodeBase64(text: string): Buffer {
  if (!BASE64.test(text)) throw new DataException("Invalid bytes field: not base64");
  return Buffer.from(text, "base64");
}

function preview(node: JsonTree): string {
  if (typeof node === "string") return JSON.stringify(node.length > 40 ? `${node.slice(0, 40)}…` : node);
  if (node instanceof JsonRawNumber) return node.text;
  if (typeof node === "object" && node !== null) return nodeType(node);
  return String(node);
}
