import { describe, expect, it } from "vitest";
import { parseProperties, PropertiesSyntaxError } from "@/components/connector-form/properties-parser";

describe("parseProperties", () => {
  it("reads a connector file as connect-standalone does, skipping comments and blank lines", () => {
    const text = [
      "# A file source",
      "! also a comment",
      "",
      "name=local-file-source",
      "connector.class=FileStreamSource",
      "   tasks.max = 1",
      "file:/tmp/test.txt",
      "topic connect-test",
    ].join("\n");
    expect(parseProperties(text)).toEqual({
      name: "local-file-source",
      "connector.class": "FileStreamSource",
      "tasks.max": "1",
      file: "/tmp/test.txt",
      topic: "connect-test",
    });
  });

  it("takes only the first separator, keeps later ones in the value, and keeps trailing spaces of values", () => {
    expect(parseProperties("a = b = c\nurl: http://host:8080/x\nb=two  ")).toEqual({ a: "b = c", url: "http://host:8080/x", b: "two  " });
  });

  it("accepts whitespace around a separator and a key with no value", () => {
    expect(parseProperties("key   :   value\nempty\nempty2=\n")).toEqual({ key: "value", empty: "", empty2: "" });
  });

  it("joins continued lines, dropping the continuation's leading whitespace", () => {
    const text = "transforms=route,\\\n    mask\nlist = a, \\\n\tb, \\\n  c";
    expect(parseProperties(text)).toEqual({ transforms: "route,mask", list: "a, b, c" });
  });

  it("does not continue a line ending in an even number of backslashes", () => {
    expect(parseProperties("path=C:\\\\\nnext=1")).toEqual({ path: "C:\\", next: "1" });
  });

  it("continues into a line that looks like a comment, as Java does", () => {
    expect(parseProperties("a=1\\\n# not a comment")).toEqual({ a: "1# not a comment" });
  });

  it("drops a backslash at the very end of the text", () => {
    expect(parseProperties("a=1\\")).toEqual({ a: "1" });
  });

  it("resolves escapes in keys and values", () => {
    const text = "key\\ with\\ spaces=v\nk\\=eq\\:colon=x\ntabs=a\\tb\\nc\nunicode=caf\\u00e9\nplain=\\q\\#";
    expect(parseProperties(text)).toEqual({ "key with spaces": "v", "k=eq:colon": "x", tabs: "a\tb\nc", unicode: "café", plain: "q#" });
  });

  it("handles Windows and old Mac line endings", () => {
    expect(parseProperties("a=1\r\nb=2\rc=3")).toEqual({ a: "1", b: "2", c: "3" });
  });

  it("lets a later duplicate win", () => {
    expect(parseProperties("a=1\na=2")).toEqual({ a: "2" });
  });

  it("keeps a key named __proto__ as a plain entry", () => {
    const parsed = parseProperties("__proto__=x");
    expect(Object.keys(parsed)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
  });

  it("refuses a malformed \\u escape, naming the line", () => {
    expect(() => parseProperties("a=1\nb=\\u12g4")).toThrow(PropertiesSyntaxError);
    expect(() => parseProperties("a=1\nb=\\u12g4")).toThrow(/Line 2/);
  });
});
