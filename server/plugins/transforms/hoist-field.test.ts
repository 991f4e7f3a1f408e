import { describe, expect, it } from "vitest";
import { Schema } from "@/server/plugins/api/data/schema";
import type { Struct } from "@/server/plugins/api/data/struct";
import { SinkRecord } from "@/server/plugins/api/records";
import { HoistFieldKey, HoistFieldValue } from "@/server/plugins/transforms/hoist-field";

function configured<T extends HoistFieldKey | HoistFieldValue>(Type: new () => T, field: string): T {
  const smt = new Type();
  smt.configure({ field });
  return smt;
}

function sink(fields: Partial<ConstructorParameters<typeof SinkRecord>[0]>): SinkRecord {
  return new SinkRecord({ topic: "test", kafkaPartition: 0, kafkaOffset: 0n, ...fields });
}

describe("HoistField", () => {
  it("wraps a value with a schema in a one-field Struct", () => {
    const out = configured(HoistFieldValue, "magic").apply(sink({ valueSchema: Schema.INT32_SCHEMA, value: 42 }));
    expect(out.valueSchema!.fields.map((field) => [field.name, field.schema])).toEqual([["magic", Schema.INT32_SCHEMA]]);
    expect((out.value as Struct).get("magic")).toBe(42);
  });

  it("wraps a schemaless key in a one-entry map with $Key", () => {
    const out = configured(HoistFieldKey, "magic").apply(sink({ key: 42n, value: "v" }));
    expect(out.keySchema).toBeNull();
    expect(out.key).toEqual(new Map([["magic", 42n]]));
    expect(out.value).toBe("v");
  });

  it("wraps a schemaless null too", () => {
    expect(configured(HoistFieldValue, "f").apply(sink({ value: null })).value).toEqual(new Map([["f", null]]));
  });

  it("builds the wrapping schema once per input schema", () => {
    const smt = configured(HoistFieldValue, "f");
    const a = smt.apply(sink({ valueSchema: Schema.STRING_SCHEMA, value: "a" }));
    const b = smt.apply(sink({ valueSchema: Schema.STRING_SCHEMA, value: "b" }));
    expect(a.valueSchema).toBe(b.valueSchema);
  });

  it("requires field", () => {
    expect(() => new HoistFieldValue().configure({})).toThrow('Missing required configuration "field"');
  });
});
