import { describe, expect, it } from "vitest";
import { createPluginRegistry } from "@/server/boot/runtime-factory";
import type { Connector } from "@/server/plugins/api/connector";
import { connectorConfigDef } from "@/server/runtime/plugins/connector-config-def";

const registry = createPluginRegistry();

function defOf(name: string, order: "connector-first" | "framework-first", config: Record<string, string> = {}) {
  const descriptor = registry.find(["source", "sink"], name)!;
  return connectorConfigDef(registry, descriptor, new descriptor.plugin() as Connector, order, config);
}

/** Kafka Connect 4.1's framework keys of a source connector, in its order (measured with GET /connector-plugins/FileStreamSource/config). */
const KAFKA_SOURCE_KEYS = [
  "name", "connector.class", "connector.plugin.version", "tasks.max", "tasks.max.enforce",
  "key.converter", "key.converter.plugin.version", "value.converter", "value.converter.plugin.version",
  "header.converter", "header.converter.plugin.version", "transforms", "predicates", "config.action.reload",
  "errors.retry.timeout", "errors.retry.delay.max.ms", "errors.tolerance", "errors.log.enable", "errors.log.include.messages",
  "topic.creation.groups", "exactly.once.support", "transaction.boundary", "transaction.boundary.interval.ms", "offsets.storage.topic",
];

describe("a connector plugin's whole config definition", () => {
  it("puts the connector's keys first for the plugin config endpoint, then Kafka Connect 4.1's framework keys in its order", () => {
    const names = [...defOf("FileStreamSource", "connector-first").configKeys().keys()];
    expect(names.slice(0, 3)).toEqual(["file", "topic", "batch.size"]);
    expect(names.slice(3, 3 + KAFKA_SOURCE_KEYS.length)).toEqual(KAFKA_SOURCE_KEYS);
    expect(names.slice(3 + KAFKA_SOURCE_KEYS.length).every((name) => name.startsWith("errors.deadletterqueue.") || name.startsWith("tributary."))).toBe(true);
  });

  it("puts the framework first for validation, with Kafka Connect 4.1's groups", () => {
    const def = defOf("FileStreamSource", "framework-first");
    expect([...def.configKeys().keys()].slice(0, KAFKA_SOURCE_KEYS.length)).toEqual(KAFKA_SOURCE_KEYS);
    expect(def.groups()).toEqual(["Common", "Transforms", "Predicates", "Error Handling", "Topic Creation", "Exactly Once Support", "offsets.topic", "Auto restart"]);
  });

  it("defaults the connector's version to the installed one and says the source DLQ keys are Tributary's", () => {
    const keys = defOf("FileStreamSource", "connector-first").configKeys();
    expect(keys.get("connector.plugin.version")!.defaultValue).toBe(registry.find(["source"], "FileStreamSource")!.version);
    for (const name of ["errors.deadletterqueue.topic.name", "errors.deadletterqueue.topic.replication.factor", "errors.deadletterqueue.context.headers.enable"]) {
      expect(keys.get(name)!.documentation).toContain("Tributary only");
    }
    expect(defOf("FileStreamSink", "connector-first").configKeys().get("errors.deadletterqueue.topic.name")!.documentation).not.toContain("Tributary only");
  });

  it("refuses a pinned connector version other than the installed one", () => {
    const def = defOf("FileStreamSink", "framework-first");
    const values = def.validateAll({ name: "s", "connector.class": "FileStreamSink", topics: "t", "connector.plugin.version": "9.9.9" });
    expect(values.get("connector.plugin.version")!.errors).toEqual([expect.stringContaining("installed in version")]);
  });
});
