import { describe, expect, it } from "vitest";
import { BigDecimal } from "@/server/plugins/api/data/big-decimal";
import { ConnectDate, Decimal, Time, Timestamp } from "@/server/plugins/api/data/logical-types";
import { Schema } from "@/server/plugins/api/data/schema";
import { SchemaBuilder } from "@/server/plugins/api/data/schema-builder";
import { Struct } from "@/server/plugins/api/data/struct";
import { convertToString, parseString } from "@/server/plugins/api/data/values";

describe("Values.parseString", () => {
  it.each([
    ["true", "BOOLEAN", true],
    ["false", "BOOLEAN", false],
    ["0", "INT8", 0],
    ["-128", "INT8", -128],
    ["127", "INT8", 127],
    ["128", "INT16", 128],
    ["-32769", "INT32", -32769],
    ["2147483648", "INT64", 2147483648n],
    ["9223372036854775807", "INT64", 9223372036854775807n],
    ["1.0", "INT8", 1],
    ["1e2", "INT8", 100],
    ["1.5", "FLOAT32", 1.5],
    ["-0.25", "FLOAT32", -0.25],
    ["3.141592653589793", "FLOAT32", Math.fround(3.141592653589793)],
    ["1e300", "FLOAT64", 1e300],
    ["hello", "STRING", "hello"],
    ["  padded ", "STRING", "  padded "],
    ["12:34", "INT8", 12],
    ["10:00 meeting", "INT8", 10],
    ["١٢٣", "INT8", 123],
    ["true}", "STRING", "true}"],
    ["null=", "STRING", "null="],
    ["1 2", "STRING", "1 2"],
    ["2024-02-30", "INT32", new Date("2024-03-01T00:00:00Z")],
    ["2024-01-3x", "INT32", new Date("2024-01-03T00:00:00Z")],
    ["25:00:00.000Z", "INT32", new Date("1970-01-02T01:00:00Z")],
    ["1500-03-01", "INT32", new Date("1500-03-11T00:00:00Z")],
    ["", "STRING", ""],
  ])("%s → %s", (text, type, value) => {
    const parsed = parseString(text);
    expect(parsed.schema?.type).toBe(type);
    expect(parsed.value).toEqual(value);
  });

  it("infers a Decimal for whole numbers beyond INT64", () => {
    const parsed = parseString("123456789012345678901234567890");
    expect(parsed.schema?.equals(Decimal.schema(0))).toBe(true);
    expect((parsed.value as BigDecimal).toString()).toBe("123456789012345678901234567890");
  });

  it("does not hang on huge exponents (KAFKA-17792)", () => {
    const parsed = parseString("407127e212797209");
    expect(parsed.schema?.name).toBe(Decimal.LOGICAL_NAME);
  });

  it("recognises ISO dates, times and timestamps as logical types in UTC", () => {
    expect(parseString("2024-01-31")).toEqual({ schema: ConnectDate.SCHEMA, value: new Date("2024-01-31T00:00:00Z") });
    expect(parseString("12:34:56.789Z")).toEqual({ schema: Time.SCHEMA, value: new Date("1970-01-01T12:34:56.789Z") });
    expect(parseString("2024-01-31T12:34:56.789Z")).toEqual({ schema: Timestamp.SCHEMA, value: new Date("2024-01-31T12:34:56.789Z") });
    expect(parseString("2024-01-31T12\\:34\\:56.789Z").schema).toBe(Timestamp.SCHEMA);
  });

  it("parses arrays with a common element schema, widening numbers", () => {
    const ints = parseString("[1, 2, 300]");
    expect(ints.schema?.equals(SchemaBuilder.array(Schema.INT16_SCHEMA).build())).toBe(true);
    expect(ints.value).toEqual([1, 2, 300]);
    const mixed = parseString("[1, 3000000000, 1.5]");
    expect(mixed.schema?.valueSchema?.type).toBe("FLOAT32");
    const longs = parseString("[1, 3000000000]");
    expect(longs.value).toEqual([1n, 3000000000n]);
    const strings = parseString('["a", "b,c"]');
    expect(strings.value).toEqual(["a", "b,c"]);
    expect(strings.schema?.valueSchema?.type).toBe("STRING");
    expect(parseString("[]")).toMatchObject({ value: [] });
    expect(parseString("[]").schema?.type).toBe("ARRAY");
  });

  it("parses maps into Maps", () => {
    const parsed = parseString('{"a":1, "b":2}');
    expect(parsed.schema?.equals(SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT8_SCHEMA).build())).toBe(true);
    expect(parsed.value).toEqual(new Map([["a", 1], ["b", 2]]));
    expect(parseString('{"a":"2024-01-31"}').value).toEqual(new Map([["a", new Date("2024-01-31T00:00:00Z")]]));
  });

  it("falls back to STRING for malformed arrays and maps", () => {
    for (const text of ["[1, 2", "[1,,2]", "{a}", "{1:2", "[1, null]"]) expect(parseString(text)).toEqual({ schema: Schema.STRING_SCHEMA, value: text });
  });

  it("gives null for null and for the literal null", () => {
    expect(parseString(null)).toEqual({ schema: null, value: null });
    expect(parseString("null")).toEqual({ schema: null, value: null });
  });
});

