import { describe, expect, it } from "vitest";
import { ConfigException } from "@/server/plugins/api/config-def";
import { DataException } from "@/server/plugins/api/data/errors";
import { Schema } from "@/server/plugins/api/data/schema";
import { SchemaBuilder } from "@/server/plugins/api/data/schema-builder";
import { Struct } from "@/server/plugins/api/data/struct";
import { SinkRecord } from "@/server/plugins/api/records";
import { SetSchemaMetadataKey, SetSchemaMetadataValue } from "@/server/plugins/transforms/set-schema-metadata";

const SCHEMA = SchemaBuilder.struct().name("old").version(1).doc("the doc").field("f", Schema.STRING_SCHEMA).build();

function configured<T extends SetSchemaMetadataKey | SetSchemaMetadataValue>(Type: new () => T, configs: Record<string, string>): T {
  const smt = new Type();
  smt.configure(configs);
  return smt;
}

function sink(fields: Partial<ConstructorParameters<typeof SinkRecord>[0]>): SinkRecord {
  return new SinkRecord({ topic: "test", kafkaPartition: 0, kafkaOffset: 0n, ...fields });
}

describe("SetSchemaMetadata", () => {
  it.each([
    [{ "schema.name": "new" }, "new", 1],
    [{ "schema.version": "42" }, "old", 42],
    [{ "schema.name": "new", "schema.version": "42" }, "new", 42],
  ])("with %j, sets the name and version and rebuilds the Struct on the new schema", (configs, name, version) => {
    const out = configured(SetSchemaMetadataValue, configs).apply(sink({ valueSchema: SCHEMA, value: new Struct(SCHEMA).put("f", "x") }));
    expect([out.valueSchema!.name, out.valueSchema!.version, out.valueSchema!.doc]).toEqual([name, version, "the doc"]);
    expect((out.value as Struct).schema).toBe(out.valueSchema);
    expect((out.value as Struct).get("f")).toBe("x");
  });

  it("renames a primitive key schema with $Key and keeps the value as it is", () => {
    const out = configured(SetSchemaMetadataKey, { "schema.name": "com.example.Id" }).apply(sink({ keySchema: Schema.INT64_SCHEMA, key: 5n }));
    expect(out.keySchema!.name).toBe("com.example.Id");
    expect(out.keySchema!.type).toBe("INT64");
    expect(out.key).toBe(5n);
  });

  it("passes a null value without a schema through, and requires a schema otherwise", () => {
    const tombstone = sink({ value: null });
    expect(configured(SetSchemaMetadataValue, { "schema.name": "n" }).apply(tombstone)).toBe(tombstone);
    expect(() => configured(SetSchemaMetadataValue, { "schema.name": "n" }).apply(sink({ value: "schemaless" }))).toThrow(DataException);
    expect(() => configured(SetSchemaMetadataValue, { "schema.name": "n" }).apply(sink({ value: "schemaless" }))).toThrow("Schema required for [updating schema metadata]");
  });

  it("honours replace.null.with.default", () => {
    const schema = SchemaBuilder.struct().field("opt", SchemaBuilder.string().optional().defaultValue("dflt").build()).build();
    const record = sink({ valueSchema: schema, value: new Struct(schema) });
    expect((configured(SetSchemaMetadataValue, { "schema.version": "2" }).apply(record).value as Struct).getWithoutDefault("opt")).toBe("dflt");
    expect((configured(SetSchemaMetadataValue, { "schema.version": "2", "replace.null.with.default": "false" }).apply(record).value as Struct).getWithoutDefault("opt")).toBeNull();
  });

  it.each([[{}], [{ "schema.version": "one" }]])("refuses the settings %j", (configs) => {
    expect(() => configured(SetSchemaMetadataValue, configs)).toThrow(ConfigException);
  });
});
