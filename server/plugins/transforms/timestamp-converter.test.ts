import { describe, expect, it } from "vitest";
import { ConfigException } from "@/server/plugins/api/config-def";
import { DataException } from "@/server/plugins/api/data/errors";
import { ConnectDate, Time, Timestamp } from "@/server/plugins/api/data/logical-types";
import { Schema } from "@/server/plugins/api/data/schema";
import { SchemaBuilder } from "@/server/plugins/api/data/schema-builder";
import { Struct } from "@/server/plugins/api/data/struct";
import { SinkRecord } from "@/server/plugins/api/records";
import { TimestampConverterKey, TimestampConverterValue } from "@/server/plugins/transforms/timestamp-converter";

const INSTANT = Date.UTC(2017, 0, 2, 3, 4, 5, 6);
const DAY = Date.UTC(2017, 0, 2);
const TIME_OF_DAY = INSTANT - DAY;
const FORMAT = "yyyy MM dd HH mm ss SSS z";
const FORMATTED = "2017 01 02 03 04 05 006 UTC";

function configured<T extends TimestampConverterKey | TimestampConverterValue>(Type: new () => T, configs: Record<string, string>): T {
  const smt = new Type();
  smt.configure(configs);
  return smt;
}

function sink(fields: Partial<ConstructorParameters<typeof SinkRecord>[0]>): SinkRecord {
  return new SinkRecord({ topic: "test", kafkaPartition: 0, kafkaOffset: 0n, ...fields });
}

