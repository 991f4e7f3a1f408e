import { describe, expect, it } from "vitest";
import { recordMatches, viewAs } from "@/server/console/topics/record-view";
import type { IncomingRecord } from "@/server/runtime/ports";

const bytes = (text: string) => Buffer.from(text, "utf8");

describe("how the topic browser shows a payload", () => {
  it("detects JSON, text and binary, or shows them the way asked", () => {
    expect(viewAs(bytes('{"a":1}'), "auto")).toMatchObject({ format: "json", text: '{\n  "a": 1\n}' });
    expect(viewAs(bytes("plain"), "json")).toMatchObject({ format: "text", text: "plain" });
    expect(viewAs(bytes('{"a":1}'), "text")).toMatchObject({ format: "text", text: '{"a":1}' });
    expect(viewAs(bytes("AB"), "hex")).toMatchObject({ format: "hex", text: "41 42", bytes: 2, truncated: false });
    expect(viewAs(Buffer.from([0xff, 0x41]), "text").text).toBe("\uFFFDA");
    expect(viewAs(null, "hex")).toMatchObject({ format: "null" });
  });

  it("cuts long payloads and says so", () => {
    expect(viewAs(Buffer.alloc(10, 0x41), "hex", 8)).toMatchObject({ text: "41 41 41", truncated: true });
  });
});

describe("the topic browser's search", () => {
  const record: IncomingRecord = {
    topic: "t",
    partition: 0,
    offset: 1n,
    key: bytes("order-7"),
    value: Buffer.from([0xca, 0xfe]),
    headers: [{ key: "Trace-Id", value: bytes("abc") }],
    timestamp: 0,
    timestampType: "CreateTime",
  };

  it("needs every word somewhere in the key, the value (hex for bytes) or a header, ignoring case", () => {
    expect(recordMatches(record, [])).toBe(true);
    expect(recordMatches(record, ["order-7", "trace-id", "abc"])).toBe(true);
    expect(recordMatches(record, ["cafe"])).toBe(true);
    expect(recordMatches(record, ["order-7", "missing"])).toBe(false);
  });
});
