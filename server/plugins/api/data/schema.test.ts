import { describe, expect, it } from "vitest";
import { BigDecimal } from "@/server/plugins/api/data/big-decimal";
import { DataException } from "@/server/plugins/api/data/errors";
import { ConnectDate, Decimal } from "@/server/plugins/api/data/logical-types";
import { Schema, SCHEMA_TYPES, valuesEqual } from "@/server/plugins/api/data/schema";
import { SchemaBuilder } from "@/server/plugins/api/data/schema-builder";
import { Struct } from "@/server/plugins/api/data/struct";

describe("Schema constants", () => {
  it("has a required and an optional schema for every primitive type", () => {
    expect(Schema.INT8_SCHEMA).toMatchObject({ type: "INT8", optional: false, name: null, version: null, doc: null, parameters: null, defaultValue: null });
    expect(Schema.OPTIONAL_STRING_SCHEMA).toMatchObject({ type: "STRING", optional: true });
    expect(Schema.OPTIONAL_BYTES_SCHEMA.type).toBe("BYTES");
    expect(SCHEMA_TYPES).toHaveLength(12);
  });

  it("is immutable", () => {
    expect(Object.isFrozen(Schema.INT32_SCHEMA)).toBe(true);
    expect(() => {
      (Schema.INT32_SCHEMA as { optional: boolean }).optional = true;
    }).toThrow(TypeError);
  });
});

describe("SchemaBuilder", () => {
  const order = SchemaBuilder.struct()
    .name("com.example.Order")
    .version(3)
    .doc("an order")
    .field("id", Schema.INT32_SCHEMA)
    .field("note", Schema.OPTIONAL_STRING_SCHEMA)
    .field("price", Decimal.schema(2))
    .build();

  it("builds structs with fields in order, each knowing its index", () => {
    expect(order).toMatchObject({ type: "STRUCT", name: "com.example.Order", version: 3, doc: "an order", optional: false });
    expect(order.fields.map((f) => [f.name, f.index, f.schema.type])).toEqual([
      ["id", 0, "INT32"],
      ["note", 1, "STRING"],
      ["price", 2, "BYTES"],
    ]);
    expect(order.field("note")?.schema).toBe(Schema.OPTIONAL_STRING_SCHEMA);
    expect(order.field("missing")).toBeNull();
  });

  it("builds arrays, maps and optional schemas with parameters", () => {
    const array = SchemaBuilder.array(Schema.STRING_SCHEMA).optional().build();
    expect(array).toMatchObject({ type: "ARRAY", optional: true, valueSchema: Schema.STRING_SCHEMA, keySchema: null });
    const map = SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT64_SCHEMA).parameter("a", "1").parameters({ b: "2" }).build();
    expect(map).toMatchObject({ type: "MAP", keySchema: Schema.STRING_SCHEMA, valueSchema: Schema.INT64_SCHEMA, parameters: { a: "1", b: "2" } });
    expect(SchemaBuilder.int32().optional().build().equals(Schema.OPTIONAL_INT32_SCHEMA)).toBe(true);
  });

  it("refuses fields on non-structs, duplicate field names and setting a property twice", () => {
    expect(() => SchemaBuilder.int32().field("x", Schema.INT32_SCHEMA)).toThrow("Cannot create fields on type INT32");
    expect(() => SchemaBuilder.struct().field("x", Schema.INT32_SCHEMA).field("x", Schema.STRING_SCHEMA)).toThrow("Cannot create field because of field name duplication x");
    expect(() => SchemaBuilder.string().name("a").name("b")).toThrow("Invalid SchemaBuilder call: name has already been set.");
    expect(() => SchemaBuilder.string().optional().required()).toThrow(DataException);
  });

  it("validates default values and keeps them", () => {
    expect(SchemaBuilder.int64().defaultValue(42n).build().defaultValue).toBe(42n);
    expect(() => SchemaBuilder.int64().defaultValue(42)).toThrow("Invalid default value");
    expect(() => SchemaBuilder.int8().defaultValue(300)).toThrow(DataException);
    const point = SchemaBuilder.struct().field("x", Schema.INT32_SCHEMA);
    const origin = new Struct(point.build()).put("x", 0);
    expect(point.defaultValue(origin).build().defaultValue).toBe(origin);
  });

  it("compares schemas structurally", () => {
    const again = SchemaBuilder.struct()
      .name("com.example.Order")
      .version(3)
      .doc("an order")
      .field("id", Schema.INT32_SCHEMA)
      .field("note", Schema.OPTIONAL_STRING_SCHEMA)
      .field("price", Decimal.schema(2))
      .build();
    expect(again.equals(order)).toBe(true);
    expect(Decimal.schema(3).equals(Decimal.schema(2))).toBe(false);
    expect(SchemaBuilder.int32().defaultValue(1).build().equals(SchemaBuilder.int32().defaultValue(2).build())).toBe(false);
    expect(order.toString()).toBe("Schema{com.example.Order:STRUCT}");
  });

  it("throws when asking a non-struct for fields", () => {
    expect(() => Schema.INT32_SCHEMA.fields).toThrow(DataException);
    expect(() => Schema.INT32_SCHEMA.field("x")).toThrow(DataException);
  });
});

