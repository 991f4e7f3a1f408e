import { describe, expect, it } from "vitest";
import { ConfigException } from "@/server/plugins/api/config-def";
import { BigDecimal } from "@/server/plugins/api/data/big-decimal";
import { DataException } from "@/server/plugins/api/data/errors";
import { ConnectDate, Decimal, Time, Timestamp } from "@/server/plugins/api/data/logical-types";
import { Schema } from "@/server/plugins/api/data/schema";
import { SchemaBuilder } from "@/server/plugins/api/data/schema-builder";
import { Struct } from "@/server/plugins/api/data/struct";
import { SinkRecord } from "@/server/plugins/api/records";
import { MaskFieldKey, MaskFieldValue } from "@/server/plugins/transforms/mask-field";

const FIELDS: [string, Schema, unknown][] = [
  ["int8", Schema.INT8_SCHEMA, 8],
  ["int16", Schema.INT16_SCHEMA, 16],
  ["int32", Schema.INT32_SCHEMA, 32],
  ["int64", Schema.INT64_SCHEMA, 64n],
  ["float32", Schema.FLOAT32_SCHEMA, 32.5],
  ["float64", Schema.FLOAT64_SCHEMA, 64.5],
  ["boolean", Schema.BOOLEAN_SCHEMA, true],
  ["string", Schema.STRING_SCHEMA, "secret"],
  ["date", ConnectDate.SCHEMA, new Date(Date.UTC(2024, 0, 5))],
  ["time", Time.SCHEMA, new Date(3_600_000)],
  ["timestamp", Timestamp.SCHEMA, new Date(1_700_000_000_000)],
  ["decimal", Decimal.schema(2), new BigDecimal(12345n, 2)],
  ["array", SchemaBuilder.array(Schema.INT32_SCHEMA).build(), [1, 2]],
  ["map", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.STRING_SCHEMA).build(), new Map([["k", "v"]])],
];
const SCHEMA = FIELDS.reduce((builder, [name, schema]) => builder.field(name, schema), SchemaBuilder.struct().field("keep", Schema.STRING_SCHEMA)).build();
const STRUCT = FIELDS.reduce((struct, [name, , value]) => struct.put(name, value), new Struct(SCHEMA).put("keep", "plain"));
const ALL = FIELDS.map(([name]) => name).join(",");

function configured<T extends MaskFieldKey | MaskFieldValue>(Type: new () => T, configs: Record<string, string>): T {
  const smt = new Type();
  smt.configure(configs);
  return smt;
}

function sink(fields: Partial<ConstructorParameters<typeof SinkRecord>[0]>): SinkRecord {
  return new SinkRecord({ topic: "test", kafkaPartition: 0, kafkaOffset: 0n, ...fields });
}

describe("MaskField", () => {
  it.each([
    ["int8", 0],
    ["int16", 0],
    ["int32", 0],
    ["int64", 0n],
    ["float32", 0],
    ["float64", 0],
    ["boolean", false],
    ["string", ""],
    ["date", new Date(0)],
    ["time", new Date(0)],
    ["timestamp", new Date(0)],
    ["decimal", new BigDecimal(0n, 2)],
    ["array", []],
    ["map", new Map()],
  ])("masks a %s field of a Struct with its type's empty value", (name, expected) => {
    const out = configured(MaskFieldValue, { fields: ALL }).apply(sink({ valueSchema: SCHEMA, value: STRUCT }));
    expect(out.valueSchema).toBe(SCHEMA);
    expect((out.value as Struct).get(name)).toEqual(expected);
    expect((out.value as Struct).get("keep")).toBe("plain");
  });

  it.each([
    ["int8", "123", 123],
    ["int32", "-7", -7],
    ["int64", "9007199254740993", 9007199254740993n],
    ["float32", "1.1", Math.fround(1.1)],
    ["float64", "2.5e3", 2500],
    ["string", "***", "***"],
    ["decimal", "1.5", new BigDecimal(15n, 1)],
  ])("masks a %s field with the replacement %j converted to its type", (name, replacement, expected) => {
    const out = configured(MaskFieldValue, { fields: name, replacement }).apply(sink({ valueSchema: SCHEMA, value: STRUCT }));
    expect((out.value as Struct).get(name)).toEqual(expected);
  });

  it.each([
    ["int8", "300", /Unable to convert 300/],
    ["int32", "abc", /Unable to convert abc/],
    ["boolean", "true", /Cannot mask value of type BOOLEAN with custom replacement/],
    ["date", "2024-01-01", /Cannot mask value of type org.apache.kafka.connect.data.Date with custom replacement/],
    ["array", "x", /Cannot mask value of type ARRAY with custom replacement/],
  ])("refuses to mask a %s field with %j", (name, replacement, message) => {
    const smt = configured(MaskFieldValue, { fields: name, replacement });
    expect(() => smt.apply(sink({ valueSchema: SCHEMA, value: STRUCT }))).toThrow(message);
  });

  it("masks schemaless entries by their value's type, and leaves nulls alone", () => {
    const value = new Map<string, unknown>([["n", 1.5], ["l", 5n], ["s", "x"], ["b", true], ["d", new Date(5)], ["a", [1]], ["m", { k: 1 }], ["z", null], ["keep", "k"]]);
    const out = configured(MaskFieldValue, { fields: "n,l,s,b,d,a,m,z" }).apply(sink({ value }));
    expect(out.value).toEqual(new Map<string, unknown>([["n", 0], ["l", 0n], ["s", ""], ["b", false], ["d", new Date(0)], ["a", []], ["m", new Map()], ["z", null], ["keep", "k"]]));
    const replaced = configured(MaskFieldKey, { fields: "n,l,s", replacement: "42" }).apply(sink({ key: value }));
    const key = replaced.key as Map<string, unknown>;
    expect([key.get("n"), key.get("l"), key.get("s")]).toEqual([42, 42n, "42"]);
  });

  it("throws on a tombstone, as Kafka does", () => {
    expect(() => configured(MaskFieldValue, { fields: "a" }).apply(sink({ value: null }))).toThrow(DataException);
    expect(() => configured(MaskFieldValue, { fields: "a" }).apply(sink({ valueSchema: SchemaBuilder.struct().optional().build(), value: null }))).toThrow(/Only Struct objects supported for \[mask fields\], found: null/);
  });

  it("honours replace.null.with.default for the fields it does not mask", () => {
    const schema = SchemaBuilder.struct().field("opt", SchemaBuilder.string().optional().defaultValue("dflt").build()).field("m", Schema.STRING_SCHEMA).build();
    const record = sink({ valueSchema: schema, value: new Struct(schema).put("m", "x") });
    expect((configured(MaskFieldValue, { fields: "m" }).apply(record).value as Struct).getWithoutDefault("opt")).toBe("dflt");
    expect((configured(MaskFieldValue, { fields: "m", "replace.null.with.default": "false" }).apply(record).value as Struct).getWithoutDefault("opt")).toBeNull();
  });

  it.each([[{}], [{ fields: "" }], [{ fields: "a", replacement: "" }]])("refuses the settings %j", (configs) => {
    expect(() => configured(MaskFieldValue, configs)).toThrow(ConfigException);
  });
});
