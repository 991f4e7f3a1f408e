/**
 * Converter vectors, both directions: every sample written by every converter configuration
 * that accepts it (values, keys and headers), and hand-made bytes read by each converter,
 * including malformed input. Read-back vectors of what Kafka wrote are derived at run time
 * (read-back.ts).
 */
import { C, config, record, header, short, sinkVector, sourceVector } from "./build";
import { DOUBLES, FLOATS, primitiveSamples, s, schemalessSamples, structuredSamples, t, UNUSUAL_STRINGS, type Sample } from "./samples";
import type { ConnectorConfig, TypedValue, Vector } from "../vector";

const JSON_CONFIGS: readonly [string, ConnectorConfig][] = [
  ["schemas", {}],
  ["plain", { "value.converter.schemas.enable": "false", "key.converter.schemas.enable": "false" }],
  ["numeric", { "value.converter.decimal.format": "NUMERIC" }],
  ["no-defaults", { "value.converter.replace.null.with.default": "false" }],
  ["plain-numeric", { "value.converter.schemas.enable": "false", "value.converter.decimal.format": "NUMERIC" }],
];

const containsBytes = (sample: Sample): boolean => JSON.stringify(sample.value).includes('"bytes"') || JSON.stringify(sample.schema ?? {}).includes('"BYTES"');

function allSamples(): Sample[] {
  return [...primitiveSamples(), ...structuredSamples(), ...schemalessSamples()];
}

function writeVectors(): Vector[] {
  const out: Vector[] = [];
  const samples = allSamples();
  for (const [name, extra] of JSON_CONFIGS) {
    for (const sample of samples) {
      out.push(sourceVector(`json/${name}/write/${sample.name}`, ["JsonConverter"], config(extra), record({ valueSchema: sample.schema, value: sample.value })));
    }
  }
  for (const sample of samples.filter((sample) => sample.schema !== null && sample.schema.type === "STRUCT").slice(0, 3)) {
    out.push(sourceVector(`json/schemas/write-key/${sample.name}`, ["JsonConverter"], config(), record({ keySchema: sample.schema, key: sample.value })));
  }
  const stringConfig = config({ "value.converter": C.string, "key.converter": C.string });
  for (const sample of samples.filter((sample) => !containsBytes(sample))) {
    out.push(sourceVector(`string/write/${sample.name}`, ["StringConverter"], stringConfig, record({ valueSchema: sample.schema, value: sample.value, key: t.str("k") })));
  }
  for (const encoding of ["ISO-8859-1", "US-ASCII", "UTF-16LE", "UTF-16BE", "UTF-16", "utf8"]) {
    for (const [name, text] of UNUSUAL_STRINGS.filter(([name]) => !name.startsWith("long"))) {
      out.push(sourceVector(`string/${encoding}/write/${name}`, ["StringConverter"], config({ "value.converter": C.string, "value.converter.converter.encoding": encoding }), record({ valueSchema: s.of("STRING"), value: t.str(text) })));
    }
  }
  const bytesConfig = config({ "value.converter": C.bytes, "key.converter": C.bytes });
  for (const sample of samples.filter((sample) => sample.schema === null || sample.schema.type === "BYTES" || sample.schema.type === "STRING").slice(0, 40)) {
    out.push(sourceVector(`bytes/write/${sample.name}`, ["ByteArrayConverter"], bytesConfig, record({ valueSchema: sample.schema, value: sample.value })));
  }
  out.push(...numberWriteVectors());
  out.push(...headerWriteVectors(samples));
  return out;
}

