/**
 * FileStreamSource vectors: file contents read by the task (line terminators, unterminated last
 * lines, long lines, malformed UTF-8), each line written by a value converter.
 */
import { C, config } from "./build";
import { MALFORMED_UTF8 } from "./converter-vectors";
import type { Vector } from "../vector";

const CONTENTS: readonly [string, Uint8Array][] = [
  ["lines-lf", Buffer.from("one\ntwo\n\nfour\n")],
  ["lines-crlf", Buffer.from("one\r\ntwo\r\n\r\n")],
  ["lines-cr", Buffer.from("one\rtwo\r\rthree\n")],
  ["unterminated", Buffer.from("done\npartial")],
  ["cr-at-end", Buffer.from("a\nb\r")],
  ["unicode", Buffer.from("café\n😀 grin\n東京\n\u2028sep\n")],
  ["controls", Buffer.from("\u0000nul\ttab\u0001\u001f\u007f\n")],
  ["bom", Buffer.from("\ufeffstart\n")],
  ["long-line", Buffer.from(`${"abcdefghij".repeat(30_000)}\nshort\n`)],
  ["long-emoji-line", Buffer.from(`${"😀".repeat(3000)}\n`)],
  ["many-lines", Buffer.from(Array.from({ length: 2500 }, (_, i) => `line ${i}`).join("\n") + "\n")],
  ...MALFORMED_UTF8.map(([name, bytes]): [string, Uint8Array] => [`utf8-${name}`, new Uint8Array([...bytes, 0x0a, 0x6f, 0x6b, 0x0a])]),
  ["utf8-split-by-newline", new Uint8Array([0xe2, 0x0a, 0x82, 0xac, 0x0a])],
  ["utf8-cr-inside", new Uint8Array([0xf0, 0x9f, 0x0d, 0x98, 0x80, 0x0a])],
];

/** Every file vector, with the StringConverter and the JsonConverter (schemas on and off). */
export function fileVectors(): Vector[] {
  const out: Vector[] = [];
  const converters: [string, Record<string, string>][] = [
    ["string", { "value.converter": C.string }],
    ["json", {}],
    ["json-plain", { "value.converter.schemas.enable": "false" }],
  ];
  for (const [name, content] of CONTENTS) {
    for (const [converter, extra] of converters) {
      const connector = config({ topic: "lines", ...extra });
      const covers = ["FileStreamSource", connector["value.converter"]!.slice(connector["value.converter"]!.lastIndexOf(".") + 1)];
      out.push({ id: `file/${converter}/${name}`, kind: "file", covers, config: connector, content: Buffer.from(content).toString("base64") });
    }
  }
  return out;
}
