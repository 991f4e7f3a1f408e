import { describe, expect, it } from "vitest";
import type { Converter } from "@/server/plugins/api/converter";
import { Schema } from "@/server/plugins/api/data/schema";
import {
  BooleanConverter,
  DoubleConverter,
  FloatConverter,
  IntegerConverter,
  LongConverter,
  ShortConverter,
} from "@/server/plugins/converters/number-converters";

const hex = (bytes: Uint8Array | null): string | null => (bytes === null ? null : Buffer.from(bytes).toString("hex"));

function make<T extends Converter>(Class: new () => T): T {
  const converter = new Class();
  converter.configure({}, false);
  return converter;
}

describe("number converters (big-endian, like Kafka's serializers)", () => {
  it.each([
    [LongConverter, 9007199254740993n, "0020000000000001", Schema.OPTIONAL_INT64_SCHEMA],
    [LongConverter, -1n, "ffffffffffffffff", Schema.OPTIONAL_INT64_SCHEMA],
    [IntegerConverter, -2, "fffffffe", Schema.OPTIONAL_INT32_SCHEMA],
    [ShortConverter, 258, "0102", Schema.OPTIONAL_INT16_SCHEMA],
    [FloatConverter, 1.5, "3fc00000", Schema.OPTIONAL_FLOAT32_SCHEMA],
    [DoubleConverter, -2.5, "c004000000000000", Schema.OPTIONAL_FLOAT64_SCHEMA],
    [BooleanConverter, true, "01", Schema.OPTIONAL_BOOLEAN_SCHEMA],
    [BooleanConverter, false, "00", Schema.OPTIONAL_BOOLEAN_SCHEMA],
  ] as const)("%o writes %s as %s and reads it back", (Class, value, expected, schema) => {
    const converter = make(Class as new () => Converter);
    expect(hex(converter.fromConnectData("t", null, null, value))).toBe(expected);
    expect(converter.toConnectData("t", null, Buffer.from(expected, "hex"))).toEqual({ schema, value });
  });

  it("writes a safe integer number with LongConverter", () => {
    expect(hex(make(LongConverter).fromConnectData("t", null, null, 1))).toBe("0000000000000001");
  });

  it("keeps null as null", () => {
    for (const Class of [LongConverter, IntegerConverter, ShortConverter, FloatConverter, DoubleConverter, BooleanConverter]) {
      const converter = make(Class as new () => Converter);
      expect(converter.fromConnectData("t", null, null, null)).toBeNull();
      expect(converter.toConnectData("t", null, null).value).toBeNull();
    }
  });

  it("refuses values of the wrong type or range, and bytes of the wrong size", () => {
    expect(() => make(IntegerConverter).fromConnectData("t", null, null, "1")).toThrow("Failed to serialize to integer (was string");
    expect(() => make(ShortConverter).fromConnectData("t", null, null, 40000)).toThrow("Failed to serialize to short");
    expect(() => make(LongConverter).fromConnectData("t", null, null, 2n ** 64n)).toThrow("Failed to serialize to long");
    expect(() => make(LongConverter).toConnectData("t", null, new Uint8Array(4))).toThrow("Size of data received by LongDeserializer is not 8");
    expect(() => make(BooleanConverter).toConnectData("t", null, new Uint8Array([2]))).toThrow("Unexpected byte received by BooleanDeserializer: 2");
    expect(() => make(BooleanConverter).fromConnectData("t", null, Schema.INT8_SCHEMA, true)).toThrow("Invalid schema type for BooleanConverter: INT8");
  });

  it("are named by Kafka's class names", () => {
    expect([LongConverter, IntegerConverter, ShortConverter, FloatConverter, DoubleConverter, BooleanConverter].map((c) => c.className)).toEqual([
      "org.apache.kafka.connect.converters.LongConverter",
      "org.apache.kafka.connect.converters.IntegerConverter",
      "org.apache.kafka.connect.converters.ShortConverter",
      "org.apache.kafka.connect.converters.FloatConverter",
      "org.apache.kafka.connect.converters.DoubleConverter",
      "org.apache.kafka.connect.converters.BooleanConverter",
    ]);
  });
});
