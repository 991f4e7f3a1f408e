/**
 * Connect data samples the vectors are made of, as typed JSON: every schema type and logical
 * type, numbers at their limits, unusual strings (non-BMP, lone surrogates, control characters,
 * very long), nested structs, maps, arrays, nulls, optionals and defaults. Deterministic.
 */
import { float32Bits, float64Bits } from "../typed-data";
import type { SchemaSpec, TypedValue } from "../vector";

/** A schema and a value of it, named for vector ids. */
export interface Sample {
  name: string;
  schema: SchemaSpec | null;
  value: TypedValue;
}

/** Typed-JSON builders. */
export const t = {
  i8: (v: number): TypedValue => ({ int8: v }),
  i16: (v: number): TypedValue => ({ int16: v }),
  i32: (v: number): TypedValue => ({ int32: v }),
  i64: (v: bigint | number): TypedValue => ({ int64: String(v) }),
  f32: (v: number): TypedValue => ({ float32: float32Bits(v) }),
  f64: (v: number): TypedValue => ({ float64: float64Bits(v) }),
  bool: (v: boolean): TypedValue => ({ boolean: v }),
  str: (v: string): TypedValue => ({ string: v }),
  bytes: (v: Uint8Array | number[]): TypedValue => ({ bytes: Buffer.from(v).toString("base64") }),
  dec: (unscaled: bigint | number, scale: number): TypedValue => ({ decimal: String(unscaled), scale }),
  date: (millis: number): TypedValue => ({ date: String(millis) }),
  array: (...items: TypedValue[]): TypedValue => ({ array: items }),
  map: (...entries: [TypedValue, TypedValue][]): TypedValue => ({ map: entries }),
  struct: (...fields: [string, TypedValue][]): TypedValue => ({ struct: fields }),
};

/** Schema builders; `opt` makes any schema optional. */
export const s = {
  of: (type: SchemaSpec["type"], extra: Partial<SchemaSpec> = {}): SchemaSpec => ({ type, optional: false, ...extra }),
  opt: (schema: SchemaSpec): SchemaSpec => ({ ...schema, optional: true }),
  array: (values: SchemaSpec, extra: Partial<SchemaSpec> = {}): SchemaSpec => ({ type: "ARRAY", optional: false, values, ...extra }),
  map: (keys: SchemaSpec, values: SchemaSpec, extra: Partial<SchemaSpec> = {}): SchemaSpec => ({ type: "MAP", optional: false, keys, values, ...extra }),
  struct: (fields: [string, SchemaSpec][], extra: Partial<SchemaSpec> = {}): SchemaSpec => ({ type: "STRUCT", optional: false, fields: fields.map(([name, schema]) => ({ name, schema })), ...extra }),
  decimal: (scale: number): SchemaSpec => ({ type: "BYTES", optional: false, name: "org.apache.kafka.connect.data.Decimal", version: 1, parameters: [["scale", String(scale)]] }),
  date: (): SchemaSpec => ({ type: "INT32", optional: false, name: "org.apache.kafka.connect.data.Date", version: 1 }),
  time: (): SchemaSpec => ({ type: "INT32", optional: false, name: "org.apache.kafka.connect.data.Time", version: 1 }),
  timestamp: (): SchemaSpec => ({ type: "INT64", optional: false, name: "org.apache.kafka.connect.data.Timestamp", version: 1 }),
};

const INT8 = s.of("INT8");
const INT16 = s.of("INT16");
const INT32 = s.of("INT32");
const INT64 = s.of("INT64");
const FLOAT32 = s.of("FLOAT32");
const FLOAT64 = s.of("FLOAT64");
const BOOLEAN = s.of("BOOLEAN");
const STRING = s.of("STRING");
const BYTES = s.of("BYTES");

/** Strings a converter must carry byte for byte. */
export const UNUSUAL_STRINGS: readonly [string, string][] = [
  ["empty", ""],
  ["ascii", "hello, world"],
  ["quotes", 'say "hi" \\ back\\slash / slash'],
  ["controls", Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join("") + "\u007f"],
  ["separators", "line\u2028para\u2029end"],
  ["latin", "café naïve Ünïcödé"],
  ["cjk", "東京 漢字 한국어"],
  ["emoji", "grin 😀 family 👨‍👩‍👧 flag 🇫🇷"],
  ["cjk-ext-b", "𠀀𠀁𪜀"],
  ["lone-high", "a\ud800b"],
  ["lone-low", "a\udc00b"],
  ["reversed-pair", "\ude00\ud83d"],
  ["bom-nbsp", "\ufeff\u00a0x\ufffe\uffff"],
  ["null-text", "null"],
  ["true-text", "true"],
  ["number-text", "12345"],
  ["json-text", '{"a":[1,2]}'],
  ["long-ascii", "x".repeat(100_000)],
  ["long-emoji", "😀".repeat(20_000)],
];

