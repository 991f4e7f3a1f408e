import { describe, expect, it } from "vitest";
import { ConfigException } from "@/server/plugins/api/config-def";
import { ConnectDate } from "@/server/plugins/api/data/logical-types";
import { Schema } from "@/server/plugins/api/data/schema";
import { SchemaBuilder } from "@/server/plugins/api/data/schema-builder";
import { Headers } from "@/server/plugins/api/headers";
import { SinkRecord } from "@/server/plugins/api/records";
import { SimpleHeaderConverter } from "@/server/plugins/converters/simple-header-converter";
import { DropHeaders } from "@/server/plugins/transforms/drop-headers";
import { Filter } from "@/server/plugins/transforms/filter";
import { InsertHeader } from "@/server/plugins/transforms/insert-header";

function sink(headers: Headers = new Headers()): SinkRecord {
  return new SinkRecord({ topic: "test", kafkaPartition: 0, kafkaOffset: 0n, value: "v", headers });
}

describe("InsertHeader", () => {
  it.each([
    ["hello", Schema.STRING_SCHEMA, "hello"],
    ["42", Schema.INT8_SCHEMA, 42],
    ["70000", Schema.INT32_SCHEMA, 70000],
    ["true", Schema.BOOLEAN_SCHEMA, true],
    ["2024-01-05", ConnectDate.SCHEMA, new Date(Date.UTC(2024, 0, 5))],
    ["[1,2]", SchemaBuilder.array(Schema.INT8_SCHEMA).build(), [1, 2]],
    ["", Schema.STRING_SCHEMA, ""],
  ])("appends a header whose type is inferred from %j", (literal, schema, value) => {
    const smt = new InsertHeader();
    smt.configure({ header: "h", "value.literal": literal });
    const original = sink(new Headers().add("h", "existing", Schema.STRING_SCHEMA));
    const out = smt.apply(original);
    expect([...out.headers].map((header) => header.value)).toEqual(["existing", value]);
    expect(out.headers.lastWithName("h")!.schema).toEqual(schema);
    expect(original.headers.size).toBe(1);
  });

  it("writes value.literal=null as a null header, which the SimpleHeaderConverter hands on as null bytes", () => {
    const smt = new InsertHeader();
    smt.configure({ header: "h", "value.literal": "null" });
    const header = smt.apply(sink()).headers.lastWithName("h")!;
    expect(header).toEqual({ key: "h", schema: null, value: null });
    expect(new SimpleHeaderConverter().fromConnectHeader("test", "h", header.schema, header.value)).toBeNull();
  });

  it.each([[{ header: "h" }], [{ "value.literal": "v" }]])("requires both keys: %j", (configs) => {
    expect(() => new InsertHeader().configure(configs)).toThrow(ConfigException);
  });
});

describe("DropHeaders", () => {
  it("removes every header with a listed name and keeps the rest in order", () => {
    const smt = new DropHeaders();
    smt.configure({ headers: "a, c" });
    const original = sink(new Headers().add("a", 1).add("b", 2).add("a", 3).add("c", 4).add("d", 5));
    expect([...smt.apply(original).headers].map((header) => header.key)).toEqual(["b", "d"]);
    expect(original.headers.size).toBe(5);
  });

  it("requires a non-empty list", () => {
    expect(() => new DropHeaders().configure({ headers: "" })).toThrow("Invalid value [] for configuration headers: Empty list");
  });
});

describe("Filter", () => {
  it("drops every record", () => {
    const smt = new Filter();
    smt.configure();
    expect(smt.apply()).toBeNull();
    expect(smt.config().names()).toEqual([]);
  });
});
