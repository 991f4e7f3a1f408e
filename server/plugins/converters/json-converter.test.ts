import { describe, expect, it } from "vitest";
import { ConfigException } from "@/server/plugins/api/config/config-exception";
import { BigDecimal } from "@/server/plugins/api/data/big-decimal";
import { DataException } from "@/server/plugins/api/data/errors";
import { ConnectDate, Decimal, Time, Timestamp } from "@/server/plugins/api/data/logical-types";
import { Schema } from "@/server/plugins/api/data/schema";
import { SchemaBuilder } from "@/server/plugins/api/data/schema-builder";
import { Struct } from "@/server/plugins/api/data/struct";
import { JsonConverter } from "@/server/plugins/converters/json-converter";

function converter(configs: Record<string, string> = {}): JsonConverter {
  const instance = new JsonConverter();
  instance.configure(configs, false);
  return instance;
}

const text = (bytes: Uint8Array | null): string | null => (bytes === null ? null : Buffer.from(bytes).toString("utf8"));
const bytes = (json: string): Uint8Array => Buffer.from(json, "utf8");

const order = SchemaBuilder.struct().name("com.example.Order").version(3).field("id", Schema.INT32_SCHEMA).field("price", Decimal.schema(2)).build();
/** The reference's example envelope, byte for byte. */
const orderEnvelope =
  '{"schema":{"type":"struct","fields":[{"type":"int32","optional":false,"field":"id"},' +
  '{"type":"bytes","optional":false,"name":"org.apache.kafka.connect.data.Decimal","version":1,"parameters":{"scale":"2"},"field":"price"}],' +
  '"optional":false,"name":"com.example.Order","version":3},"payload":{"id":1,"price":"AfQ="}}';

