import { describe, expect, it } from "vitest";
import { DataException } from "@/server/plugins/api/data/errors";
import { Schema } from "@/server/plugins/api/data/schema";
import { SchemaBuilder } from "@/server/plugins/api/data/schema-builder";
import { Struct } from "@/server/plugins/api/data/struct";

const user = SchemaBuilder.struct()
  .name("com.example.User")
  .field("id", Schema.INT64_SCHEMA)
  .field("name", Schema.STRING_SCHEMA)
  .field("nick", Schema.OPTIONAL_STRING_SCHEMA)
  .field("age", SchemaBuilder.int32().defaultValue(18).build())
  .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).optional().build())
  .build();

describe("Struct", () => {
  it("stores values checked against their field schemas", () => {
    const struct = new Struct(user).put("id", 9007199254740993n).put("name", "ada").put("tags", ["a"]);
    expect(struct.get("id")).toBe(9007199254740993n);
    expect(struct.getInt64("id")).toBe(9007199254740993n);
    expect(struct.getString("name")).toBe("ada");
    expect(struct.get("nick")).toBeNull();
    expect(struct.get(user.field("tags")!)).toEqual(["a"]);
    expect(() => struct.validate()).not.toThrow();
  });

  it("returns the default for a null field, unless asked for the raw value", () => {
    const struct = new Struct(user);
    expect(struct.get("age")).toBe(18);
    expect(struct.getWithoutDefault("age")).toBeNull();
    expect(struct.getNumber("age")).toBe(18);
  });

  it("refuses values of the wrong type, nulls for required fields and unknown fields", () => {
    const struct = new Struct(user);
    expect(() => struct.put("id", 1)).toThrow('Invalid JS value for schema with type INT64: number 1 for field: "id"');
    expect(() => struct.put("name", null)).toThrow('Invalid value: null used for required field: "name", schema type: STRING');
    expect(() => struct.put("tags", ["a", 1])).toThrow('element of array field: "tags"');
    expect(() => struct.put("nope", 1)).toThrow("nope is not a valid field name");
    expect(() => struct.getString("id")).toThrow("Field 'id' is not of type STRING");
  });

  it("validate() requires every required field without a default", () => {
    const struct = new Struct(user).put("id", 1n);
    expect(() => struct.validate()).toThrow(DataException);
    expect(() => struct.validate()).toThrow('field: "name"');
    struct.put("name", "x");
    expect(() => struct.validate()).not.toThrow();
  });

  it("compares by schema and values", () => {
    const a = new Struct(user).put("id", 1n).put("name", "x").put("tags", ["t"]);
    const b = new Struct(user).put("id", 1n).put("name", "x").put("tags", ["t"]);
    expect(a.equals(b)).toBe(true);
    expect(a.equals(new Struct(user).put("id", 2n).put("name", "x"))).toBe(false);
    expect(a.toString()).toBe("Struct{id=1,name=x,tags=t}");
  });

  it("needs a STRUCT schema", () => {
    expect(() => new Struct(Schema.STRING_SCHEMA)).toThrow("Not a struct schema");
  });
});
