import { describe, expect, it } from "vitest";
import { ConfigException } from "@/server/plugins/api/config-def";
import { BigDecimal } from "@/server/plugins/api/data/big-decimal";
import { DataException } from "@/server/plugins/api/data/errors";
import { ConnectDate, Decimal, Time, Timestamp } from "@/server/plugins/api/data/logical-types";
import { Schema } from "@/server/plugins/api/data/schema";
import { SchemaBuilder } from "@/server/plugins/api/data/schema-builder";
import { Struct } from "@/server/plugins/api/data/struct";
import { SinkRecord } from "@/server/plugins/api/records";
import { CastKey, CastValue } from "@/server/plugins/transforms/cast";

function configured<T extends CastKey | CastValue>(Type: new () => T, spec: string, extra: Record<string, string> = {}): T {
  const smt = new Type();
  smt.configure({ spec, ...extra });
  return smt;
}

function sink(fields: Partial<ConstructorParameters<typeof SinkRecord>[0]>): SinkRecord {
  return new SinkRecord({ topic: "test", kafkaPartition: 0, kafkaOffset: 0n, ...fields });
}

function castWhole(schema: Schema | null, value: unknown, spec: string): { schema: Schema | null; value: unknown } {
  const out = configured(CastValue, spec).apply(sink({ valueSchema: schema, value }));
  return { schema: out.valueSchema, value: out.value };
}

