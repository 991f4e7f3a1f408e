import { describe, expect, it } from "vitest";
import { DataException } from "@/server/plugins/api/data/errors";
import { Schema } from "@/server/plugins/api/data/schema";
import { SchemaBuilder } from "@/server/plugins/api/data/schema-builder";
import { Struct } from "@/server/plugins/api/data/struct";
import { SinkRecord } from "@/server/plugins/api/records";
import { FlattenKey, FlattenValue } from "@/server/plugins/transforms/flatten";

const ARRAY = SchemaBuilder.array(Schema.INT32_SCHEMA).build();
const LEAF = SchemaBuilder.struct().field("int8", Schema.INT8_SCHEMA).field("string", Schema.OPTIONAL_STRING_SCHEMA).field("list", ARRAY).build();
const MIDDLE = SchemaBuilder.struct().field("leaf", LEAF).field("int64", Schema.INT64_SCHEMA).build();
const ROOT = SchemaBuilder.struct().name("root").field("A", MIDDLE).field("B", Schema.BOOLEAN_SCHEMA).build();

function configured<T extends FlattenKey | FlattenValue>(Type: new () => T, configs: Record<string, string> = {}): T {
  const smt = new Type();
  smt.configure(configs);
  return smt;
}

function sink(fields: Partial<ConstructorParameters<typeof SinkRecord>[0]>): SinkRecord {
  return new SinkRecord({ topic: "test", kafkaPartition: 0, kafkaOffset: 0n, ...fields });
}

function nested(): Struct {
  const leaf = new Struct(LEAF).put("int8", 8).put("string", "s").put("list", [1, 2]);
  return new Struct(ROOT).put("A", new Struct(MIDDLE).put("leaf", leaf).put("int64", 64n)).put("B", true);
}

describe("Flatten", () => {
  it.each([
    [".", ["A.leaf.int8", "A.leaf.string", "A.leaf.list", "A.int64", "B"]],
    ["_", ["A_leaf_int8", "A_leaf_string", "A_leaf_list", "A_int64", "B"]],
  ])("flattens nested Structs with the delimiter %j, keeping arrays", (delimiter, names) => {
    const out = configured(FlattenValue, { delimiter }).apply(sink({ valueSchema: ROOT, value: nested() }));
    const schema = out.valueSchema!;
    expect(schema.name).toBe("root");
    expect(schema.fields.map((field) => field.name)).toEqual(names);
    expect(schema.fields.map((field) => field.schema.type)).toEqual(["INT8", "STRING", "ARRAY", "INT64", "BOOLEAN"]);
    const value = out.value as Struct;
    expect(names.map((name) => value.get(name))).toEqual([8, "s", [1, 2], 64n, true]);
  });

  it("makes fields under an optional struct optional, and skips a null nested struct", () => {
    const inner = SchemaBuilder.struct().field("x", Schema.INT32_SCHEMA).optional().build();
    const outer = SchemaBuilder.struct().field("inner", inner).field("y", Schema.INT32_SCHEMA).build();
    const out = configured(FlattenValue).apply(sink({ valueSchema: outer, value: new Struct(outer).put("y", 1) }));
    expect(out.valueSchema!.field("inner.x")!.schema.optional).toBe(true);
    expect((out.value as Struct).get("inner.x")).toBeNull();
    expect((out.value as Struct).get("y")).toBe(1);
  });

  it("gives nested fields their parent struct's default", () => {
    const innerSchema = SchemaBuilder.struct().field("x", Schema.INT32_SCHEMA).optional().build();
    const withDefault = SchemaBuilder.struct().field("x", Schema.INT32_SCHEMA).optional().defaultValue(new Struct(innerSchema).put("x", 5)).build();
    const outer = SchemaBuilder.struct().field("inner", withDefault).build();
    const out = configured(FlattenValue).apply(sink({ valueSchema: outer, value: new Struct(outer) }));
    expect(out.valueSchema!.field("inner.x")!.schema.defaultValue).toBe(5);
  });

  it("flattens schemaless maps (and plain objects) on the key with $Key", () => {
    const key = new Map<string, unknown>([["a", { b: 1n, c: new Map([["d", "x"]]) }], ["list", [1n]], ["n", null]]);
    const out = configured(FlattenKey).apply(sink({ key, value: "v" }));
    expect(out.key).toEqual(new Map<string, unknown>([["a.b", 1n], ["a.c.d", "x"], ["list", [1n]], ["n", null]]));
    expect(out.value).toBe("v");
  });

  it.each([
    ["a MAP inside a Struct", () => {
      const schema = SchemaBuilder.struct().field("m", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.STRING_SCHEMA).build()).build();
      return sink({ valueSchema: schema, value: new Struct(schema).put("m", new Map()) });
    }, "Flatten transformation does not support MAP for record with schemas (for field m)."],
    ["a Struct inside a schemaless map", () => sink({ value: new Map([["s", nested()]]) }), "Flatten transformation does not support Struct for record without schemas (for field s)."],
  ])("throws a DataException for %s", (_name, record, message) => {
    expect(() => configured(FlattenValue).apply(record())).toThrow(DataException);
    expect(() => configured(FlattenValue).apply(record())).toThrow(message);
  });

  it.each([
    ["with a schema", { valueSchema: SchemaBuilder.struct().optional().build(), value: null }],
    ["without one", { value: null }],
  ])("passes a null value through %s", (_name, fields) => {
    const record = sink(fields);
    expect(configured(FlattenValue).apply(record)).toBe(record);
  });
});