function numberWriteVectors(): Vector[] {
  const out: Vector[] = [];
  const cases: [keyof typeof C, string, TypedValue[]][] = [
    ["long", "INT64", [t.i64(-(2n ** 63n)), t.i64(0), t.i64(2n ** 63n - 1n)]],
    ["integer", "INT32", [t.i32(-2147483648), t.i32(2147483647)]],
    ["short", "INT16", [t.i16(-32768), t.i16(32767)]],
    ["float", "FLOAT32", FLOATS.map(t.f32)],
    ["double", "FLOAT64", DOUBLES.map(t.f64)],
    ["boolean", "BOOLEAN", [t.bool(true), t.bool(false)]],
  ];
  for (const [converter, type, values] of cases) {
    const connector = config({ "value.converter": C[converter] });
    const covers = [short(C[converter])];
    values.forEach((value, i) => out.push(sourceVector(`${converter}/write/${i}`, covers, connector, record({ valueSchema: s.of(type as "INT64"), value }))));
    out.push(sourceVector(`${converter}/write/null`, covers, connector, record({ valueSchema: s.opt(s.of(type as "INT64")), value: null })));
    out.push(sourceVector(`${converter}/write/schemaless`, covers, connector, record({ value: values[0]! })));
    out.push(sourceVector(`${converter}/write/wrong-type`, covers, connector, record({ valueSchema: s.of("STRING"), value: t.str("1") })));
  }
  out.push(sourceVector("integer/write/int8", ["IntegerConverter"], config({ "value.converter": C.integer }), record({ valueSchema: s.of("INT8"), value: t.i8(5) })));
  out.push(sourceVector("double/write/float32", ["DoubleConverter"], config({ "value.converter": C.double }), record({ valueSchema: s.of("FLOAT32"), value: t.f32(0.1) })));
  return out;
}

function headerWriteVectors(samples: Sample[]): Vector[] {
  const out: Vector[] = [];
  const converters: [string, ConnectorConfig][] = [
    ["simple", {}],
    ["json", { "header.converter": C.json }],
    ["json-plain", { "header.converter": C.json, "header.converter.schemas.enable": "false" }],
    ["string", { "header.converter": C.string }],
  ];
  for (const [name, extra] of converters) {
    const connector = config(extra);
    const covers = [short(connector["header.converter"]!)];
    for (const sample of samples) {
      if (name === "string" && containsBytes(sample)) continue;
      out.push(sourceVector(`header/${name}/write/${sample.name}`, covers, connector, record({ value: t.str("v"), valueSchema: s.of("STRING"), headers: [header("h", sample.schema, sample.value)] })));
    }
  }
  return out;
}

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, "utf8"));

/** Byte sequences that are not well-formed UTF-8 (each framed by ASCII). */
export const MALFORMED_UTF8: readonly [string, number[]][] = [
  ["surrogate-high", [0x61, 0xed, 0xa0, 0x80, 0x62]],
  ["surrogate-pair-encoded", [0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80]],
  ["surrogate-truncated", [0x61, 0xed, 0xa0, 0x62]],
  ["overlong-slash", [0xc0, 0xaf, 0x61]],
  ["overlong-3", [0xe0, 0x80, 0xaf, 0x61]],
  ["overlong-4", [0xf0, 0x80, 0x80, 0xaf]],
  ["lone-continuation", [0x61, 0x80, 0xbf, 0x62]],
  ["truncated-2", [0x61, 0xc3]],
  ["truncated-3", [0x61, 0xe2, 0x82]],
  ["truncated-3-then-ascii", [0xe2, 0x82, 0x61]],
  ["truncated-4", [0x61, 0xf0, 0x9f, 0x98]],
  ["truncated-4-then-ascii", [0xf0, 0x9f, 0x98, 0x61]],
  ["above-max", [0xf4, 0x90, 0x80, 0x80]],
  ["f5-ff", [0xf5, 0xf8, 0xfc, 0xfe, 0xff, 0x61]],
  ["e0-second-low", [0xe0, 0x9f, 0x80]],
  ["mixed", [0xe2, 0x82, 0xac, 0xff, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc]],
];

