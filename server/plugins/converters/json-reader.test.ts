import { describe, expect, it } from "vitest";
import { JsonRawNumber, JsonReader, JsonSyntaxException } from "@/server/plugins/converters/json-reader";
import { quote } from "@/server/plugins/converters/json-writer";

describe("JsonReader", () => {
  it("reads every JSON value type, objects as Maps", () => {
    expect(JsonReader.parse(' {"a":[true,false,null,"s",{}],"b":{"c":-1}} ')).toEqual(
      new Map<string, unknown>([
        ["a", [true, false, null, "s", new Map()]],
        ["b", new Map([["c", -1]])],
      ]),
    );
    expect(JsonReader.parse("   ")).toBeUndefined();
  });

  it("keeps integers beyond 15 digits as exact bigints", () => {
    expect(JsonReader.parse("123456789012345")).toBe(123456789012345);
    expect(JsonReader.parse("9007199254740993")).toBe(9007199254740993n);
    expect(JsonReader.parse("-9223372036854775808")).toBe(-9223372036854775808n);
  });

  it("marks fraction literals that look whole or carry many digits", () => {
    expect(JsonReader.parse("1.5")).toBe(1.5);
    expect(JsonReader.parse("1.0")).toEqual(new JsonRawNumber("1.0", 1));
    expect(JsonReader.parse("2E3")).toEqual(new JsonRawNumber("2E3", 2000));
    expect(JsonReader.parse("0.12345678901234567890")).toEqual(new JsonRawNumber("0.12345678901234567890", 0.12345678901234568));
  });

  it("decodes escapes, including surrogate pairs", () => {
    expect(JsonReader.parse('"a\\"b\\\\c\\/d\\n\\t\\u00e9\\ud83d\\ude00"')).toBe('a"b\\c/d\n\té😀');
  });

  it("keeps the last value of a repeated key, as Jackson does", () => {
    expect(JsonReader.parse('{"a":1,"a":2}')).toEqual(new Map([["a", 2]]));
  });

  it.each([
    ["[", "Unexpected end of input"],
    ["{", "Expected a field name"],
    ['{"a" 1}', "Expected ':'"],
    ["[1,]", "Unexpected character ']'"],
    ["1.", "no digits after the decimal point"],
    ["-", "Invalid number"],
    ["1e", "no digits in the exponent"],
    ['"a\nb"', "Unescaped control character"],
    ['"\\x"', "Invalid escape"],
    ['"\\u12"', "Invalid \\u escape"],
    ["tru", "Unexpected character 't'"],
    ["1x", "Expected space separating root-level values"],
    ["'a'", "Unexpected character"],
  ])("refuses %j: %s", (text, message) => {
    expect(() => JsonReader.parse(text)).toThrow(JsonSyntaxException);
    expect(() => JsonReader.parse(text)).toThrow(message);
  });

  it("reads as Kafka's Jackson does: leading zeros allowed, whatever follows the first value ignored", () => {
    expect(JsonReader.parse("007")).toBe(7);
    expect(JsonReader.parse("-012.5")).toBe(-12.5);
    expect(JsonReader.parse('{"a":1} x')).toEqual(new Map([["a", 1]]));
    expect(JsonReader.parse("1 2")).toBe(1);
  });

  it("refuses nesting deeper than 1000", () => {
    expect(() => JsonReader.parse("[".repeat(1001) + "]".repeat(1001))).toThrow("nesting deeper than 1000");
    expect(() => JsonReader.parse("[".repeat(1000) + "]".repeat(1000))).not.toThrow();
  });
});

describe("quote (Jackson's string escapes)", () => {
  it.each([
    ["plain", '"plain"'],
    ['q"b\\', '"q\\"b\\\\"'],
    ["\b\t\n\f\r", '"\\b\\t\\n\\f\\r"'],
    ["\u0000\u001f", '"\\u0000\\u001F"'],
    ["é/<>\u007f", '"é/<>\u007f"'],
  ])("%j → %s", (input, expected) => {
    expect(quote(input)).toBe(expected);
  });
});