describe("Cast", () => {
  it.each([
    [Schema.INT32_SCHEMA, 300, "int8", 44],
    [Schema.INT32_SCHEMA, 42, "int16", 42],
    [Schema.INT64_SCHEMA, 4294967297n, "int32", 1],
    [Schema.INT32_SCHEMA, -5, "int64", -5n],
    [Schema.FLOAT64_SCHEMA, 1e10, "int32", 2147483647],
    [Schema.FLOAT64_SCHEMA, -3.9, "int64", -3n],
    [Schema.FLOAT64_SCHEMA, Number.NaN, "int32", 0],
    [Schema.FLOAT64_SCHEMA, 1.1, "float32", Math.fround(1.1)],
    [Schema.INT64_SCHEMA, 42n, "float64", 42],
    [Schema.INT32_SCHEMA, 0, "boolean", false],
    [Schema.FLOAT64_SCHEMA, 0.5, "boolean", false],
    [Schema.INT8_SCHEMA, 2, "boolean", true],
    [Schema.BOOLEAN_SCHEMA, true, "int32", 1],
    [Schema.BOOLEAN_SCHEMA, false, "float64", 0],
    [Schema.STRING_SCHEMA, "42", "int32", 42],
    [Schema.STRING_SCHEMA, "9223372036854775807", "int64", 9223372036854775807n],
    [Schema.STRING_SCHEMA, " 2.5 ", "float64", 2.5],
    [Schema.STRING_SCHEMA, "TRUE", "boolean", true],
    [Schema.STRING_SCHEMA, "yes", "boolean", false],
    [Schema.FLOAT64_SCHEMA, 5, "string", "5.0"],
    [Schema.FLOAT32_SCHEMA, Math.fround(1.1), "string", "1.1"],
    [Schema.INT64_SCHEMA, 42n, "string", "42"],
    [Schema.BOOLEAN_SCHEMA, true, "string", "true"],
    [Schema.BYTES_SCHEMA, new Uint8Array([0xde, 0xad, 0xbe, 0xef]), "string", "3q2+7w=="],
    [Timestamp.SCHEMA, new Date(Date.UTC(2024, 0, 5, 13, 7, 9, 45)), "string", "2024-01-05T13:07:09.045Z"],
    [Timestamp.SCHEMA, new Date(1_700_000_000_000), "int64", 1_700_000_000_000n],
    [ConnectDate.SCHEMA, new Date(Date.UTC(2024, 0, 5)), "string", "2024-01-05"],
    [ConnectDate.SCHEMA, new Date(Date.UTC(1970, 0, 11)), "int32", 10],
    [Time.SCHEMA, new Date(3_723_004), "string", "01:02:03.004Z"],
    [Decimal.schema(2), new BigDecimal(-12345n, 2), "int32", -123],
    [Decimal.schema(2), new BigDecimal(12345n, 2), "float64", 123.45],
    [Decimal.schema(2), new BigDecimal(12345n, 2), "string", "123.45"],
  ])("casts %s %s to %s as Java would: %s", (schema, value, spec, expected) => {
    const out = castWhole(schema, value, spec);
    expect(out.value).toEqual(expected);
    expect(out.schema!.type).toBe(spec.toUpperCase());
    expect(out.schema!.name).toBeNull();
  });

  it("keeps the name, version and optionality of a primitive schema cast whole, and casts its default", () => {
    const schema = SchemaBuilder.int64().name("com.example.Id").version(3).optional().defaultValue(7n).build();
    const out = castWhole(schema, 5n, "string");
    expect([out.schema!.name, out.schema!.version, out.schema!.optional, out.schema!.defaultValue, out.value]).toEqual(["com.example.Id", 3, true, "7", "5"]);
  });

  it.each([
    [Schema.STRING_SCHEMA, "abc", "int32", "Value (abc) was out of range for requested data type"],
    [Schema.STRING_SCHEMA, "300", "int8", "Value (300) was out of range for requested data type"],
    [Schema.BYTES_SCHEMA, new Uint8Array([1]), "int32", "Unexpected type in Cast transformation"],
    [SchemaBuilder.array(Schema.INT32_SCHEMA).build(), [1], "string", "Cast transformation does not support casting from ARRAY; supported types are [INT8, INT16, INT32, INT64, FLOAT32, FLOAT64, BOOLEAN, STRING, BYTES]"],
  ])("refuses to cast %s %s to %s", (schema, value, spec, message) => {
    expect(() => castWhole(schema, value, spec)).toThrow(DataException);
    expect(() => castWhole(schema, value, spec)).toThrow(message);
  });

  it("casts listed fields of a Struct, keeping optionality and casting defaults", () => {
    const schema = SchemaBuilder.struct()
      .name("row")
      .field("a", Schema.INT32_SCHEMA)
      .field("b", SchemaBuilder.float64().optional().defaultValue(1.5).build())
      .field("c", Schema.STRING_SCHEMA)
      .field("d", Schema.BYTES_SCHEMA)
      .build();
    const value = new Struct(schema).put("a", 300).put("c", "12").put("d", new Uint8Array([104, 105]));
    const out = configured(CastValue, "a:int8,b:string,c:int64,d:string").apply(sink({ valueSchema: schema, value }));
    const updated = out.valueSchema!;
    expect(updated.name).toBe("row");
    expect(updated.fields.map((field) => [field.name, field.schema.type, field.schema.optional, field.schema.defaultValue])).toEqual([
      ["a", "INT8", false, null],
      ["b", "STRING", true, "1.5"],
      ["c", "INT64", false, null],
      ["d", "STRING", false, null],
    ]);
    expect(updated.fields.map((field) => (out.value as Struct).get(field))).toEqual([44, "1.5", 12n, "aGk="]);
  });

  it("casts schemaless map entries and whole schemaless values, JSON numbers included", () => {
    const value = new Map<string, unknown>([["big", 42n], ["real", 2.0], ["flag", "true"], ["other", "x"]]);
    const out = configured(CastValue, "big:int32,real:string,flag:boolean,missing:int8").apply(sink({ value }));
    expect(out.value).toEqual(new Map<string, unknown>([["big", 42n], ["real", "2.0"], ["flag", true], ["other", "x"], ["missing", null]]));
    expect(castWhole(null, 42n, "string")).toEqual({ schema: null, value: "42" });
    expect(castWhole(null, new Uint8Array([1, 2]), "string")).toEqual({ schema: null, value: "AQI=" });
  });

  it("works on the key with $Key", () => {
    const out = configured(CastKey, "int32").apply(sink({ keySchema: Schema.INT64_SCHEMA, key: 5n, value: "v" }));
    expect([out.keySchema!.type, out.key, out.value]).toEqual(["INT32", 5, "v"]);
  });

  it.each([
    ["with a schema", { valueSchema: Schema.OPTIONAL_INT64_SCHEMA, value: null }],
    ["without one", { value: null }],
  ])("passes a null value through %s", (_name, fields) => {
    const record = sink(fields);
    expect(configured(CastValue, "int32").apply(record)).toBe(record);
  });

  it("honours replace.null.with.default", () => {
    const schema = SchemaBuilder.struct().field("opt", SchemaBuilder.int32().optional().defaultValue(9).build()).build();
    const record = sink({ valueSchema: schema, value: new Struct(schema) });
    expect((configured(CastValue, "opt:string").apply(record).value as Struct).getWithoutDefault("opt")).toBe("9");
    expect((configured(CastValue, "opt:string", { "replace.null.with.default": "false" }).apply(record).value as Struct).getWithoutDefault("opt")).toBeNull();
  });

  it.each([
    ["", "Must specify at least one field to cast."],
    ["a:nope", "Invalid type found in casting spec: nope"],
    ["bytes", "Cast transformation does not support casting to BYTES; supported types are [INT8, INT16, INT32, INT64, FLOAT32, FLOAT64, BOOLEAN, STRING]"],
    ["a:struct", "Cast transformation does not support casting to STRUCT"],
    ["int32,a:int8", "may only specify a single cast in their spec"],
    ["a:b:c", "Invalid cast mapping: a:b:c"],
  ])("refuses the spec %j", (spec, message) => {
    expect(() => configured(CastValue, spec)).toThrow(ConfigException);
    expect(() => configured(CastValue, spec)).toThrow(message);
  });
});
