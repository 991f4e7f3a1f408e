import { describe, expect, it } from "vitest";
import { ConfigException } from "@/server/plugins/api/config-def";
import { DataException } from "@/server/plugins/api/data/errors";
import { Schema } from "@/server/plugins/api/data/schema";
import { SchemaBuilder } from "@/server/plugins/api/data/schema-builder";
import { Struct } from "@/server/plugins/api/data/struct";
import { Headers } from "@/server/plugins/api/headers";
import { SinkRecord } from "@/server/plugins/api/records";
import { HeaderFromKey, HeaderFromValue } from "@/server/plugins/transforms/header-from";

const SCHEMA = SchemaBuilder.struct().name("row").field("id", Schema.INT64_SCHEMA).field("name", Schema.STRING_SCHEMA).field("keep", Schema.BOOLEAN_SCHEMA).build();
const STRUCT = new Struct(SCHEMA).put("id", 7n).put("name", "n").put("keep", true);

function configured<T extends HeaderFromKey | HeaderFromValue>(Type: new () => T, configs: Record<string, string>): T {
  const smt = new Type();
  smt.configure(configs);
  return smt;
}

function sink(fields: Partial<ConstructorParameters<typeof SinkRecord>[0]>): SinkRecord {
  return new SinkRecord({ topic: "test", kafkaPartition: 0, kafkaOffset: 0n, headers: new Headers().add("old", "x"), ...fields });
}

describe("HeaderFrom", () => {
  it.each([
    ["move", ["keep"]],
    ["copy", ["id", "name", "keep"]],
  ])("%s: puts Struct fields into headers with their schemas", (operation, remaining) => {
    const out = configured(HeaderFromValue, { fields: "id,name", headers: "h_id,h_name", operation }).apply(sink({ valueSchema: SCHEMA, value: STRUCT }));
    expect([...out.headers].map((header) => [header.key, header.value, header.schema])).toEqual([
      ["old", "x", null],
      ["h_id", 7n, Schema.INT64_SCHEMA],
      ["h_name", "n", Schema.STRING_SCHEMA],
    ]);
    expect(out.valueSchema!.fields.map((field) => field.name)).toEqual(remaining);
    expect(out.valueSchema!.name).toBe("row");
    expect((out.value as Struct).get("keep")).toBe(true);
  });

  it.each([
    ["move", [["keep", true]]],
    ["copy", [["id", 7n], ["keep", true]]],
  ])("%s: puts schemaless entries into headers on the key with $Key", (operation, remaining) => {
    const key = new Map<string, unknown>([["id", 7n], ["keep", true]]);
    const out = configured(HeaderFromKey, { fields: "id,missing", headers: "h_id,h_missing", operation }).apply(sink({ key, value: "v" }));
    expect([...out.headers].map((header) => [header.key, header.value, header.schema])).toEqual([
      ["old", "x", null],
      ["h_id", 7n, null],
      ["h_missing", null, null],
    ]);
    expect(out.key).toEqual(new Map(remaining as [string, unknown][]));
    expect(out.value).toBe("v");
  });

  it.each([
    ["a field the schema lacks", { valueSchema: SCHEMA, value: STRUCT }, "Field missing not found in the value schema"],
    ["a tombstone", { value: null }, "Only Map objects supported in absence of schema for [header move], found: null"],
  ])("throws a DataException for %s", (_name, fields, message) => {
    const smt = configured(HeaderFromValue, { fields: "missing", headers: "h", operation: "move" });
    expect(() => smt.apply(sink(fields))).toThrow(DataException);
    expect(() => smt.apply(sink(fields))).toThrow(message);
  });

  it.each([
    [{ fields: "a,b", headers: "h", operation: "move" }, "'fields' config must have the same number of elements as 'headers' config."],
    [{ fields: "a", headers: "h" }, 'Missing required configuration "operation"'],
    [{ fields: "a", headers: "h", operation: "steal" }, "String must be one of: move, copy"],
    [{ fields: "", headers: "", operation: "copy" }, "Empty list"],
  ])("refuses the settings %j", (configs, message) => {
    expect(() => configured(HeaderFromValue, configs)).toThrow(ConfigException);
    expect(() => configured(HeaderFromValue, configs)).toThrow(message);
  });
});