describe("Values.convertToString", () => {
  const struct = SchemaBuilder.struct().field("id", Schema.INT32_SCHEMA).field("name", Schema.STRING_SCHEMA).build();
  it.each([
    [Schema.INT8_SCHEMA, 42, "42"],
    [Schema.INT64_SCHEMA, 9007199254740993n, "9007199254740993"],
    [Schema.FLOAT64_SCHEMA, 5, "5.0"],
    [Schema.FLOAT32_SCHEMA, Math.fround(0.1), "0.1"],
    [Schema.BOOLEAN_SCHEMA, true, "true"],
    [Schema.STRING_SCHEMA, 'say "hi"', 'say "hi"'],
    [Schema.BYTES_SCHEMA, Buffer.from("hi"), "aGk="],
    [Decimal.schema(2), new BigDecimal(500n, 2), "5.00"],
    [ConnectDate.SCHEMA, new Date("2024-01-31T00:00:00Z"), "2024-01-31"],
    [Time.SCHEMA, new Date("1970-01-01T12:34:56.789Z"), "12:34:56.789Z"],
    [Timestamp.SCHEMA, new Date("2024-01-31T12:34:56.789Z"), "2024-01-31T12:34:56.789Z"],
    [SchemaBuilder.array(Schema.STRING_SCHEMA).build(), ["a", 'b"c', "d\\e"], '["a","b\\"c","d\\\\e"]'],
    [SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.FLOAT64_SCHEMA).build(), new Map([["x", 1]]), '{"x":1.0}'],
    [struct, new Struct(struct).put("id", 1).put("name", "n"), '{"id":1,"name":"n"}'],
    [null, 1.5, "1.5"],
  ])("%s %s → %s", (schema, value, expected) => {
    expect(convertToString(schema, value)).toBe(expected);
  });

  it("returns null for null", () => {
    expect(convertToString(Schema.OPTIONAL_STRING_SCHEMA, null)).toBeNull();
  });

  it("round-trips through parseString", () => {
    const cases: [Schema, unknown][] = [
      [Schema.INT8_SCHEMA, -5],
      [Schema.INT64_SCHEMA, -9007199254740993n],
      [Schema.BOOLEAN_SCHEMA, false],
      [ConnectDate.SCHEMA, new Date("2000-02-29T00:00:00Z")],
      [Timestamp.SCHEMA, new Date("2024-01-31T00:00:00.001Z")],
      [SchemaBuilder.array(Schema.INT8_SCHEMA).build(), [1, 2, 3]],
      [SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.STRING_SCHEMA).build(), new Map([["k", "v"]])],
    ];
    for (const [schema, value] of cases) {
      const parsed = parseString(convertToString(schema, value));
      expect(parsed.schema?.equals(schema)).toBe(true);
      expect(parsed.value).toEqual(value);
    }
  });
});