/** Doubles at and near their limits and where number printing is hard. */
export const DOUBLES: readonly number[] = [
  0, -0, 1, -1, 0.1, 0.5, 1.5, 100, 123.456, 1e-3, 9.99e-4, 1e7, 9999999.999, 1e-5, 1e21, 1e23, 2e23, 8.41e21,
  2 ** 53, 2 ** 53 + 2, 2.82879384806159e17, Number.MAX_VALUE, Number.MIN_VALUE, 2 * Number.MIN_VALUE, 2.2250738585072014e-308,
  -4.35e-10, Math.PI, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY,
];

/** Floats (as their float32 values) at and near their limits. */
export const FLOATS: readonly number[] = [
  0, -0, 1, 0.1, 1.5, 123456789, 8.589973e9, 1e10, 1e-5, 1e7, 3.4028234663852886e38, 1.401298464324817e-45, 2.802596928649634e-45,
  1.1754943508222875e-38, 16777217, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY,
];

const DAY = 86_400_000;

/** A number's name in vector ids (`-0` kept apart from `0`). */
const numberName = (value: number) => (Object.is(value, -0) ? "-0" : String(value));

/** Primitive and logical samples: one schema type at a time. */
export function primitiveSamples(): Sample[] {
  const out: Sample[] = [];
  for (const v of [-128, -1, 0, 127]) out.push({ name: `int8:${v}`, schema: INT8, value: t.i8(v) });
  for (const v of [-32768, 32767]) out.push({ name: `int16:${v}`, schema: INT16, value: t.i16(v) });
  for (const v of [-2147483648, 0, 2147483647]) out.push({ name: `int32:${v}`, schema: INT32, value: t.i32(v) });
  for (const v of [-(2n ** 63n), -1n, 2n ** 53n + 1n, 2n ** 63n - 1n]) out.push({ name: `int64:${v}`, schema: INT64, value: t.i64(v) });
  for (const v of FLOATS) out.push({ name: `float32:${numberName(v)}`, schema: FLOAT32, value: t.f32(v) });
  for (const v of DOUBLES) out.push({ name: `float64:${numberName(v)}`, schema: FLOAT64, value: t.f64(v) });
  for (const v of [true, false]) out.push({ name: `boolean:${v}`, schema: BOOLEAN, value: t.bool(v) });
  for (const [name, v] of UNUSUAL_STRINGS) out.push({ name: `string:${name}`, schema: STRING, value: t.str(v) });
  out.push({ name: "bytes:empty", schema: BYTES, value: t.bytes([]) });
  out.push({ name: "bytes:all", schema: BYTES, value: t.bytes(Array.from({ length: 256 }, (_, i) => i)) });
  for (const [unscaled, scale] of [
    [0n, 0],
    [12345n, 2],
    [-12345n, 2],
    [1n, 10],
    [-(2n ** 70n), 3],
    [99999999999999999999n, 0],
    [5n, -2],
  ] as const) {
    out.push({ name: `decimal:${unscaled}e-${scale}`, schema: s.decimal(scale), value: t.dec(unscaled, scale) });
  }
  for (const days of [0, 1, -1, 19_723, -719_162, 2_932_896]) out.push({ name: `date:${days}`, schema: s.date(), value: t.date(days * DAY) });
  for (const ms of [0, 1, 45_296_789, DAY - 1]) out.push({ name: `time:${ms}`, schema: s.time(), value: t.date(ms) });
  for (const ms of [0, -1, 1_700_000_000_123, -62_135_596_800_000, 253_402_300_799_999, 8_640_000_000_000_000]) {
    out.push({ name: `timestamp:${ms}`, schema: s.timestamp(), value: t.date(ms) });
  }
  return out;
}

/** A struct with one field of every type, some optional and null, some with defaults. */
const EVERYTHING = s.struct(
  [
    ["i8", INT8],
    ["i16", INT16],
    ["i32", INT32],
    ["i64", INT64],
    ["f32", FLOAT32],
    ["f64", FLOAT64],
    ["flag", BOOLEAN],
    ["text", STRING],
    ["raw", BYTES],
    ["price", s.decimal(2)],
    ["day", s.date()],
    ["clock", s.time()],
    ["at", s.timestamp()],
    ["tags", s.array(STRING)],
    ["counts", s.map(STRING, INT64)],
    ["inner", s.struct([["x", INT32], ["label", s.opt(STRING)]], { name: "com.example.Inner" })],
    ["note", s.opt(STRING)],
    ["level", s.of("INT32", { optional: true, default: t.i32(3) })],
  ],
  { name: "com.example.Everything", version: 2, doc: "all of it", parameters: [["b", "2"], ["a", "1"]] },
);

