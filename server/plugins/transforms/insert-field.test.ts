import { describe, expect, it } from "vitest";
import { ConfigException } from "@/server/plugins/api/config-def";
import { DataException } from "@/server/plugins/api/data/errors";
import { Timestamp } from "@/server/plugins/api/data/logical-types";
import { Schema } from "@/server/plugins/api/data/schema";
import { SchemaBuilder } from "@/server/plugins/api/data/schema-builder";
import { Struct } from "@/server/plugins/api/data/struct";
import { SinkRecord, SourceRecord } from "@/server/plugins/api/records";
import { InsertFieldKey, InsertFieldValue } from "@/server/plugins/transforms/insert-field";

const ALL = { "topic.field": "topic_field!", "partition.field": "partition_field", "offset.field": "offset_field!", "timestamp.field": "timestamp_field?", "static.field": "instance_id", "static.value": "my-instance-id" };
const SIMPLE = SchemaBuilder.struct().name("name").version(1).doc("doc").field("magic", Schema.INT64_SCHEMA).build();

function sink(fields: Partial<ConstructorParameters<typeof SinkRecord>[0]>): SinkRecord {
  return new SinkRecord({ topic: "test", kafkaPartition: 0, kafkaOffset: 42n, timestamp: 1_700_000_000_000, ...fields });
}

function transform<T extends InsertFieldKey | InsertFieldValue>(Type: new () => T, configs: Record<string, string>): T {
  const smt = new Type();
  smt.configure(configs);
  return smt;
}

describe("InsertField", () => {
  it("extends a struct's schema with each field, optional or required by its suffix", () => {
    const record = sink({ valueSchema: SIMPLE, value: new Struct(SIMPLE).put("magic", 42n) });
    const out = transform(InsertFieldValue, ALL).apply(record);
    const schema = out.valueSchema!;
    expect([schema.name, schema.version, schema.doc]).toEqual(["name", 1, "doc"]);
    expect(schema.fields.map((f) => [f.name, f.schema.type, f.schema.optional, f.schema.name])).toEqual([
      ["magic", "INT64", false, null],
      ["topic_field", "STRING", false, null],
      ["partition_field", "INT32", true, null],
      ["offset_field", "INT64", false, null],
      ["timestamp_field", "INT64", true, Timestamp.LOGICAL_NAME],
      ["instance_id", "STRING", true, null],
    ]);
    const value = out.value as Struct;
    expect(value.get("magic")).toBe(42n);
    expect(value.get("topic_field")).toBe("test");
    expect(value.get("partition_field")).toBe(0);
    expect(value.get("offset_field")).toBe(42n);
    expect(value.get("timestamp_field")).toEqual(new Date(1_700_000_000_000));
    expect(value.get("instance_id")).toBe("my-instance-id");
  });

  it("adds entries to a schemaless map (a Map or a plain object), timestamp as epoch millis", () => {
    for (const input of [new Map<string, unknown>([["magic", 42n]]), { magic: 42n }]) {
      const out = transform(InsertFieldValue, ALL).apply(sink({ value: input }));
      expect(out.valueSchema).toBeNull();
      expect(out.value).toEqual(
        new Map<string, unknown>([
          ["magic", 42n],
          ["topic_field", "test"],
          ["partition_field", 0n],
          ["offset_field", 42n],
          ["timestamp_field", 1_700_000_000_000n],
          ["instance_id", "my-instance-id"],
        ]),
      );
    }
  });

  it("works on the key with $Key and leaves the value alone", () => {
    const record = sink({ key: new Map([["id", 1n]]), value: "v" });
    const out = transform(InsertFieldKey, { "topic.field": "t" }).apply(record);
    expect(out.key).toEqual(new Map<string, unknown>([["id", 1n], ["t", "test"]]));
    expect(out.value).toBe("v");
    expect(record.key).toEqual(new Map([["id", 1n]]));
  });

  it.each([
    ["a null value with a schema", { valueSchema: SchemaBuilder.struct().optional().build(), value: null }],
    ["a schemaless tombstone", { value: null }],
  ])("passes %s through unchanged", (_name, fields) => {
    const record = sink(fields);
    expect(transform(InsertFieldValue, ALL).apply(record)).toBe(record);
  });

  it("leaves out a null partition or timestamp, and keeps the sink coordinates", () => {
    const record = new SourceRecord({ topic: "t", sourcePartition: { f: 1 }, sourceOffset: { p: 2 }, value: new Map() });
    const out = transform(InsertFieldValue, { "partition.field": "p", "timestamp.field": "ts", "topic.field": "topic" }).apply(record) as SourceRecord;
    expect(out.value).toEqual(new Map([["topic", "t"]]));
    expect(out.sourceOffset).toEqual({ p: 2 });
  });

  it("refuses an offset on a source record", () => {
    const record = new SourceRecord({ topic: "t", sourcePartition: null, sourceOffset: null, value: new Map() });
    expect(() => transform(InsertFieldValue, { "offset.field": "o" }).apply(record)).toThrow(/Only SinkRecord supported for \[field insertion\]/);
  });

  it("reads a null optional field as its default unless replace.null.with.default=false", () => {
    const schema = SchemaBuilder.struct().field("opt", SchemaBuilder.int32().optional().defaultValue(7).build()).build();
    const record = sink({ valueSchema: schema, value: new Struct(schema) });
    expect((transform(InsertFieldValue, { "topic.field": "t" }).apply(record).value as Struct).getWithoutDefault("opt")).toBe(7);
    expect((transform(InsertFieldValue, { "topic.field": "t", "replace.null.with.default": "false" }).apply(record).value as Struct).getWithoutDefault("opt")).toBeNull();
  });

  it.each([
    ["a non-struct value with a schema", { valueSchema: Schema.STRING_SCHEMA, value: "x" }, /Only Struct objects supported for \[field insertion\], found: string/],
    ["a non-map schemaless value", { value: "x" }, /Only Map objects supported in absence of schema for \[field insertion\], found: string/],
  ])("throws a DataException for %s", (_name, fields, message) => {
    expect(() => transform(InsertFieldValue, ALL).apply(sink(fields))).toThrow(DataException);
    expect(() => transform(InsertFieldValue, ALL).apply(sink(fields))).toThrow(message);
  });

  it.each([
    [{}, /No field insertion configured/],
    [{ "static.field": "s" }, /Invalid value null for configuration static.value: No value specified for static field: s/],
    [{ "topic.field": "t", "replace.null.with.default": "maybe" }, /replace.null.with.default/],
  ])("refuses the settings %j", (configs, message) => {
    expect(() => transform(InsertFieldValue, configs)).toThrow(ConfigException);
    expect(() => transform(InsertFieldValue, configs)).toThrow(message);
  });

  it("declares Kafka's class names and keys", () => {
    expect(InsertFieldKey.className).toBe("org.apache.kafka.connect.transforms.InsertField$Key");
    expect(InsertFieldValue.className).toBe("org.apache.kafka.connect.transforms.InsertField$Value");
    expect(new InsertFieldValue().config().names()).toEqual(["topic.field", "partition.field", "offset.field", "timestamp.field", "static.field", "static.value", "replace.null.with.default"]);
  });
});