function readVectors(): Vector[] {
  const out: Vector[] = [];
  const plain = config({ "value.converter.schemas.enable": "false" });
  const plainTexts: [string, string][] = [
    ["object", '{"id":1,"name":"n","tags":["a"],"nested":{"k":true}}'],
    ["array", '[1,2.5,"x",null,true,{"a":[]}]'],
    ["whitespace", ' \n\t{ "a" : 1 }\r\n '],
    ["string-escapes", '"\\ud83d\\ude00 \\u00e9 \\n \\/ \\u0000"'],
    ["string-raw-emoji", '"😀 é"'],
    ["lone-surrogate-escape", '"\\ud800"'],
    ["int-max", "9223372036854775807"],
    ["int-overflow", "9223372036854775808"],
    ["int-huge", "123456789012345678901234567890"],
    ["int-negative-overflow", "-9223372036854775809"],
    ["float", "0.1"],
    ["float-exp", "1E2"],
    ["float-neg-zero", "-0.0"],
    ["int-neg-zero", "-0"],
    ["float-huge", "1e400"],
    ["float-tiny", "1e-400"],
    ["float-precise", "0.30000000000000004441"],
    ["null", "null"],
    ["true", "true"],
    ["duplicate-keys", '{"a":1,"a":2}'],
    ["empty-object", "{}"],
    ["deep", "[".repeat(200) + "]".repeat(200)],
    ["trailing-garbage", '{"a":1} x'],
    ["two-values", "1 2"],
    ["number-then-letter", "1x"],
    ["literal-then-brace", "true}"],
    ["object-then-comma", "{},"],
    ["empty", ""],
    ["blank", "   "],
    ["broken", '{"a":'],
    ["nan", "NaN"],
    ["single-quotes", "{'a':1}"],
    ["comment", '{"a":1 /* c */}'],
    ["leading-zero", "012"],
    ["control-in-string", '"a\u0001b"'],
    ["bom", "\ufeff{}"],
  ];
  for (const [name, text] of plainTexts) out.push(sinkVector(`json/plain/read/${name}`, ["JsonConverter"], plain, text));
  for (const [name, bytes] of MALFORMED_UTF8) {
    out.push(sinkVector(`json/plain/read/utf8-${name}`, ["JsonConverter"], plain, new Uint8Array([0x22, ...bytes, 0x22])));
  }
  const envelope = (schema: string, payload: string) => `{"schema":${schema},"payload":${payload}}`;
  const envelopes: [string, string][] = [
    ["int8-overflow", envelope('{"type":"int8"}', "300")],
    ["int32-fraction", envelope('{"type":"int32"}', "1.9")],
    ["int64-from-float", envelope('{"type":"int64"}', "1e3")],
    ["float-from-int", envelope('{"type":"float"}', "16777217")],
    ["double-nan-text", envelope('{"type":"double"}', '"NaN"')],
    ["double-infinity-text", envelope('{"type":"double"}', '"Infinity"')],
    ["boolean-from-int", envelope('{"type":"boolean"}', "1")],
    ["string-from-number", envelope('{"type":"string"}', "12")],
    ["bytes-invalid-base64", envelope('{"type":"bytes"}', '"@@"')],
    ["optional-missing", envelope('{"type":"struct","fields":[{"type":"string","optional":true,"field":"a"}]}', "{}")],
    ["required-missing", envelope('{"type":"struct","fields":[{"type":"string","field":"a"}]}', "{}")],
    ["extra-field", envelope('{"type":"struct","fields":[{"type":"int32","field":"a"}]}', '{"a":1,"b":2}')],
    ["default-used", envelope('{"type":"struct","fields":[{"type":"int32","optional":true,"default":7,"field":"a"}]}', '{"a":null}')],
    ["default-top", envelope('{"type":"string","optional":true,"default":"d"}', "null")],
    ["map-pairs", envelope('{"type":"map","keys":{"type":"int32"},"values":{"type":"string"}}', '[[1,"a"],[2,"b"]]')],
    ["map-object", envelope('{"type":"map","keys":{"type":"string"},"values":{"type":"int64"}}', '{"b":1,"a":2}')],
    ["decimal-base64", envelope('{"type":"bytes","name":"org.apache.kafka.connect.data.Decimal","version":1,"parameters":{"scale":"2"}}', '"AfQ="')],
    ["decimal-number", envelope('{"type":"bytes","name":"org.apache.kafka.connect.data.Decimal","parameters":{"scale":"2"}}', "12.345")],
    ["decimal-no-scale", envelope('{"type":"bytes","name":"org.apache.kafka.connect.data.Decimal"}', '"AfQ="')],
    ["date", envelope('{"type":"int32","name":"org.apache.kafka.connect.data.Date"}', "19723")],
    ["timestamp", envelope('{"type":"int64","name":"org.apache.kafka.connect.data.Timestamp"}', "-1")],
    ["time", envelope('{"type":"int32","name":"org.apache.kafka.connect.data.Time"}', "45296789")],
    ["schema-metadata", envelope('{"type":"string","name":"n","version":3,"doc":"d","parameters":{"b":"1","a":"2"}}', '"x"')],
    ["schema-null", envelope("null", '{"a":1}')],
    ["schema-null-payload-null", envelope("null", "null")],
    ["unknown-type", envelope('{"type":"uuid"}', '"x"')],
    ["no-type", envelope('{"optional":true}', "1")],
    ["missing-payload", '{"schema":{"type":"int32"}}'],
    ["extra-member", '{"schema":{"type":"int32"},"payload":1,"x":2}'],
    ["not-envelope", '{"a":1}'],
    ["array-of-optional", envelope('{"type":"array","items":{"type":"int64","optional":true}}', "[1,null,3]")],
    ["payload-escapes", envelope('{"type":"string"}', '"\\ud83d\\ude00\\u2028"')],
    ["optional-string", envelope('{"type":"string","optional":false}', "null")],
  ];
  for (const [name, text] of envelopes) out.push(sinkVector(`json/schemas/read/${name}`, ["JsonConverter"], config(), text));
  const stringConfig = config({ "value.converter": C.string, "key.converter": C.string });
  for (const [name, bytes] of MALFORMED_UTF8) out.push(sinkVector(`string/read/utf8-${name}`, ["StringConverter"], stringConfig, new Uint8Array(bytes), { key: new Uint8Array(bytes) }));
  out.push(sinkVector("string/read/emoji", ["StringConverter"], stringConfig, utf8("😀 é"), { key: null }));
  for (const encoding of ["ISO-8859-1", "US-ASCII", "UTF-16LE", "UTF-16BE", "UTF-16"]) {
    const connector = config({ "value.converter": C.string, "value.converter.converter.encoding": encoding });
    out.push(sinkVector(`string/${encoding}/read/high-bytes`, ["StringConverter"], connector, new Uint8Array([0x41, 0x00, 0xe9, 0x00, 0xff, 0xd8, 0x00, 0xdc, 0x80])));
    out.push(sinkVector(`string/${encoding}/read/odd-length`, ["StringConverter"], connector, new Uint8Array([0x41, 0x00, 0x42])));
  }
  const numberReads: [keyof typeof C, number[][]][] = [
    ["long", [[0, 0, 0, 0, 0, 0, 0, 1], [0x80, 0, 0, 0, 0, 0, 0, 0], [1, 2, 3]]],
    ["integer", [[0xff, 0xff, 0xff, 0xff], [1, 2, 3, 4, 5]]],
    ["short", [[0x80, 0], [1]]],
    ["float", [[0x3d, 0xcc, 0xcc, 0xcd], [0x7f, 0xc0, 0, 1], []]],
    ["double", [[0x7f, 0xf0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 1], [1, 2]]],
    ["boolean", [[1], [0], [2], [1, 0]]],
  ];
  for (const [converter, inputs] of numberReads) {
    const connector = config({ "value.converter": C[converter] });
    inputs.forEach((bytes, i) => out.push(sinkVector(`${converter}/read/${i}`, [short(C[converter])], connector, new Uint8Array(bytes))));
    out.push(sinkVector(`${converter}/read/null`, [short(C[converter])], connector, null));
  }
  const bytesConfig = config({ "value.converter": C.bytes });
  out.push(sinkVector("bytes/read/all", ["ByteArrayConverter"], bytesConfig, new Uint8Array(Array.from({ length: 256 }, (_, i) => i))));
  out.push(sinkVector("bytes/read/null", ["ByteArrayConverter"], bytesConfig, null));
  out.push(sinkVector("bytes/read/empty", ["ByteArrayConverter"], bytesConfig, new Uint8Array()));
  return out;
}

/** Every converter vector. */
export function converterVectors(): Vector[] {
  return [...writeVectors(), ...readVectors()];
}
