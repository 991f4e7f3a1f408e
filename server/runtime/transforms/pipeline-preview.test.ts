import { describe, expect, it } from "vitest";
import { createPluginRegistry } from "@/server/boot/runtime-factory";
import { previewPipeline, type PreviewSetup } from "@/server/runtime/transforms/pipeline-preview";

const registry = createPluginRegistry();
const workerConfig = { "key.converter": "org.apache.kafka.connect.storage.StringConverter", "value.converter": "org.apache.kafka.connect.json.JsonConverter", "header.converter": "org.apache.kafka.connect.storage.SimpleHeaderConverter" };

const sink = (config: Record<string, string>): PreviewSetup => ({ registry, workerConfig, kind: "sink", connectorConfig: { "connector.class": "FileStreamSink", "value.converter": "org.apache.kafka.connect.json.JsonConverter", "value.converter.schemas.enable": "false", ...config } });

describe("the transform playground's pipeline preview", () => {
  it("shows a sink record after its converters and each transform, with the predicate's decision", () => {
    const setup = sink({
      transforms: "mask,route",
      "transforms.mask.type": "org.apache.kafka.connect.transforms.MaskField$Value",
      "transforms.mask.fields": "card",
      "transforms.route.type": "org.apache.kafka.connect.transforms.RegexRouter",
      "transforms.route.regex": "orders",
      "transforms.route.replacement": "orders-masked",
      "transforms.route.predicate": "isOrders",
      predicates: "isOrders",
      "predicates.isOrders.type": "org.apache.kafka.connect.transforms.predicates.TopicNameMatches",
      "predicates.isOrders.pattern": "orders",
    });
    const [result] = previewPipeline(setup, [{ topic: "orders", key: "k1", value: '{"id":7,"card":"4111"}' }]);
    expect(result!.outcome).toBe("delivered");
    expect(result!.steps.map((s) => `${s.stage}:${s.alias ?? ""}`)).toEqual(["KEY_CONVERTER:", "VALUE_CONVERTER:", "TRANSFORMATION:mask", "TRANSFORMATION:route"]);
    // Kafka Connect's schemaless maps are HashMaps: "card" sorts before "id", as its sink would see them.
    expect(result!.steps[2]!.output?.value).toBe('{"card":"","id":7}');
    expect(result!.steps[3]).toMatchObject({ applied: true, predicate: { alias: "isOrders", className: "org.apache.kafka.connect.transforms.predicates.TopicNameMatches", matched: true, negate: false } });
    expect(result!.final).toMatchObject({ topic: "orders-masked", key: '"k1"', value: '{"card":"","id":7}' });
  });

  it("says which samples a Filter drops and where a converter fails", () => {
    const setup = sink({ transforms: "drop", "transforms.drop.type": "Filter", "transforms.drop.predicate": "tomb", predicates: "tomb", "predicates.tomb.type": "RecordIsTombstone" });
    const [tombstone, kept, broken] = previewPipeline(setup, [
      { key: "a", value: null },
      { key: "b", value: "[1,2]" },
      { key: "c", value: "{oops" },
    ]);
    expect(tombstone).toMatchObject({ outcome: "dropped" });
    expect(tombstone!.steps.at(-1)).toMatchObject({ dropped: true, predicate: { matched: true } });
    expect(kept).toMatchObject({ outcome: "delivered", final: { value: "[1,2]" } });
    expect(kept!.steps.at(-1)).toMatchObject({ applied: false, predicate: { matched: false } });
    expect(broken).toMatchObject({ outcome: "failed" });
    expect(broken!.steps.at(-1)).toMatchObject({ stage: "VALUE_CONVERTER", error: { exceptionClass: "org.apache.kafka.connect.errors.DataException" } });
  });

  it("runs a source's records through its transforms and back to the bytes Kafka gets", () => {
    const setup: PreviewSetup = {
      registry,
      workerConfig,
      kind: "source",
      connectorConfig: { "connector.class": "FileStreamSource", "value.converter": "org.apache.kafka.connect.json.JsonConverter", "value.converter.schemas.enable": "false", transforms: "wrap", "transforms.wrap.type": "HoistField$Value", "transforms.wrap.field": "line" },
    };
    const [result] = previewPipeline(setup, [{ topic: "lines", key: null, value: '"hello"' }]);
    expect(result!.outcome).toBe("delivered");
    expect(result!.steps.map((s) => s.stage)).toEqual(["TASK_POLL", "TRANSFORMATION", "KEY_CONVERTER", "VALUE_CONVERTER"]);
    expect(result!.steps.at(-1)!.bytes).toBe('{"line":"hello"}');
  });
});