describe("JsonConverter with schemas (envelope)", () => {
  it("writes the reference's com.example.Order envelope exactly", () => {
    const value = new Struct(order).put("id", 1).put("price", new BigDecimal(500n, 2));
    expect(text(converter().fromConnectData("orders", null, order, value))).toBe(orderEnvelope);
  });

  it("reads it back to an equal schema and struct", () => {
    const { schema, value } = converter().toConnectData("orders", null, bytes(orderEnvelope));
    expect(schema?.equals(order)).toBe(true);
    expect((value as Struct).get("price")).toEqual(new BigDecimal(500n, 2));
    expect((value as Struct).equals(new Struct(order).put("id", 1).put("price", BigDecimal.parse("5.00")))).toBe(true);
  });

  it.each([
    [Schema.INT8_SCHEMA, -8, '{"type":"int8","optional":false}', "-8"],
    [Schema.INT16_SCHEMA, 300, '{"type":"int16","optional":false}', "300"],
    [Schema.INT32_SCHEMA, 2147483647, '{"type":"int32","optional":false}', "2147483647"],
    [Schema.INT64_SCHEMA, 9007199254740993n, '{"type":"int64","optional":false}', "9007199254740993"],
    [Schema.FLOAT32_SCHEMA, Math.fround(12.34), '{"type":"float","optional":false}', "12.34"],
    [Schema.FLOAT64_SCHEMA, 5, '{"type":"double","optional":false}', "5.0"],
    [Schema.BOOLEAN_SCHEMA, true, '{"type":"boolean","optional":false}', "true"],
    [Schema.STRING_SCHEMA, 'a "quoted"\n\u0001 ü', '{"type":"string","optional":false}', '"a \\"quoted\\"\\n\\u0001 ü"'],
    [Schema.BYTES_SCHEMA, Buffer.from([0, 1, 255]), '{"type":"bytes","optional":false}', '"AAH/"'],
    [Schema.OPTIONAL_STRING_SCHEMA, null, '{"type":"string","optional":true}', "null"],
    [SchemaBuilder.array(Schema.INT32_SCHEMA).build(), [1, 2], '{"type":"array","items":{"type":"int32","optional":false},"optional":false}', "[1,2]"],
    [
      SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT64_SCHEMA).build(),
      new Map([["a", 1n], ["b", 2n]]),
      '{"type":"map","keys":{"type":"string","optional":false},"values":{"type":"int64","optional":false},"optional":false}',
      '{"a":1,"b":2}',
    ],
    [
      SchemaBuilder.map(Schema.INT32_SCHEMA, Schema.STRING_SCHEMA).build(),
      new Map([[1, "one"], [2, "two"]]),
      '{"type":"map","keys":{"type":"int32","optional":false},"values":{"type":"string","optional":false},"optional":false}',
      '[[1,"one"],[2,"two"]]',
    ],
    [ConnectDate.SCHEMA, new Date("2024-01-31T00:00:00Z"), '{"type":"int32","optional":false,"name":"org.apache.kafka.connect.data.Date","version":1}', "19753"],
    [Time.SCHEMA, new Date("1970-01-01T00:00:01.5Z"), '{"type":"int32","optional":false,"name":"org.apache.kafka.connect.data.Time","version":1}', "1500"],
    [Timestamp.SCHEMA, new Date("2024-01-31T12:00:00Z"), '{"type":"int64","optional":false,"name":"org.apache.kafka.connect.data.Timestamp","version":1}', "1706702400000"],
    [Decimal.schema(0), new BigDecimal(-1n, 0), '{"type":"bytes","optional":false,"name":"org.apache.kafka.connect.data.Decimal","version":1,"parameters":{"scale":"0"}}', '"/w=="'],
    [Decimal.schema(3), new BigDecimal(0n, 3), '{"type":"bytes","optional":false,"name":"org.apache.kafka.connect.data.Decimal","version":1,"parameters":{"scale":"3"}}', '"AA=="'],
  ])("round-trips %s value %s exactly", (schema, value, schemaJson, payloadJson) => {
    const json = converter();
    const written = json.fromConnectData("t", null, schema, value);
    expect(text(written)).toBe(`{"schema":${schemaJson},"payload":${payloadJson}}`);
    const read = json.toConnectData("t", null, written);
    expect(read.schema?.equals(schema)).toBe(true);
    expect(read.value).toEqual(value);
  });

  it("writes doc, parameters and defaults in Kafka's key order", () => {
    const schema = SchemaBuilder.int32().optional().name("n").version(2).doc("d").parameter("p", "v").defaultValue(7).build();
    expect(text(converter().fromConnectData("t", null, schema, null))).toBe(
      '{"schema":{"type":"int32","optional":true,"name":"n","version":2,"doc":"d","parameters":{"p":"v"},"default":7},"payload":7}',
    );
  });

  it("replaces null with the default unless replace.null.with.default=false", () => {
    const schema = SchemaBuilder.string().optional().defaultValue("x").build();
    expect(text(converter().fromConnectData("t", null, schema, null))).toContain('"payload":"x"');
    const keepNull = converter({ "replace.null.with.default": "false" });
    expect(text(keepNull.fromConnectData("t", null, schema, null))).toContain('"payload":null');
    const envelope = '{"schema":{"type":"string","optional":true,"default":"x"},"payload":null}';
    expect(converter().toConnectData("t", null, bytes(envelope)).value).toBe("x");
    expect(keepNull.toConnectData("t", null, bytes(envelope)).value).toBeNull();
  });

  it("writes and reads nested structs, using struct field defaults", () => {
    const inner = SchemaBuilder.struct().name("Inner").field("n", SchemaBuilder.int64().defaultValue(5n).build()).build();
    const outer = SchemaBuilder.struct().field("inner", inner).field("list", SchemaBuilder.array(inner).build()).build();
    const value = new Struct(outer).put("inner", new Struct(inner)).put("list", [new Struct(inner).put("n", 1n)]);
    const json = converter();
    const written = text(json.fromConnectData("t", null, outer, value))!;
    expect(written.endsWith(',"payload":{"inner":{"n":5},"list":[{"n":1}]}}')).toBe(true);
    const back = json.toConnectData("t", null, bytes(written)).value as Struct;
    expect(back.getStruct("inner")?.get("n")).toBe(5n);
  });

  it("writes Decimal as a JSON number with decimal.format=NUMERIC and reads either form", () => {
    const numeric = converter({ "decimal.format": "numeric" });
    const schema = Decimal.schema(2);
    const written = text(numeric.fromConnectData("t", null, schema, BigDecimal.parse("-12345678901234567890.05")));
    expect(written).toBe(
      '{"schema":{"type":"bytes","optional":false,"name":"org.apache.kafka.connect.data.Decimal","version":1,"parameters":{"scale":"2"}},"payload":-12345678901234567890.05}',
    );
    expect(numeric.toConnectData("t", null, bytes(written!)).value).toEqual(BigDecimal.parse("-12345678901234567890.05"));
    expect(converter().toConnectData("t", null, bytes(written!.replace("-12345678901234567890.05", "5"))).value).toEqual(BigDecimal.parse("5.00"));
  });

  it("keeps 64-bit integers exact", () => {
    const json = converter();
    const envelope = '{"schema":{"type":"int64","optional":false},"payload":9007199254740993}';
    expect(json.toConnectData("t", null, bytes(envelope)).value).toBe(9007199254740993n);
    expect(text(json.fromConnectData("t", null, Schema.INT64_SCHEMA, -9223372036854775808n))).toContain('"payload":-9223372036854775808');
  });

  it("accepts the envelope keys in any order and with whitespace", () => {
    const envelope = ' { "payload" : [1, 2] ,\n "schema" : {"type":"array","items":{"type":"int8"}} } ';
    expect(converter().toConnectData("t", null, bytes(envelope))).toEqual({ schema: SchemaBuilder.array(Schema.INT8_SCHEMA).build(), value: [1, 2] });
  });

  it("treats a null schema in the envelope as schemaless", () => {
    expect(converter().toConnectData("t", null, bytes('{"schema":null,"payload":{"a":1}}'))).toEqual({ schema: null, value: new Map([["a", 1n]]) });
    expect(text(converter().fromConnectData("t", null, null, 42n))).toBe('{"schema":null,"payload":42}');
  });

  it("writes and reads tombstones as null", () => {
    expect(converter().fromConnectData("t", null, null, null)).toBeNull();
    expect(converter().toConnectData("t", null, null)).toEqual({ schema: null, value: null });
  });

  it("refuses input that is not exactly {schema, payload}, suggesting schemas.enable=false", () => {
    for (const json of ['{"a":1}', '{"schema":null}', '{"schema":null,"payload":1,"x":2}', "[1]", "42"]) {
      const error = captureError(() => converter().toConnectData("t", null, bytes(json)));
      expect(error).toBeInstanceOf(DataException);
      expect(error.message).toBe(
        'JsonConverter with schemas.enable requires "schema" and "payload" fields and may not contain additional fields. ' +
          "If you are trying to deserialize plain JSON data, set schemas.enable=false in your converter configuration.",
      );
    }
  });

  it("explains schema and payload mismatches", () => {
    const json = converter();
    expect(() => json.toConnectData("t", null, bytes('{"schema":{"optional":false},"payload":1}'))).toThrow("Schema must contain 'type' field");
    expect(() => json.toConnectData("t", null, bytes('{"schema":{"type":"uint8"},"payload":1}'))).toThrow("Unknown schema type: uint8");
    expect(() => json.toConnectData("t", null, bytes('{"schema":{"type":"array"},"payload":[]}'))).toThrow("Array schema did not specify the element type");
    expect(() => json.toConnectData("t", null, bytes('{"schema":{"type":"int32"},"payload":null}'))).toThrow("Invalid null value for required INT32 field");
    expect(() => json.toConnectData("t", null, bytes('{"schema":{"type":"int8"},"payload":300}'))).toThrow(DataException);
    expect(() => json.toConnectData("t", null, bytes('{"schema":{"type":"int32"},"payload":"1"}'))).toThrow("Invalid JSON STRING for schema type INT32");
    expect(() => json.toConnectData("t", null, bytes('{"schema":{"type":"struct","fields":[]},"payload":[]}'))).toThrow("Structs should be encoded as JSON objects, but found ARRAY");
    expect(() => json.fromConnectData("t", null, Schema.INT64_SCHEMA, 1)).toThrow("Invalid type for INT64: number 1");
    expect(() => json.fromConnectData("t", null, Schema.STRING_SCHEMA, null)).toThrow("Conversion error: null value for field that is required and has no default value");
    const other = SchemaBuilder.struct().field("x", Schema.INT32_SCHEMA).build();
    expect(() => json.fromConnectData("t", null, order, new Struct(other).put("x", 1))).toThrow("Mismatching schema.");
  });

  it("reports invalid JSON and invalid UTF-8 as DataExceptions", () => {
    for (const input of [bytes('{"schema":'), bytes("{'a':1}"), bytes("nope"), Buffer.from([0x7b, 0xff, 0x7d])]) {
      expect(() => converter().toConnectData("t", null, input)).toThrow(/Converting byte\[\] to Kafka Connect data failed due to serialization error/);
    }
  });

  it("caches parsed schemas by their text and evicts beyond schemas.cache.size", () => {
    const json = converter({ "schemas.cache.size": "1" });
    const a = json.toConnectData("t", null, bytes('{"schema":{"type":"int8"},"payload":1}')).schema;
    const b = json.toConnectData("t", null, bytes('{"schema":{"type":"int8"},"payload":2}')).schema;
    expect(b).toBe(a);
    json.toConnectData("t", null, bytes('{"schema":{"type":"int16"},"payload":1}'));
    expect(json.toConnectData("t", null, bytes('{"schema":{"type":"int8"},"payload":3}')).schema?.equals(a)).toBe(true);
  });
});

