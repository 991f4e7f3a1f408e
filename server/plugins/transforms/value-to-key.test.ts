import { describe, expect, it } from "vitest";
import { ConfigException } from "@/server/plugins/api/config-def";
import { DataException } from "@/server/plugins/api/data/errors";
import { Schema } from "@/server/plugins/api/data/schema";
import { SchemaBuilder } from "@/server/plugins/api/data/schema-builder";
import { Struct } from "@/server/plugins/api/data/struct";
import { SourceRecord } from "@/server/plugins/api/records";
import { ValueToKey } from "@/server/plugins/transforms/value-to-key";

const SCHEMA = SchemaBuilder.struct().field("a", Schema.INT32_SCHEMA).field("b", Schema.INT32_SCHEMA).field("c", Schema.INT32_SCHEMA).build();

function configured(configs: Record<string, string>): ValueToKey {
  const smt = new ValueToKey();
  smt.configure(configs);
  return smt;
}

function source(fields: Partial<ConstructorParameters<typeof SourceRecord>[0]>): SourceRecord {
  return new SourceRecord({ topic: "t", sourcePartition: { p: 1 }, sourceOffset: { o: 2 }, key: "old", ...fields });
}

describe("ValueToKey", () => {
  it("makes a Struct key of the listed value fields, in the listed order", () => {
    const value = new Struct(SCHEMA).put("a", 1).put("b", 2).put("c", 3);
    const out = configured({ fields: "c,a" }).apply(source({ valueSchema: SCHEMA, value })) as SourceRecord;
    expect(out.keySchema!.fields.map((field) => [field.name, field.schema])).toEqual([["c", Schema.INT32_SCHEMA], ["a", Schema.INT32_SCHEMA]]);
    expect((out.key as Struct).get("c")).toBe(3);
    expect((out.key as Struct).get("a")).toBe(1);
    expect(out.value).toBe(value);
    expect(out.sourceOffset).toEqual({ o: 2 });
  });

  it("makes a map key from a schemaless value, a missing field giving null", () => {
    const out = configured({ fields: "a,missing" }).apply(source({ value: new Map<string, unknown>([["a", 1n], ["b", 2n]]) }));
    expect(out.keySchema).toBeNull();
    expect(out.key).toEqual(new Map([["a", 1n], ["missing", null]]));
  });

  it.each([
    ["a field the value schema lacks", { valueSchema: SCHEMA, value: new Struct(SCHEMA).put("a", 1).put("b", 2).put("c", 3) }, "Field does not exist: x"],
    ["a tombstone", { value: null }, "Only Map objects supported in absence of schema for [copying fields from value to key], found: null"],
  ])("throws a DataException for %s", (_name, fields, message) => {
    const smt = configured({ fields: "x" });
    expect(() => smt.apply(source(fields))).toThrow(DataException);
    expect(() => smt.apply(source(fields))).toThrow(message);
  });

  it("honours replace.null.with.default", () => {
    const schema = SchemaBuilder.struct().field("opt", SchemaBuilder.int32().optional().defaultValue(9).build()).build();
    const record = source({ valueSchema: schema, value: new Struct(schema) });
    expect((configured({ fields: "opt" }).apply(record).key as Struct).getWithoutDefault("opt")).toBe(9);
    expect((configured({ fields: "opt", "replace.null.with.default": "false" }).apply(record).key as Struct).getWithoutDefault("opt")).toBeNull();
  });

  it("requires a non-empty fields list", () => {
    expect(() => configured({})).toThrow('Missing required configuration "fields" which has no default value.');
    expect(() => configured({ fields: "" })).toThrow(ConfigException);
  });
});
