import { describe, expect, it } from "vitest";
import { LineReader, type Line } from "@/server/plugins/connectors/file/line-reader";

function all(reader: LineReader): Line[] {
  const lines: Line[] = [];
  for (let line = reader.next(); line; line = reader.next()) lines.push(line);
  return lines;
}

describe("LineReader", () => {
  it("splits on \\n, \\r\\n and \\r, with byte positions past each terminator", () => {
    const reader = new LineReader();
    reader.push(Buffer.from("a\nbb\r\nccc\rd"));
    expect(all(reader)).toEqual([{ text: "a", end: 2 }, { text: "bb", end: 6 }, { text: "ccc", end: 10 }]);
  });

  it("waits for a line's terminator across chunks, and for the byte after a trailing \\r", () => {
    const reader = new LineReader(100);
    reader.push(Buffer.from("hel"));
    expect(reader.next()).toBeNull();
    reader.push(Buffer.from("lo\r"));
    expect(reader.next()).toBeNull();
    reader.push(Buffer.from("\nnext\n"));
    expect(all(reader)).toEqual([{ text: "hello", end: 107 }, { text: "next", end: 112 }]);
  });

  it("counts bytes, not characters, and keeps multi-byte characters split across chunks intact", () => {
    const bytes = Buffer.from("été ✓\nok\n");
    const reader = new LineReader();
    reader.push(bytes.subarray(0, 2));
    reader.push(bytes.subarray(2, 7));
    reader.push(bytes.subarray(7));
    expect(all(reader)).toEqual([{ text: "été ✓", end: 10 }, { text: "ok", end: 13 }]);
  });

  it("emits empty lines", () => {
    const reader = new LineReader();
    reader.push(Buffer.from("\n\r\n\n"));
    expect(all(reader).map((line) => line.text)).toEqual(["", "", ""]);
  });
});