describe("Schema.validateValue", () => {
  const valid: [Schema, unknown][] = [
    [Schema.INT8_SCHEMA, -128],
    [Schema.INT16_SCHEMA, 32767],
    [Schema.INT32_SCHEMA, -2147483648],
    [Schema.INT64_SCHEMA, 9223372036854775807n],
    [Schema.FLOAT32_SCHEMA, 1.5],
    [Schema.FLOAT64_SCHEMA, Number.NaN],
    [Schema.BOOLEAN_SCHEMA, false],
    [Schema.STRING_SCHEMA, ""],
    [Schema.BYTES_SCHEMA, new Uint8Array([1])],
    [Schema.BYTES_SCHEMA, Buffer.from("x")],
    [SchemaBuilder.array(Schema.INT32_SCHEMA).build(), [1, 2]],
    [SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT64_SCHEMA).build(), new Map([["a", 1n]])],
    [Decimal.schema(2), new BigDecimal(500n, 2)],
    [ConnectDate.SCHEMA, new Date(0)],
    [Schema.OPTIONAL_INT32_SCHEMA, null],
  ];
  it.each(valid)("accepts a valid %s value", (schema, value) => {
    expect(() => schema.validateValue(value)).not.toThrow();
  });

  const invalid: [Schema, unknown, string][] = [
    [Schema.INT8_SCHEMA, 128, "Invalid JS value for schema with type INT8: number 128 for value"],
    [Schema.INT32_SCHEMA, 1.5, "with type INT32"],
    [Schema.INT64_SCHEMA, 1, "with type INT64: number 1"],
    [Schema.INT64_SCHEMA, 2n ** 63n, "with type INT64"],
    [Schema.STRING_SCHEMA, 1, "with type STRING"],
    [Schema.BYTES_SCHEMA, "AQ==", "with type BYTES"],
    [Schema.INT32_SCHEMA, null, "Invalid value: null used for required value, schema type: INT32"],
    [SchemaBuilder.array(Schema.INT32_SCHEMA).build(), [1, "2"], "for element of array value"],
    [SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build(), new Map([[1, 1]]), "for key of map value"],
    [SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build(), { a: 1 }, "with type MAP: Object"],
    [Decimal.schema(2), 5, 'Invalid JS value for schema "org.apache.kafka.connect.data.Decimal" with type BYTES'],
    [ConnectDate.SCHEMA, 1, "org.apache.kafka.connect.data.Date"],
  ];
  it.each(invalid)("refuses an invalid %s value %s", (schema, value, message) => {
    expect(() => schema.validateValue(value)).toThrow(message);
  });

  it("checks a struct value's schema and contents", () => {
    const a = SchemaBuilder.struct().field("x", Schema.INT32_SCHEMA).build();
    const b = SchemaBuilder.struct().field("y", Schema.INT32_SCHEMA).build();
    expect(() => a.validateValue(new Struct(b).put("y", 1))).toThrow("Struct schemas do not match.");
    expect(() => a.validateValue(new Struct(a))).toThrow('null used for required field: "x"');
  });
});

describe("valuesEqual", () => {
  it("compares bytes, dates, arrays, maps and structs by value", () => {
    expect(valuesEqual(new Uint8Array([1, 2]), Buffer.from([1, 2]))).toBe(true);
    expect(valuesEqual(new Date(5), new Date(5))).toBe(true);
    expect(valuesEqual([1, [2n]], [1, [2n]])).toBe(true);
    expect(valuesEqual(new Map([["a", 1]]), new Map([["a", 2]]))).toBe(false);
    expect(valuesEqual(new BigDecimal(1n, 1), new BigDecimal(10n, 2))).toBe(false);
    expect(valuesEqual(Number.NaN, Number.NaN)).toBe(true);
  });
});
