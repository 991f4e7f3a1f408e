/**
 * Values vectors: `Values.parseString` on literal texts (what InsertHeader and
 * SimpleHeaderConverter infer types with), the same texts read as headers, and
 * `Values.convertToString` on every sample.
 */
import { config, sinkVector } from "./build";
import { MALFORMED_UTF8 } from "./converter-vectors";
import { primitiveSamples, schemalessSamples, structuredSamples } from "./samples";
import type { Vector } from "../vector";

/** Literal texts whose inferred type is worth checking, grouped by what they look like. */
export const LITERALS: readonly string[] = [
  "", " ", "  x  ", "null", "NULL", "true", "false", "True", "true}", "[true]", "null,",
  "0", "-0", "+7", "127", "128", "-129", "32768", "2147483648", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
  "99999999999999999999", "1.5", "-1.5", "0.1", "1e3", "1E-3", "1.0", "100.00", "3.4028236e38", "1e39", "1.7976931348623157e308", "1e309",
  "4.9e-324", "1e-400", "12345678.9", ".5", "5.", "1_000", "0x1F", "١٢٣", "１２", "NaN", "Infinity", "-Infinity",
  "2024-01-31", "2024-02-30", "2024-13-01", "2024-1-31", "2024-01-3x", "20240131xx", "+024-01-31", "0000-00-00",
  "1500-03-01", "1582-10-10", "1582-10-15", "1582-10-04", "-024-01-31", "2024- 1- 3", "2024-01-31T12:34:56.789Z trailing",
  "12:34:56.789Z", "12:34", "12:34:56", "25:61:61.999Z", "1:2:3.4567Z", "12\\:34\\:56.789Z", "12:34:56.789X",
  "2024-01-31T12:34:56.789Z", "2024-01-31T25:00:00.000Z", "2024-01-31 12:34:56.789Z", "2024-01-31T12:34:56Z",
  "2024-01-31T12:34:56.789", "10:00 meeting", "3 apples", "7:30",
  "[]", "[1,2,3]", "[1, 2.5]", "[1,\"a\"]", "[null]", "[1,,2]", "[1,", "[1 2]", "[[1],[2,3]]", "[\"2024-01-31\"]", '["12:34:56.789Z",null]',
  "{}", "{\"a\":1}", "{a:1}", "{\"a\":1,\"b\":2.5}", "{1:\"x\",2:\"y\"}", "{\"k\":null}", "{\"a\":}", "{\"a\" 1}", "{\"a\":[1]}", "{,}",
  '"quoted"', '"unterminated', "a\\,b", "\\\"", "key=value", "a,b,c", "😀", "x:y", "ab:cd:ef:gh:ij", "12:34:56:78:90",
  "[1]x", "{\"a\":1}x", "true false", "1 2", "\t42\t", "\u000042",
];

/** Every Values vector. */
export function valuesVectors(): Vector[] {
  const out: Vector[] = [];
  LITERALS.forEach((text, i) => out.push({ id: `values/parse/${i}:${JSON.stringify(text)}`, kind: "parseString", covers: ["Values.parseString"], text }));
  out.push({ id: "values/parse/null", kind: "parseString", covers: ["Values.parseString"], text: null });
  for (const sample of [...primitiveSamples(), ...structuredSamples(), ...schemalessSamples()]) {
    out.push({ id: `values/to-string/${sample.name}`, kind: "convertToString", covers: ["Values.convertToString"], schema: sample.schema, value: sample.value });
  }
  const headers = config();
  LITERALS.forEach((text, i) => out.push(sinkVector(`header/simple/read/${i}:${JSON.stringify(text)}`, ["SimpleHeaderConverter"], headers, null, { headers: [["h", text]] })));
  for (const [name, bytes] of MALFORMED_UTF8) {
    out.push(sinkVector(`header/simple/read/utf8-${name}`, ["SimpleHeaderConverter"], headers, null, { headers: [["h", new Uint8Array(bytes)]] }));
  }
  out.push(sinkVector("header/simple/read/null", ["SimpleHeaderConverter"], headers, null, { headers: [["h", null]] }));
  return out;
}
