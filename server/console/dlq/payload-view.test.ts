import { describe, expect, it } from "vitest";
import { textOf, viewPayload } from "@/server/console/dlq/payload-view";

const full = { maxChars: 10_000, pretty: true };

describe("viewPayload", () => {
  it("shows a JSON object pretty in full views and compact in previews", () => {
    const bytes = Buffer.from('{"id": 1, "tags": ["a"]}');
    expect(viewPayload(bytes, full)).toEqual({ format: "json", text: '{\n  "id": 1,\n  "tags": [\n    "a"\n  ]\n}', bytes: 24, truncated: false });
    expect(viewPayload(bytes, { maxChars: 12, pretty: false })).toEqual({ format: "json", text: '{"id":1,"tag', bytes: 24, truncated: true });
  });

  it("shows invalid JSON and plain UTF-8 as text, whitespace folded in previews", () => {
    expect(viewPayload(Buffer.from('{"id": 1,'), full).format).toBe("text");
    expect(viewPayload(Buffer.from("héllo\nwörld"), full)).toEqual({ format: "text", text: "héllo\nwörld", bytes: 13, truncated: false });
    expect(viewPayload(Buffer.from("héllo\nwörld"), { maxChars: 100, pretty: false }).text).toBe("héllo wörld");
  });

  it("shows bytes that are not UTF-8, or hold control characters, as hex", () => {
    expect(viewPayload(Buffer.from([0xde, 0xad, 0xbe, 0xef]), full)).toEqual({ format: "hex", text: "de ad be ef", bytes: 4, truncated: false });
    expect(viewPayload(Buffer.from([0x00, 0x01, 0x41]), full).format).toBe("hex");
    expect(viewPayload(Buffer.alloc(100, 0xff), { maxChars: 11, pretty: false })).toEqual({ format: "hex", text: "ff ff ff ff", bytes: 100, truncated: true });
  });

  it("shows a null payload as null, and an empty one as empty text", () => {
    expect(viewPayload(null, full)).toEqual({ format: "null", text: "", bytes: 0, truncated: false });
    expect(viewPayload(Buffer.alloc(0), full)).toEqual({ format: "text", text: "", bytes: 0, truncated: false });
  });
});

describe("textOf", () => {
  it("is the UTF-8 text of printable bytes, else null", () => {
    expect(textOf(Buffer.from("a\tb"))).toBe("a\tb");
    expect(textOf(Buffer.from([0xc3]))).toBeNull();
    expect(textOf(null)).toBeNull();
  });
});
