import { describe, expect, it } from "vitest";
import { ConfigException } from "@/server/plugins/api/config/config-exception";
import { Timestamp } from "@/server/plugins/api/data/logical-types";
import { Schema } from "@/server/plugins/api/data/schema";
import { StringConverter } from "@/server/plugins/converters/string-converter";

function converter(configs: Record<string, string> = {}): StringConverter {
  const instance = new StringConverter();
  instance.configure(configs, false);
  return instance;
}

describe("StringConverter", () => {
  it("writes the value's text as UTF-8 and reads an optional string", () => {
    expect(Buffer.from(converter().fromConnectData("t", null, Schema.STRING_SCHEMA, "héllo")!).toString("hex")).toBe("68c3a96c6c6f");
    expect(converter().toConnectData("t", null, Buffer.from("héllo"))).toEqual({ schema: Schema.OPTIONAL_STRING_SCHEMA, value: "héllo" });
  });

  it("writes non-strings the way Java's toString would", () => {
    const write = (schema: Schema | null, value: unknown) => Buffer.from(converter().fromConnectData("t", null, schema, value)!).toString();
    expect(write(Schema.INT64_SCHEMA, 9007199254740993n)).toBe("9007199254740993");
    expect(write(Schema.FLOAT64_SCHEMA, 5)).toBe("5.0");
    expect(write(Schema.INT32_SCHEMA, 5)).toBe("5");
    expect(write(null, true)).toBe("true");
    expect(write(null, [1n, "a", 2.5])).toBe("[1, a, 2.5]");
    expect(write(null, new Map([["k", 1n]]))).toBe("{k=1}");
    expect(write(null, 3)).toBe("3.0");
    expect(write(Timestamp.SCHEMA, new Date(1_700_000_000_123))).toBe("Tue Nov 14 22:13:20 UTC 2023");
    expect(write(Timestamp.SCHEMA, new Date(-62_135_596_800_000))).toBe("Mon Jan 03 00:00:00 UTC 1");
  });

  it("encodes and decodes as Java does: `?` for what the charset cannot hold, one U+FFFD per malformed sequence", () => {
    expect(Buffer.from(converter().fromConnectData("t", null, null, "a\ud800b")!).toString()).toBe("a?b");
    expect(Buffer.from(converter({ "converter.encoding": "US-ASCII" }).fromConnectData("t", null, null, "é😀")!).toString()).toBe("??");
    expect(Buffer.from(converter({ "converter.encoding": "UTF-16" }).fromConnectData("t", null, null, "a")!).toString("hex")).toBe("feff0061");
    expect(converter().toConnectData("t", null, Buffer.from([0x61, 0xed, 0xa0, 0x80, 0x62])).value).toBe("a\ufffdb");
    expect(converter({ "converter.encoding": "UTF-16LE" }).toConnectData("t", null, Buffer.from([0x41, 0x00, 0x42])).value).toBe("A\ufffd");
  });

  it("keeps null as null both ways", () => {
    expect(converter().fromConnectData("t", null, null, null)).toBeNull();
    expect(converter().toConnectData("t", null, null)).toEqual({ schema: Schema.OPTIONAL_STRING_SCHEMA, value: null });
  });

  it("honours converter.encoding and the per-direction overrides", () => {
    const latin = converter({ "converter.encoding": "ISO-8859-1" });
    expect(Buffer.from(latin.fromConnectData("t", null, null, "é")!).toString("hex")).toBe("e9");
    expect(latin.toConnectData("t", null, Buffer.from([0xe9])).value).toBe("é");
    const mixed = converter({ "serializer.encoding": "UTF-16LE" });
    expect(Buffer.from(mixed.fromConnectData("t", null, null, "a")!).toString("hex")).toBe("6100");
    expect(mixed.toConnectData("t", null, Buffer.from("a")).value).toBe("a");
    expect(() => converter({ "converter.encoding": "EBCDIC" })).toThrow(ConfigException);
  });

  it("is named by Kafka's class name and is a header converter too", () => {
    expect(StringConverter.className).toBe("org.apache.kafka.connect.storage.StringConverter");
    expect(converter().toConnectHeader("t", "h", Buffer.from("v")).value).toBe("v");
    expect(new StringConverter().config().map((key) => key.name)).toContain("converter.encoding");
  });
});