describe("TimestampConverter", () => {
  it.each([
    ["Timestamp → string", Timestamp.SCHEMA, new Date(INSTANT), { "target.type": "string", format: FORMAT }, Schema.STRING_SCHEMA, FORMATTED],
    ["Timestamp → unix", Timestamp.SCHEMA, new Date(INSTANT), { "target.type": "unix" }, Schema.INT64_SCHEMA, BigInt(INSTANT)],
    ["Timestamp → Date (truncated to the day)", Timestamp.SCHEMA, new Date(INSTANT), { "target.type": "Date" }, ConnectDate.SCHEMA, new Date(DAY)],
    ["Timestamp → Time (time of day only)", Timestamp.SCHEMA, new Date(INSTANT), { "target.type": "Time" }, Time.SCHEMA, new Date(TIME_OF_DAY)],
    ["Timestamp before 1970 → Date", Timestamp.SCHEMA, new Date(-1), { "target.type": "Date" }, ConnectDate.SCHEMA, new Date(-86_400_000)],
    ["Timestamp before 1970 → Time", Timestamp.SCHEMA, new Date(-1), { "target.type": "Time" }, Time.SCHEMA, new Date(86_399_999)],
    ["string → Timestamp", Schema.STRING_SCHEMA, FORMATTED, { "target.type": "Timestamp", format: FORMAT }, Timestamp.SCHEMA, new Date(INSTANT)],
    ["string → unix seconds", Schema.STRING_SCHEMA, "2017-01-02", { "target.type": "unix", format: "yyyy-MM-dd", "unix.precision": "seconds" }, Schema.INT64_SCHEMA, BigInt(DAY / 1000)],
    ["unix → Timestamp", Schema.INT64_SCHEMA, BigInt(INSTANT), { "target.type": "Timestamp" }, Timestamp.SCHEMA, new Date(INSTANT)],
    ["unix seconds → Timestamp", Schema.INT64_SCHEMA, 1_483_326_245n, { "target.type": "Timestamp", "unix.precision": "seconds" }, Timestamp.SCHEMA, new Date(1_483_326_245_000)],
    ["unix microseconds → Timestamp (truncated)", Schema.INT64_SCHEMA, 1_483_326_245_006_789n, { "target.type": "Timestamp", "unix.precision": "microseconds" }, Timestamp.SCHEMA, new Date(1_483_326_245_006)],
    ["unix nanoseconds → Timestamp", Schema.INT64_SCHEMA, 1_483_326_245_006_789_123n, { "target.type": "Timestamp", "unix.precision": "nanoseconds" }, Timestamp.SCHEMA, new Date(1_483_326_245_006)],
    ["Timestamp → unix microseconds", Timestamp.SCHEMA, new Date(INSTANT), { "target.type": "unix", "unix.precision": "microseconds" }, Schema.INT64_SCHEMA, BigInt(INSTANT) * 1000n],
    ["Timestamp before 1970 → unix seconds (towards zero)", Timestamp.SCHEMA, new Date(-1500), { "target.type": "unix", "unix.precision": "seconds" }, Schema.INT64_SCHEMA, -1n],
    ["Date → Timestamp", ConnectDate.SCHEMA, new Date(DAY), { "target.type": "Timestamp" }, Timestamp.SCHEMA, new Date(DAY)],
    ["Time → string", Time.SCHEMA, new Date(TIME_OF_DAY), { "target.type": "string", format: "HH:mm:ss.SSS" }, Schema.STRING_SCHEMA, "03:04:05.006"],
  ])("converts a whole value with a schema: %s", (_name, schema, value, configs, expectedSchema, expected) => {
    const out = configured(TimestampConverterValue, configs).apply(sink({ valueSchema: schema, value }));
    expect(out.valueSchema).toEqual(expectedSchema);
    expect(out.value).toEqual(expected);
  });

  it.each([
    ["unix → Date", 1_483_326_245_006n, { "target.type": "Date" }, new Date(DAY)],
    ["a plain number as unix → Timestamp", 5, { "target.type": "Timestamp" }, new Date(5)],
    ["string → unix", FORMATTED, { "target.type": "unix", format: FORMAT }, BigInt(INSTANT)],
    ["Date object → string", new Date(INSTANT), { "target.type": "string", format: FORMAT }, FORMATTED],
  ])("converts a whole schemaless value, typed by its value: %s", (_name, value, configs, expected) => {
    const out = configured(TimestampConverterValue, configs).apply(sink({ value }));
    expect(out.valueSchema).toBeNull();
    expect(out.value).toEqual(expected);
  });

  it("converts one field of a Struct, keeping the others and the field's optionality", () => {
    const schema = SchemaBuilder.struct().name("row").field("id", Schema.INT32_SCHEMA).field("ts", Schema.OPTIONAL_INT64_SCHEMA).build();
    const out = configured(TimestampConverterValue, { field: "ts", "target.type": "Timestamp" }).apply(sink({ valueSchema: schema, value: new Struct(schema).put("id", 1).put("ts", BigInt(INSTANT)) }));
    expect(out.valueSchema!.name).toBe("row");
    expect(out.valueSchema!.field("ts")!.schema).toEqual(Timestamp.builder().optional().build());
    expect((out.value as Struct).get("ts")).toEqual(new Date(INSTANT));
    expect((out.value as Struct).get("id")).toBe(1);
  });

  it("converts one entry of a schemaless map on the key with $Key", () => {
    const out = configured(TimestampConverterKey, { field: "ts", "target.type": "string", format: "yyyy-MM-dd" }).apply(sink({ key: { ts: BigInt(INSTANT), id: 1n }, value: "v" }));
    expect(out.key).toEqual(new Map<string, unknown>([["ts", "2017-01-02"], ["id", 1n]]));
    expect(out.value).toBe("v");
  });

  it.each([
    ["a whole value with a schema", { field: "" }, { valueSchema: Timestamp.builder().optional().build(), value: null }, null],
    ["a struct with a schema", { field: "ts" }, { valueSchema: SchemaBuilder.struct().field("ts", Timestamp.SCHEMA).optional().build(), value: null }, null],
    ["a schemaless value", { field: "ts" }, { value: null }, null],
    ["a null field", { field: "ts" }, { value: new Map([["ts", null]]) }, new Map([["ts", null]])],
  ])("keeps nulls null: %s", (_name, configs, fields, expected) => {
    expect(configured(TimestampConverterValue, { ...configs, "target.type": "unix" }).apply(sink(fields)).value).toEqual(expected);
  });

  it.each([
    ["text that does not fit the format", { valueSchema: Schema.STRING_SCHEMA, value: "nope" }, "Could not parse timestamp: value (nope) does not match pattern (yyyy-MM-dd)"],
    ["a schema that is no timestamp", { valueSchema: Schema.INT32_SCHEMA, value: 5 }, "Schema Schema{INT32} does not correspond to a known timestamp type format"],
    ["a schemaless value that is no timestamp", { value: true }, "TimestampConverter does not support boolean objects as timestamps"],
  ])("throws a DataException for %s", (_name, fields, message) => {
    const smt = configured(TimestampConverterValue, { "target.type": "Timestamp", format: "yyyy-MM-dd" });
    expect(() => smt.apply(sink(fields))).toThrow(DataException);
    expect(() => smt.apply(sink(fields))).toThrow(message);
  });

  it("honours replace.null.with.default", () => {
    const schema = SchemaBuilder.struct().field("ts", SchemaBuilder.int64().optional().defaultValue(0n).build()).build();
    const record = sink({ valueSchema: schema, value: new Struct(schema) });
    expect((configured(TimestampConverterValue, { field: "ts", "target.type": "Timestamp" }).apply(record).value as Struct).get("ts")).toEqual(new Date(0));
    expect((configured(TimestampConverterValue, { field: "ts", "target.type": "Timestamp", "replace.null.with.default": "false" }).apply(record).value as Struct).get("ts")).toBeNull();
  });

  it.each([
    [{}, 'Missing required configuration "target.type"'],
    [{ "target.type": "Instant" }, "String must be one of: string, unix, Date, Time, Timestamp"],
    [{ "target.type": "string" }, "TimestampConverter requires format option to be specified when using string timestamps"],
    [{ "target.type": "string", format: "yyyy-qq" }, "TimestampConverter requires a SimpleDateFormat-compatible pattern for string timestamps"],
    [{ "target.type": "unix", "unix.precision": "minutes" }, "String must be one of: nanoseconds, microseconds, milliseconds, seconds"],
  ])("refuses the settings %j", (configs, message) => {
    expect(() => configured(TimestampConverterValue, configs)).toThrow(ConfigException);
    expect(() => configured(TimestampConverterValue, configs)).toThrow(message);
  });
});
