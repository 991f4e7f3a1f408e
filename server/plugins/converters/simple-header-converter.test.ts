import { describe, expect, it } from "vitest";
import { BigDecimal } from "@/server/plugins/api/data/big-decimal";
import { ConnectDate, Decimal, Timestamp } from "@/server/plugins/api/data/logical-types";
import { Schema } from "@/server/plugins/api/data/schema";
import { SchemaBuilder } from "@/server/plugins/api/data/schema-builder";
import { SimpleHeaderConverter } from "@/server/plugins/converters/simple-header-converter";

const converter = new SimpleHeaderConverter();
converter.configure({});
const read = (text: string) => converter.toConnectHeader("t", "h", Buffer.from(text, "utf8"));
const write = (schema: Schema | null, value: unknown) => {
  const bytes = converter.fromConnectHeader("t", "h", schema, value);
  return bytes === null ? null : Buffer.from(bytes).toString("utf8");
};

describe("SimpleHeaderConverter", () => {
  it("infers header types with Values.parseString", () => {
    expect(read("42")).toEqual({ schema: Schema.INT8_SCHEMA, value: 42 });
    expect(read("100000")).toEqual({ schema: Schema.INT32_SCHEMA, value: 100000 });
    expect(read("9007199254740993")).toEqual({ schema: Schema.INT64_SCHEMA, value: 9007199254740993n });
    expect(read("true")).toEqual({ schema: Schema.BOOLEAN_SCHEMA, value: true });
    expect(read("2024-01-31")).toEqual({ schema: ConnectDate.SCHEMA, value: new Date("2024-01-31T00:00:00Z") });
    expect(read("74320e6e26adc8f8")).toEqual({ schema: Schema.STRING_SCHEMA, value: "74320e6e26adc8f8" });
    expect(read("")).toEqual({ schema: Schema.STRING_SCHEMA, value: "" });
    expect(read("[1,2]").value).toEqual([1, 2]);
  });

  it("writes Values.convertToString as UTF-8", () => {
    expect(write(Schema.STRING_SCHEMA, "héllo")).toBe("héllo");
    expect(write(Schema.INT64_SCHEMA, 5n)).toBe("5");
    expect(write(Schema.FLOAT64_SCHEMA, 2)).toBe("2.0");
    expect(write(Decimal.schema(2), new BigDecimal(-500n, 2))).toBe("-5.00");
    expect(write(Timestamp.SCHEMA, new Date("2024-01-31T12:00:00Z"))).toBe("2024-01-31T12:00:00.000Z");
    expect(write(SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.STRING_SCHEMA).build(), new Map([["a", "b"]]))).toBe('{"a":"b"}');
  });

  it("keeps null as null", () => {
    expect(converter.fromConnectHeader("t", "h", Schema.OPTIONAL_STRING_SCHEMA, null)).toBeNull();
    expect(converter.toConnectHeader("t", "h", null)).toEqual({ schema: null, value: null });
  });

  it("round-trips typed headers", () => {
    for (const [schema, value] of [
      [Schema.INT16_SCHEMA, 1000],
      [Schema.BOOLEAN_SCHEMA, false],
      [Timestamp.SCHEMA, new Date("2024-01-31T12:00:00.123Z")],
    ] as const) {
      expect(read(write(schema, value)!)).toEqual({ schema, value });
    }
  });

  it("is named by Kafka's class name", () => {
    expect(SimpleHeaderConverter.className).toBe("org.apache.kafka.connect.storage.SimpleHeaderConverter");
  });
});