/** A value of EVERYTHING. */
const EVERYTHING_VALUE = t.struct(
  ["i8", t.i8(-8)],
  ["i16", t.i16(1600)],
  ["i32", t.i32(-320000)],
  ["i64", t.i64(2n ** 62n)],
  ["f32", t.f32(0.1)],
  ["f64", t.f64(1e23)],
  ["flag", t.bool(true)],
  ["text", t.str("naïve 😀")],
  ["raw", t.bytes([0, 1, 254, 255])],
  ["price", t.dec(-1999, 2)],
  ["day", t.date(19_723 * DAY)],
  ["clock", t.date(45_296_789)],
  ["at", t.date(1_700_000_000_123)],
  ["tags", t.array(t.str("a"), t.str("b"))],
  ["counts", t.map([t.str("x"), t.i64(1)], [t.str("y"), t.i64(-2)])],
  ["inner", t.struct(["x", t.i32(7)], ["label", null])],
  ["note", null],
  ["level", null],
);

/** Containers and structures: arrays, maps (string and other keys), nested structs, nulls, defaults. */
export function structuredSamples(): Sample[] {
  const optString = s.opt(STRING);
  return [
    { name: "array:empty", schema: s.array(INT32), value: t.array() },
    { name: "array:int32", schema: s.array(INT32), value: t.array(t.i32(1), t.i32(-2), t.i32(3)) },
    { name: "array:nulls", schema: s.array(optString), value: t.array(t.str("a"), null, t.str("")) },
    { name: "array:nested", schema: s.array(s.array(FLOAT64)), value: t.array(t.array(t.f64(0.5)), t.array()) },
    { name: "map:string-keys", schema: s.map(STRING, INT32), value: t.map([t.str("b"), t.i32(2)], [t.str("a"), t.i32(1)], [t.str("é"), t.i32(3)]) },
    { name: "map:int-keys", schema: s.map(INT32, STRING), value: t.map([t.i32(2), t.str("two")], [t.i32(1), t.str("one")]) },
    { name: "map:null-values", schema: s.map(STRING, optString), value: t.map([t.str("k"), null]) },
    { name: "map:empty", schema: s.map(STRING, STRING), value: t.map() },
    { name: "struct:everything", schema: EVERYTHING, value: EVERYTHING_VALUE },
    { name: "struct:empty", schema: s.struct([], { name: "com.example.Empty" }), value: t.struct() },
    {
      name: "struct:deep",
      schema: s.struct([["a", s.struct([["b", s.struct([["c", s.opt(INT64)]])]])]]),
      value: t.struct(["a", t.struct(["b", t.struct(["c", t.i64(5)])])]),
    },
    { name: "optional:null-int32", schema: s.opt(INT32), value: null },
    { name: "optional:null-struct", schema: s.opt(EVERYTHING), value: null },
    { name: "default:string", schema: s.of("STRING", { optional: true, default: t.str("fallback") }), value: null },
    { name: "default:float64", schema: s.of("FLOAT64", { default: t.f64(2.5) }), value: t.f64(1) },
    { name: "default:decimal", schema: { ...s.decimal(2), optional: true, default: t.dec(100, 2) }, value: null },
    { name: "default:timestamp", schema: { ...s.timestamp(), optional: true, default: t.date(86_400_000) }, value: null },
    { name: "default:bytes", schema: s.of("BYTES", { optional: true, default: t.bytes([1, 2]) }), value: null },
    { name: "default:array", schema: s.array(INT8, { optional: true, default: t.array(t.i8(1)) }), value: null },
    { name: "default:map", schema: s.map(STRING, BOOLEAN, { optional: true, default: t.map([t.str("on"), t.bool(true)]) }), value: null },
    { name: "metadata:named", schema: s.of("STRING", { name: "com.example.Id", version: 7, doc: 'a "doc"', parameters: [["z", "1"], ["a", "é"]] }), value: t.str("x") },
    { name: "schemaless:null", schema: null, value: null },
  ];
}

/** Schemaless data (no schema; types inferred from the Java classes / JS values). */
export function schemalessSamples(): Sample[] {
  return [
    { name: "schemaless:string", schema: null, value: t.str("plain 😀") },
    { name: "schemaless:int64", schema: null, value: t.i64(2n ** 60n) },
    { name: "schemaless:int32", schema: null, value: t.i32(42) },
    { name: "schemaless:float64", schema: null, value: t.f64(0.25) },
    { name: "schemaless:float64-whole", schema: null, value: t.f64(3) },
    { name: "schemaless:boolean", schema: null, value: t.bool(false) },
    { name: "schemaless:bytes", schema: null, value: t.bytes([104, 105]) },
    { name: "schemaless:array", schema: null, value: t.array(t.i64(1), t.str("two"), null, t.f64(3.5)) },
    { name: "schemaless:map", schema: null, value: t.map([t.str("id"), t.i64(1)], [t.str("name"), t.str("n")], [t.str("nested"), t.map([t.str("k"), t.bool(true)])]) },
    { name: "schemaless:map-int-keys", schema: null, value: t.map([t.i64(1), t.str("a")], [t.i64(2), t.str("b")]) },
    { name: "schemaless:decimal", schema: null, value: t.dec(12345, 3) },
  ];
}
