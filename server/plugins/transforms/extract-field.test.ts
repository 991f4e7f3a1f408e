import { describe, expect, it } from "vitest";
import { ConfigException } from "@/server/plugins/api/config-def";
import { DataException } from "@/server/plugins/api/data/errors";
import { Schema } from "@/server/plugins/api/data/schema";
import { SchemaBuilder } from "@/server/plugins/api/data/schema-builder";
import { Struct } from "@/server/plugins/api/data/struct";
import { SinkRecord } from "@/server/plugins/api/records";
import { ExtractFieldKey, ExtractFieldValue } from "@/server/plugins/transforms/extract-field";
import { SingleFieldPath } from "@/server/plugins/transforms/single-field-path";

const INNER = SchemaBuilder.struct().field("c", Schema.INT32_SCHEMA).field("d.e", Schema.STRING_SCHEMA).build();
const SCHEMA = SchemaBuilder.struct().field("a", Schema.STRING_SCHEMA).field("b", INNER).field("a.b", Schema.BOOLEAN_SCHEMA).build();
const STRUCT = new Struct(SCHEMA).put("a", "top").put("b", new Struct(INNER).put("c", 7).put("d.e", "dotted")).put("a.b", true);
const MAP = new Map<string, unknown>([["a", "top"], ["b", new Map<string, unknown>([["c", 7n], ["d.e", "dotted"]])], ["a.b", true]]);

function configured<T extends ExtractFieldKey | ExtractFieldValue>(Type: new () => T, configs: Record<string, string>): T {
  const smt = new Type();
  smt.configure(configs);
  return smt;
}

function sink(fields: Partial<ConstructorParameters<typeof SinkRecord>[0]>): SinkRecord {
  return new SinkRecord({ topic: "test", kafkaPartition: 0, kafkaOffset: 0n, ...fields });
}

describe("SingleFieldPath", () => {
  it.each([
    ["a.b.c", "V1", ["a.b.c"]],
    ["a.b.c", "V2", ["a", "b", "c"]],
    ["`a.b`.c", "V2", ["a.b", "c"]],
    ["a.`b.c`", "V2", ["a", "b.c"]],
    ["`a`b`.c", "V2", ["a`b", "c"]],
    ["`a\\`.b`.c", "V2", ["a`.b", "c"]],
    ["a.", "V2", ["a", ""]],
    ["``", "V2", [""]],
  ] as const)("reads %j with %s as the steps %j", (path, version, steps) => {
    expect(new SingleFieldPath(path, version).steps).toEqual(steps);
  });

  it.each([["`a.b"], ["`a\\`"]])("refuses the unmatched backtick in %j", (path) => {
    expect(() => new SingleFieldPath(path, "V2")).toThrow(/Incomplete backtick pair in path: \[.*\], consider adding a backslash before backtick at position 0 to escape it/);
  });
});

describe("ExtractField", () => {
  it.each([
    ["a", "V1", Schema.STRING_SCHEMA, "top", "top"],
    ["a.b", "V1", Schema.BOOLEAN_SCHEMA, true, true],
    ["b.c", "V2", Schema.INT32_SCHEMA, 7, 7n],
    ["b.`d.e`", "V2", Schema.STRING_SCHEMA, "dotted", "dotted"],
    ["`a.b`", "v2", Schema.BOOLEAN_SCHEMA, true, true],
  ])("extracts %j (%s) from a Struct and from a map", (field, version, schema, withSchema, schemaless) => {
    const smt = configured(ExtractFieldValue, { field, "field.syntax.version": version });
    const out = smt.apply(sink({ valueSchema: SCHEMA, value: STRUCT }));
    expect(out.valueSchema).toEqual(schema);
    expect(out.value).toEqual(withSchema);
    expect(smt.apply(sink({ value: MAP })).value).toEqual(schemaless);
  });

  it("works on the key with $Key", () => {
    const out = configured(ExtractFieldKey, { field: "id" }).apply(sink({ key: { id: 5n }, value: "v" }));
    expect(out.key).toBe(5n);
    expect(out.value).toBe("v");
  });

  it.each([
    ["with a schema", { valueSchema: SchemaBuilder.struct().field("a", Schema.STRING_SCHEMA).optional().build(), value: null }],
    ["without one", { value: null }],
  ])("passes a null value through as null %s", (_name, fields) => {
    expect(configured(ExtractFieldValue, { field: "a" }).apply(sink(fields)).value).toBeNull();
  });

  it("gives null for a schemaless entry that is missing, and throws for a field the schema lacks", () => {
    expect(configured(ExtractFieldValue, { field: "nope" }).apply(sink({ value: MAP })).value).toBeNull();
    expect(configured(ExtractFieldValue, { field: "b.x", "field.syntax.version": "V2" }).apply(sink({ value: MAP })).value).toBeNull();
    expect(() => configured(ExtractFieldValue, { field: "nope" }).apply(sink({ valueSchema: SCHEMA, value: STRUCT }))).toThrow(DataException);
    expect(() => configured(ExtractFieldValue, { field: "nope" }).apply(sink({ valueSchema: SCHEMA, value: STRUCT }))).toThrow("Unknown field: nope");
  });

  it("honours replace.null.with.default", () => {
    const schema = SchemaBuilder.struct().field("opt", SchemaBuilder.string().optional().defaultValue("dflt").build()).build();
    const record = sink({ valueSchema: schema, value: new Struct(schema) });
    expect(configured(ExtractFieldValue, { field: "opt" }).apply(record).value).toBe("dflt");
    expect(configured(ExtractFieldValue, { field: "opt", "replace.null.with.default": "false" }).apply(record).value).toBeNull();
  });

  it.each([[{}], [{ field: "a", "field.syntax.version": "V3" }], [{ field: "`a", "field.syntax.version": "V2" }]])("refuses the settings %j", (configs) => {
    expect(() => configured(ExtractFieldValue, configs)).toThrow(ConfigException);
  });
});
