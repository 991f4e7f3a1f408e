/**
 * Tributary's Connect data to and from the differential test's typed JSON (vector.ts), the
 * mirror of the harness's ConnectDataCodec.java: decoding builds schemas with SchemaBuilder and
 * values in Tributary's JS representation; encoding is schema-driven where a schema is given and
 * representation-driven where not (a schemaless JS number is `number`, a bigint `int64`).
 */
import { BigDecimal } from "@/server/plugins/api/data/big-decimal";
import type { Schema } from "@/server/plugins/api/data/schema";
import { SchemaBuilder } from "@/server/plugins/api/data/schema-builder";
import { Struct } from "@/server/plugins/api/data/struct";
import type { Headers } from "@/server/plugins/api/headers";
import type { HeaderSpec, SchemaSpec, TypedValue } from "./vector";

const view = new DataView(new ArrayBuffer(8));

/** The hex of a double's IEEE bits, as Java's `%016x` of `doubleToRawLongBits`. */
export function float64Bits(value: number): string {
  view.setFloat64(0, value);
  return view.getBigUint64(0).toString(16).padStart(16, "0");
}

/** The hex of a float32's IEEE bits (the argument rounded to float32 first). */
export function float32Bits(value: number): string {
  view.setFloat32(0, value);
  return view.getUint32(0).toString(16).padStart(8, "0");
}

/** The double whose bits `hex` gives (16 hex digits). */
export function float64FromBits(hex: string): number {
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

/** The float32 whose bits `hex` gives (8 hex digits), as a JS number. */
export function float32FromBits(hex: string): number {
  view.setUint32(0, Number.parseInt(hex, 16));
  return view.getFloat32(0);
}

/** A Schema from its typed-JSON description; null gives null. */
export function toSchema(spec: SchemaSpec | null | undefined): Schema | null {
  if (!spec) return null;
  let builder: SchemaBuilder;
  if (spec.type === "ARRAY") builder = SchemaBuilder.array(toSchema(spec.values)!);
  else if (spec.type === "MAP") builder = SchemaBuilder.map(toSchema(spec.keys)!, toSchema(spec.values)!);
  else if (spec.type === "STRUCT") {
    builder = SchemaBuilder.struct();
    for (const field of spec.fields ?? []) builder.field(field.name, toSchema(field.schema)!);
  } else builder = SchemaBuilder.type(spec.type);
  if (spec.optional) builder.optional();
  if (spec.name !== undefined) builder.name(spec.name);
  if (spec.version !== undefined) builder.version(spec.version);
  if (spec.doc !== undefined) builder.doc(spec.doc);
  for (const [key, value] of spec.parameters ?? []) builder.parameter(key, value);
  if (spec.default !== undefined) builder.defaultValue(toValue(builder.build(), spec.default));
  return builder.build();
}

/**
 * A JS value from typed JSON; `schema` types struct fields, and without one an integer of any
 * width is a bigint (Tributary's schemaless integer).
 */
export function toValue(schema: Schema | null, typed: TypedValue): unknown {
  if (typed === null) return null;
  const [tag] = Object.keys(typed);
  const body = (typed as Record<string, unknown>)[tag!];
  switch (tag) {
    case "int8":
    case "int16":
    case "int32":
      return schema === null ? BigInt(body as number) : body;
    case "boolean":
    case "string":
      return body;
    case "int64":
      return BigInt(body as string);
    case "float32":
      return typeof body === "string" ? float32FromBits(body) : Math.fround(body as number);
    case "float64":
    case "number":
      return typeof body === "string" ? float64FromBits(body) : body;
    case "bytes":
      return new Uint8Array(Buffer.from(body as string, "base64"));
    case "decimal":
      return new BigDecimal(BigInt(body as string), (typed as { scale: number }).scale);
    case "date":
      return new Date(Number(body));
    case "array":
      return (body as TypedValue[]).map((item) => toValue(schema?.valueSchema ?? null, item));
    case "map":
      return new Map((body as [TypedValue, TypedValue][]).map(([k, v]) => [toValue(schema?.keySchema ?? null, k), toValue(schema?.valueSchema ?? null, v)]));
    case "struct": {
      const struct = new Struct(schema!);
      for (const [name, value] of body as [string, TypedValue][]) struct.put(name, toValue(schema!.field(name)!.schema, value));
      return struct;
    }
    default:
      throw new Error(`Unknown typed value tag ${tag}`);
  }
}

/** A schema's typed-JSON description, keys in the harness's order; null for null. */
export function fromSchema(schema: Schema | null): SchemaSpec | null {
  if (schema === null) return null;
  const out: SchemaSpec = { type: schema.type, optional: schema.optional };
  if (schema.name !== null) out.name = schema.name;
  if (schema.version !== null) out.version = schema.version;
  if (schema.doc !== null) out.doc = schema.doc;
  if (schema.parameters !== null) out.parameters = Object.entries(schema.parameters);
  if (schema.defaultValue !== null) out.default = fromValue(schema, schema.defaultValue);
  if (schema.type === "STRUCT") out.fields = schema.fields.map((field) => ({ name: field.name, schema: fromSchema(field.schema)! }));
  if (schema.type === "MAP") out.keys = fromSchema(schema.keySchema)!;
  if (schema.type === "MAP" || schema.type === "ARRAY") out.values = fromSchema(schema.valueSchema)!;
  return out;
}

/** A value's typed JSON: by `schema` when given, else by its JS representation. */
export function fromValue(schema: Schema | null, value: unknown): TypedValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return { date: String(value.getTime()) };
  if (value instanceof BigDecimal) return { decimal: String(value.unscaled), scale: value.scale };
  if (value instanceof Uint8Array) return { bytes: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("base64") };
  if (typeof value === "boolean") return { boolean: value };
  if (typeof value === "string") return { string: value };
  if (typeof value === "bigint") return { int64: String(value) };
  if (typeof value === "number") {
    switch (schema?.type) {
      case "INT8":
        return { int8: value };
      case "INT16":
        return { int16: value };
      case "INT32":
        return { int32: value };
      case "FLOAT32":
        return { float32: float32Bits(value) };
      case "FLOAT64":
        return { float64: float64Bits(value) };
      default:
        return { number: float64Bits(value) };
    }
  }
  if (Array.isArray(value)) return { array: value.map((item) => fromValue(schema?.valueSchema ?? null, item)) };
  if (value instanceof Map) return { map: [...value].map(([k, v]): [TypedValue, TypedValue] => [fromValue(schema?.keySchema ?? null, k), fromValue(schema?.valueSchema ?? null, v)]) };
  if (value instanceof Struct) return { struct: value.schema.fields.map((field): [string, TypedValue] => [field.name, fromValue(field.schema, value.getWithoutDefault(field))]) };
  return { unknown: `${(value as object).constructor?.name ?? typeof value}:${String(value)}` };
}

/** A record's headers as typed JSON, in order. */
export function fromHeaders(headers: Headers): HeaderSpec[] {
  return [...headers].map((header) => ({ key: header.key, schema: fromSchema(header.schema), value: fromValue(header.schema, header.value) }));
}
