import { describe, expect, it } from "vitest";
import { decodeJava, decodeJavaUtf8, encodeJava, javaCharset } from "@/server/plugins/api/data/java-charsets";

const bytes = (...values: number[]) => new Uint8Array(values);

describe("Java charsets", () => {
  it.each([
    ["an encoded surrogate is one U+FFFD", bytes(0x61, 0xed, 0xa0, 0x80, 0x62), "a\ufffdb"],
    ["a surrogate pair encoded as two surrogates is two", bytes(0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80), "\ufffd\ufffd"],
    ["a truncated sequence at the end is one", bytes(0x61, 0xf0, 0x9f, 0x98), "a\ufffd"],
    ["a truncated sequence before ASCII is one", bytes(0xe2, 0x82, 0x61), "\ufffda"],
    ["each byte of an overlong form is one", bytes(0xc0, 0xaf), "\ufffd\ufffd"],
    ["a code point beyond U+10FFFF is one per byte", bytes(0xf4, 0x90, 0x80, 0x80), "\ufffd\ufffd\ufffd\ufffd"],
    ["well-formed text is unchanged", Buffer.from("naïve 😀"), "naïve 😀"],
  ])("UTF-8: %s", (_case, input, expected) => {
    expect(decodeJavaUtf8(input)).toBe(expected);
  });

  it("decodes UTF-16 by its byte-order mark, US-ASCII high bytes as U+FFFD", () => {
    expect(decodeJava(bytes(0xff, 0xfe, 0x41, 0x00), "UTF-16")).toBe("A");
    expect(decodeJava(bytes(0x00, 0x41, 0xd8, 0x00), "UTF-16")).toBe("A\ufffd");
    expect(decodeJava(bytes(0x41, 0x00, 0x42), "UTF-16LE")).toBe("A\ufffd");
    expect(decodeJava(bytes(0x41, 0xe9), "US-ASCII")).toBe("A\ufffd");
  });

  it("encodes what a charset cannot hold as Java does", () => {
    expect(encodeJava("a\ud800b", "UTF-8").toString()).toBe("a?b");
    expect(encodeJava("é😀", "ISO-8859-1")).toEqual(Buffer.from([0xe9, 0x3f]));
    expect(encodeJava("a\udc00", "UTF-16")).toEqual(Buffer.from([0xfe, 0xff, 0x00, 0x61, 0xff, 0xfd]));
    expect(encodeJava("", "UTF-16")).toEqual(Buffer.alloc(0));
  });

  it("knows Java's names and aliases, and nothing else", () => {
    expect(javaCharset(" utf8 ")).toBe("UTF-8");
    expect(javaCharset("Latin1")).toBe("ISO-8859-1");
    expect(javaCharset("EBCDIC")).toBeNull();
  });
});
