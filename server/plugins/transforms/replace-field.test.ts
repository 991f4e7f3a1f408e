import { describe, expect, it } from "vitest";
import { ConfigException } from "@/server/plugins/api/config-def";
import { Schema } from "@/server/plugins/api/data/schema";
import { SchemaBuilder } from "@/server/plugins/api/data/schema-builder";
import { Struct } from "@/server/plugins/api/data/struct";
import { SinkRecord } from "@/server/plugins/api/records";
import { ReplaceFieldKey, ReplaceFieldValue } from "@/server/plugins/transforms/replace-field";

const SCHEMA = SchemaBuilder.struct()
  .name("com.example.Row")
  .version(2)
  .field("dont", Schema.STRING_SCHEMA)
  .field("abc", Schema.INT32_SCHEMA)
  .field("foo", Schema.BOOLEAN_SCHEMA)
  .field("etc", Schema.STRING_SCHEMA)
  .build();
const STRUCT = new Struct(SCHEMA).put("dont", "whatever").put("abc", 42).put("foo", true).put("etc", "etc");
const MAP = new Map<string, unknown>([["dont", "whatever"], ["abc", 42], ["foo", true], ["etc", "etc"]]);

function configured<T extends ReplaceFieldKey | ReplaceFieldValue>(Type: new () => T, configs: Record<string, string>): T {
  const smt = new Type();
  smt.configure(configs);
  return smt;
}

function sink(fields: Partial<ConstructorParameters<typeof SinkRecord>[0]>): SinkRecord {
  return new SinkRecord({ topic: "test", kafkaPartition: 0, kafkaOffset: 0n, ...fields });
}

describe("ReplaceField", () => {
  it.each([
    ["exclude", { exclude: "dont" }, [["abc", 42], ["foo", true], ["etc", "etc"]]],
    ["include", { include: "abc,foo" }, [["abc", 42], ["foo", true]]],
    ["exclude over include", { include: "abc,foo", exclude: "foo" }, [["abc", 42]]],
    ["renames", { renames: "abc:xyz,foo:bar" }, [["dont", "whatever"], ["xyz", 42], ["bar", true], ["etc", "etc"]]],
    ["all three", { exclude: "dont", include: "abc,foo", renames: "abc:xyz" }, [["xyz", 42], ["foo", true]]],
    ["nothing", {}, [["dont", "whatever"], ["abc", 42], ["foo", true], ["etc", "etc"]]],
  ])("with %s, keeps and renames the right fields of a Struct and of a map", (_name, configs, expected) => {
    const withSchema = configured(ReplaceFieldValue, configs).apply(sink({ valueSchema: SCHEMA, value: STRUCT }));
    const struct = withSchema.value as Struct;
    expect(struct.schema.fields.map((field) => [field.name, struct.get(field)])).toEqual(expected);
    expect([withSchema.valueSchema!.name, withSchema.valueSchema!.version]).toEqual(["com.example.Row", 2]);
    const schemaless = configured(ReplaceFieldValue, configs).apply(sink({ value: MAP }));
    expect(schemaless.value).toEqual(new Map(expected as [string, unknown][]));
  });

  it("works on the key with $Key, and on a plain object", () => {
    const out = configured(ReplaceFieldKey, { renames: "id:key_id" }).apply(sink({ key: { id: 1n }, value: "v" }));
    expect(out.key).toEqual(new Map([["key_id", 1n]]));
    expect(out.value).toBe("v");
  });

  it("passes a null value through", () => {
    const record = sink({ valueSchema: SchemaBuilder.struct().optional().build(), value: null });
    expect(configured(ReplaceFieldValue, { exclude: "a" }).apply(record)).toBe(record);
  });

  it("honours replace.null.with.default", () => {
    const schema = SchemaBuilder.struct().field("opt", SchemaBuilder.string().optional().defaultValue("dflt").build()).build();
    const record = sink({ valueSchema: schema, value: new Struct(schema) });
    expect((configured(ReplaceFieldValue, {}).apply(record).value as Struct).getWithoutDefault("opt")).toBe("dflt");
    expect((configured(ReplaceFieldValue, { "replace.null.with.default": "false" }).apply(record).value as Struct).getWithoutDefault("opt")).toBeNull();
  });

  it.each([["abc"], ["abc:def:ghi"], ["abc:"]])("refuses the rename %j", (renames) => {
    expect(() => configured(ReplaceFieldValue, { renames })).toThrow(ConfigException);
    expect(() => configured(ReplaceFieldValue, { renames })).toThrow(`Invalid rename mapping: ${renames}`);
  });

  it("no longer knows whitelist and blacklist", () => {
    expect(new ReplaceFieldValue().config().names()).toEqual(["exclude", "include", "renames", "replace.null.with.default"]);
    expect(configured(ReplaceFieldValue, { blacklist: "abc" }).apply(sink({ value: MAP })).value).toEqual(MAP);
  });
});
