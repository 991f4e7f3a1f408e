import { describe, expect, it } from "vitest";
import { DataException } from "@/server/plugins/api/data/errors";
import { Schema } from "@/server/plugins/api/data/schema";
import { ByteArrayConverter } from "@/server/plugins/converters/byte-array-converter";

describe("ByteArrayConverter", () => {
  const converter = new ByteArrayConverter();
  converter.configure({}, false);

  it("passes bytes through unchanged both ways", () => {
    const bytes = new Uint8Array([0, 1, 2, 255]);
    expect(converter.fromConnectData("t", null, Schema.BYTES_SCHEMA, bytes)).toBe(bytes);
    expect(converter.fromConnectData("t", null, null, bytes)).toBe(bytes);
    expect(converter.toConnectData("t", null, bytes)).toEqual({ schema: Schema.OPTIONAL_BYTES_SCHEMA, value: bytes });
  });

  it("keeps null as null", () => {
    expect(converter.fromConnectData("t", null, Schema.OPTIONAL_BYTES_SCHEMA, null)).toBeNull();
    expect(converter.toConnectData("t", null, null)).toEqual({ schema: Schema.OPTIONAL_BYTES_SCHEMA, value: null });
  });

  it("refuses a non-BYTES schema and non-byte values", () => {
    expect(() => converter.fromConnectData("t", null, Schema.STRING_SCHEMA, "x")).toThrow(new DataException("Invalid schema type for ByteArrayConverter: STRING"));
    expect(() => converter.fromConnectData("t", null, null, "x")).toThrow("ByteArrayConverter is not compatible with objects of type string");
  });

  it("is named by Kafka's class name", () => {
    expect(ByteArrayConverter.className).toBe("org.apache.kafka.connect.converters.ByteArrayConverter");
  });
});
