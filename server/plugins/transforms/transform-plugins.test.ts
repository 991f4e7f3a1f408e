import { describe, expect, it } from "vitest";
import { ConfigDef } from "@/server/plugins/api/config-def";
import { SinkRecord } from "@/server/plugins/api/records";
import { BUILT_IN_PLUGINS } from "@/server/plugins/built-in-plugins";
import { JsonConverter } from "@/server/plugins/converters/json-converter";
import { BUILT_IN_PREDICATES, BUILT_IN_TRANSFORMATIONS } from "@/server/plugins/transforms/transform-plugins";
import { PluginRegistry } from "@/server/runtime/plugins/plugin-registry";

const KEY_VALUE_FAMILIES = ["Cast", "ExtractField", "Flatten", "HeaderFrom", "HoistField", "InsertField", "MaskField", "ReplaceField", "SetSchemaMetadata", "TimestampConverter"];
const SINGLE = ["DropHeaders", "Filter", "InsertHeader", "RegexRouter", "TimestampRouter", "ValueToKey"];

function json(schemasEnable: boolean): JsonConverter {
  const converter = new JsonConverter();
  converter.configure({ "schemas.enable": String(schemasEnable) });
  return converter;
}

/** Reads `text` with the JsonConverter, applies the SMTs in order, and writes the value back as JSON. */
function throughChain(text: string, schemasEnable: boolean, smts: { type: new () => { configure(c: Record<string, string>): void; apply(r: SinkRecord): SinkRecord | null }; configs: Record<string, string> }[]): string {
  const converter = json(schemasEnable);
  const { schema, value } = converter.toConnectData("t", null, Buffer.from(text));
  let record: SinkRecord | null = new SinkRecord({ topic: "orders", kafkaPartition: 2, kafkaOffset: 17n, timestamp: 1_700_000_000_000, valueSchema: schema, value });
  for (const { type, configs } of smts) {
    const smt = new type();
    smt.configure(configs);
    record = smt.apply(record!);
  }
  return Buffer.from(converter.fromConnectData("t", null, record!.valueSchema, record!.value)!).toString();
}

function find(className: string): new () => never {
  const found = BUILT_IN_TRANSFORMATIONS.find((type) => type.className === className);
  if (!found) throw new Error(`not registered: ${className}`);
  return found as unknown as new () => never;
}

describe("the built-in transformations and predicates", () => {
  it("are every SMT of Kafka's connect-transforms, under Kafka's class names", () => {
    const expected = [...KEY_VALUE_FAMILIES.flatMap((family) => [`${family}$Key`, `${family}$Value`]), ...SINGLE].map((name) => `org.apache.kafka.connect.transforms.${name}`);
    expect(BUILT_IN_TRANSFORMATIONS.map((type) => type.className).sort()).toEqual(expected.sort());
    expect(BUILT_IN_PREDICATES.map((type) => type.className)).toEqual(["HasHeaderKey", "RecordIsTombstone", "TopicNameMatches"].map((name) => `org.apache.kafka.connect.transforms.predicates.${name}`));
  });

  it.each([...BUILT_IN_TRANSFORMATIONS, ...BUILT_IN_PREDICATES].map((type) => [type.className, type] as const))("%s describes itself and its ConfigDef", (_name, type) => {
    expect(type.description).toMatch(/^[A-Z].*\.$/);
    const config = new type().config();
    expect(config).toBeInstanceOf(ConfigDef);
    for (const key of config.configKeys().values()) expect(key.documentation.length).toBeGreaterThan(10);
  });

  it("are registered as built-in plugins, found by class name and by simple name", () => {
    const registry = new PluginRegistry();
    for (const { kind, plugin } of BUILT_IN_PLUGINS) registry.register(kind, plugin);
    expect(registry.find(["transformation"], "org.apache.kafka.connect.transforms.Cast$Value")?.className).toBe("org.apache.kafka.connect.transforms.Cast$Value");
    expect(registry.find(["transformation"], "InsertField$Key")?.className).toBe("org.apache.kafka.connect.transforms.InsertField$Key");
    expect(registry.find(["predicate"], "TopicNameMatches")?.className).toBe("org.apache.kafka.connect.transforms.predicates.TopicNameMatches");
    expect(registry.list(["transformation"])).toHaveLength(26);
    expect(registry.list(["predicate"])).toHaveLength(3);
  });

  it("read what the JsonConverter produces with schemas, and hand it back writable", () => {
    const envelope = JSON.stringify({
      schema: { type: "struct", fields: [{ type: "int32", optional: false, field: "id" }, { type: "struct", optional: false, field: "customer", fields: [{ type: "string", optional: false, field: "name" }] }, { type: "int64", optional: false, field: "placed" }], optional: false, name: "com.example.Order" },
      payload: { id: 1, customer: { name: "Ada" }, placed: 1_700_000_000_000 },
    });
    const out = throughChain(envelope, true, [
      { type: find("org.apache.kafka.connect.transforms.Flatten$Value"), configs: { delimiter: "_" } },
      { type: find("org.apache.kafka.connect.transforms.TimestampConverter$Value"), configs: { field: "placed", "target.type": "string", format: "yyyy-MM-dd" } },
      { type: find("org.apache.kafka.connect.transforms.Cast$Value"), configs: { spec: "id:string" } },
      { type: find("org.apache.kafka.connect.transforms.InsertField$Value"), configs: { "topic.field": "topic", "offset.field": "offset!" } },
    ]);
    expect(JSON.parse(out).payload).toEqual({ id: "1", customer_name: "Ada", placed: "2023-11-14", topic: "orders", offset: 17 });
    expect(JSON.parse(out).schema.name).toBe("com.example.Order");
  });

  it("read what the JsonConverter produces without schemas, and hand it back writable", () => {
    const out = throughChain('{"id":1,"customer":{"name":"Ada"},"secret":"s","when":1700000000000}', false, [
      { type: find("org.apache.kafka.connect.transforms.Flatten$Value"), configs: {} },
      { type: find("org.apache.kafka.connect.transforms.MaskField$Value"), configs: { fields: "secret" } },
      { type: find("org.apache.kafka.connect.transforms.ReplaceField$Value"), configs: { renames: "customer.name:name" } },
      { type: find("org.apache.kafka.connect.transforms.TimestampConverter$Value"), configs: { field: "when", "target.type": "string", format: "yyyy-MM-dd'T'HH:mm" } },
    ]);
    expect(JSON.parse(out)).toEqual({ id: 1, name: "Ada", secret: "", when: "2023-11-14T22:13" });
  });
});
