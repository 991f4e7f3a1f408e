import { describe, expect, it } from "vitest";
import { PluginRegistry, type PluginClass } from "@/server/runtime/plugins/plugin-registry";

function plugin(className: string, aliases?: string[]): PluginClass {
  return Object.assign(class {}, { className, aliases });
}

describe("PluginRegistry", () => {
  const registry = new PluginRegistry();
  registry.register("source", plugin("org.apache.kafka.connect.file.FileStreamSourceConnector"), "1.0");
  registry.register("sink", plugin("org.apache.kafka.connect.file.FileStreamSinkConnector"), "1.0");
  registry.register("source", plugin("io.confluent.kafka.connect.datagen.DatagenConnector", ["Datagen"]));
  registry.register("converter", plugin("org.apache.kafka.connect.json.JsonConverter"));
  registry.register("header_converter", plugin("org.apache.kafka.connect.storage.SimpleHeaderConverter"));
  registry.register("transformation", plugin("org.apache.kafka.connect.transforms.InsertField$Value"));
  registry.register("transformation", plugin("com.example.one.Mask"));
  registry.register("transformation", plugin("com.example.two.Mask"));

  it.each([
    ["org.apache.kafka.connect.file.FileStreamSourceConnector", "org.apache.kafka.connect.file.FileStreamSourceConnector"],
    ["FileStreamSourceConnector", "org.apache.kafka.connect.file.FileStreamSourceConnector"],
    ["FileStreamSource", "org.apache.kafka.connect.file.FileStreamSourceConnector"],
    ["FileStreamSink", "org.apache.kafka.connect.file.FileStreamSinkConnector"],
    ["Datagen", "io.confluent.kafka.connect.datagen.DatagenConnector"],
  ])("finds connector %s", (name, className) => {
    expect(registry.find(["source", "sink"], name)?.className).toBe(className);
  });

  it("finds converters and transformations by simple name, nested classes included", () => {
    expect(registry.find(["converter"], "JsonConverter")?.className).toBe("org.apache.kafka.connect.json.JsonConverter");
    expect(registry.find(["converter"], "Json")?.className).toBe("org.apache.kafka.connect.json.JsonConverter");
    expect(registry.find(["transformation"], "InsertField$Value")?.className).toBe("org.apache.kafka.connect.transforms.InsertField$Value");
  });

  it("refuses ambiguous aliases, unknown names and the wrong kind", () => {
    expect(registry.find(["transformation"], "Mask")).toBeUndefined();
    expect(registry.find(["transformation"], "com.example.two.Mask")?.className).toBe("com.example.two.Mask");
    expect(registry.find(["source", "sink"], "NoSuchConnector")).toBeUndefined();
    expect(registry.find(["source", "sink"], "JsonConverter")).toBeUndefined();
  });

  it("lists plugins in Kafka's order: sinks, sources, transformations, predicates, converters, header converters", () => {
    expect(registry.list().map((p) => p.kind)).toEqual(["sink", "source", "source", "transformation", "transformation", "transformation", "converter", "header_converter"]);
    expect(registry.list(["source", "sink"]).map((p) => p.className)).toEqual([
      "org.apache.kafka.connect.file.FileStreamSinkConnector",
      "io.confluent.kafka.connect.datagen.DatagenConnector",
      "org.apache.kafka.connect.file.FileStreamSourceConnector",
    ]);
  });

  it("refuses the same plugin twice", () => {
    expect(() => registry.register("sink", plugin("org.apache.kafka.connect.file.FileStreamSinkConnector"))).toThrow(/registered twice/);
  });
});