describe("JsonConverter without schemas", () => {
  const plain = () => converter({ "schemas.enable": "false" });

  it("writes plain compact JSON", () => {
    const value = new Struct(order).put("id", 1).put("price", new BigDecimal(500n, 2));
    expect(text(plain().fromConnectData("t", null, order, value))).toBe('{"id":1,"price":"AfQ="}');
    expect(text(plain().fromConnectData("t", null, null, new Map<string, unknown>([["a", [1n, 2.5, "x", true, null]]])))).toBe('{"a":[1,2.5,"x",true,null]}');
    expect(text(plain().fromConnectData("t", null, null, { position: 30n, ratio: 3 }))).toBe('{"position":30,"ratio":3.0}');
    expect(text(plain().fromConnectData("t", null, Schema.OPTIONAL_STRING_SCHEMA, null))).toBe("null");
  });

  it("infers types on read: integer → INT64 bigint, other number → FLOAT64, object → Map", () => {
    const read = plain().toConnectData("t", null, bytes('{"int":9007199254740993,"small":-3,"float":1.5,"whole":1.0,"exp":1e2,"s":"x","b":false,"n":null,"a":[1,{"k":[]}]}'));
    expect(read.schema).toBeNull();
    expect(read.value).toEqual(
      new Map<string, unknown>([
        ["int", 9007199254740993n],
        ["small", -3n],
        ["float", 1.5],
        ["whole", 1],
        ["exp", 100],
        ["s", "x"],
        ["b", false],
        ["n", null],
        ["a", [1n, new Map([["k", []]])]],
      ]),
    );
    expect(typeof (read.value as Map<string, unknown>).get("whole")).toBe("number");
  });

  it("reads top-level scalars and blank input", () => {
    expect(plain().toConnectData("t", null, bytes("42")).value).toBe(42n);
    expect(plain().toConnectData("t", null, bytes('"s"')).value).toBe("s");
    expect(plain().toConnectData("t", null, bytes("null"))).toEqual({ schema: null, value: null });
    expect(plain().toConnectData("t", null, bytes(""))).toEqual({ schema: null, value: null });
  });

  it("does not expect an envelope", () => {
    expect(plain().toConnectData("t", null, bytes('{"schema":1,"payload":2}')).value).toEqual(new Map([["schema", 1n], ["payload", 2n]]));
  });
});

describe("JsonConverter configuration", () => {
  it("declares Kafka's config keys", () => {
    expect(
      new JsonConverter()
        .config()
        .map((key) => [key.name, key.default]),
    ).toEqual([
      ["schemas.enable", true],
      ["schemas.cache.size", 1000],
      ["decimal.format", "BASE64"],
      ["replace.null.with.default", true],
      ["converter.type", null],
    ]);
    expect(JsonConverter.className).toBe("org.apache.kafka.connect.json.JsonConverter");
  });

  it("refuses invalid values with ConfigExceptions", () => {
    expect(() => converter({ "schemas.enable": "yes" })).toThrow(ConfigException);
    expect(() => converter({ "decimal.format": "TEXT" })).toThrow("Invalid value TEXT for configuration decimal.format");
    expect(() => converter({ "schemas.cache.size": "many" })).toThrow(ConfigException);
  });

  it("also works as a header converter", () => {
    const json = new JsonConverter();
    json.configure({ "schemas.enable": "false" });
    expect(text(json.fromConnectHeader("t", "h", Schema.INT32_SCHEMA, 5))).toBe("5");
    expect(json.toConnectHeader("t", "h", bytes("5")).value).toBe(5n);
  });
});

function captureError(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected an error");
}
