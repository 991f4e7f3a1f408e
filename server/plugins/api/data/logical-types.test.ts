import { describe, expect, it } from "vitest";
import { BigDecimal } from "@/server/plugins/api/data/big-decimal";
import { ConnectDate, Decimal, fromTwosComplementBytes, Time, Timestamp, toTwosComplementBytes } from "@/server/plugins/api/data/logical-types";
import { Schema } from "@/server/plugins/api/data/schema";

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex");

describe("Decimal", () => {
  it("has Kafka's schema: BYTES named org.apache.kafka.connect.data.Decimal, version 1, scale parameter", () => {
    expect(Decimal.schema(2)).toMatchObject({ type: "BYTES", name: "org.apache.kafka.connect.data.Decimal", version: 1, parameters: { scale: "2" } });
    expect(Decimal.builder(4).optional().build().optional).toBe(true);
    expect(Decimal.scale(Decimal.schema(7))).toBe(7);
    expect(() => Decimal.scale(Schema.BYTES_SCHEMA)).toThrow("Invalid Decimal schema: scale parameter not found.");
  });

  // Expected bytes are Java's BigInteger.valueOf(n).toByteArray().
  it.each([
    [0n, "00"],
    [1n, "01"],
    [127n, "7f"],
    [128n, "0080"],
    [255n, "00ff"],
    [500n, "01f4"],
    [-1n, "ff"],
    [-128n, "80"],
    [-129n, "ff7f"],
    [-500n, "fe0c"],
    [-32768n, "8000"],
    [2n ** 63n - 1n, "7fffffffffffffff"],
    [-(2n ** 63n), "8000000000000000"],
    [2n ** 64n, "010000000000000000"],
  ])("encodes %s as big-endian two's complement %s and back", (value, expected) => {
    expect(hex(toTwosComplementBytes(value))).toBe(expected);
    expect(fromTwosComplementBytes(Buffer.from(expected, "hex"))).toBe(value);
  });

  it("converts BigDecimal values at the schema's scale", () => {
    const schema = Decimal.schema(2);
    expect(hex(Decimal.fromLogical(schema, new BigDecimal(500n, 2)))).toBe("01f4");
    expect(Buffer.from(Decimal.fromLogical(schema, BigDecimal.parse("5.00"))).toString("base64")).toBe("AfQ=");
    expect(Decimal.toLogical(schema, Buffer.from("fe0c", "hex")).toString()).toBe("-5.00");
    expect(() => Decimal.fromLogical(schema, BigDecimal.parse("5.0"))).toThrow("BigDecimal has mismatching scale value for given Decimal schema");
    expect(() => Decimal.toLogical(schema, new Uint8Array())).toThrow("zero length");
  });
});

describe("Date, Time and Timestamp", () => {
  it("Date is INT32 days since the epoch, at UTC midnight", () => {
    expect(ConnectDate.SCHEMA).toMatchObject({ type: "INT32", name: "org.apache.kafka.connect.data.Date", version: 1 });
    expect(ConnectDate.fromLogical(ConnectDate.SCHEMA, new Date("2024-01-31T00:00:00Z"))).toBe(19753);
    expect(ConnectDate.fromLogical(ConnectDate.SCHEMA, new Date("1969-12-31T00:00:00Z"))).toBe(-1);
    expect(ConnectDate.toLogical(ConnectDate.SCHEMA, 19753).toISOString()).toBe("2024-01-31T00:00:00.000Z");
    expect(() => ConnectDate.fromLogical(ConnectDate.SCHEMA, new Date("2024-01-31T00:00:01Z"))).toThrow("Kafka Connect Date type should not have any time fields set to non-zero values.");
    expect(() => ConnectDate.fromLogical(Schema.INT32_SCHEMA, new Date(0))).toThrow("Requested conversion of Date object but the schema does not match.");
  });

  it("Time is INT32 milliseconds since midnight, on 1970-01-01", () => {
    expect(Time.SCHEMA).toMatchObject({ type: "INT32", name: "org.apache.kafka.connect.data.Time", version: 1 });
    expect(Time.fromLogical(Time.SCHEMA, new Date("1970-01-01T12:34:56.789Z"))).toBe(45296789);
    expect(Time.toLogical(Time.SCHEMA, 45296789).toISOString()).toBe("1970-01-01T12:34:56.789Z");
    expect(() => Time.fromLogical(Time.SCHEMA, new Date("1970-01-02T00:00:00Z"))).toThrow("should not have any date fields");
  });

  it("Timestamp is INT64 epoch milliseconds, as bigint", () => {
    expect(Timestamp.SCHEMA).toMatchObject({ type: "INT64", name: "org.apache.kafka.connect.data.Timestamp", version: 1 });
    expect(Timestamp.fromLogical(Timestamp.SCHEMA, new Date("2024-01-31T12:00:00.5Z"))).toBe(1706702400500n);
    expect(Timestamp.toLogical(Timestamp.SCHEMA, 1706702400500n).toISOString()).toBe("2024-01-31T12:00:00.500Z");
    expect(Timestamp.fromLogical(Timestamp.SCHEMA, new Date(-1))).toBe(-1n);
    expect(() => Timestamp.fromLogical(Timestamp.SCHEMA, new Date(Number.NaN))).toThrow("expected a valid Date");
  });
});
