import { describe, expect, it } from "vitest";
import { createPluginRegistry } from "@/server/boot/runtime-factory";
import { invalidConfigMessage, validateConnectorConfig } from "@/server/runtime/herder/config-validation";

const registry = createPluginRegistry();
const errorsOf = (infos: ReturnType<typeof validateConnectorConfig>) =>
  Object.fromEntries(infos.configs.filter((c) => c.value.errors.length > 0).map((c) => [c.value.name, c.value.errors]));

describe("connector config validation (AbstractHerder's rules)", () => {
  it("lists the framework's keys first in Kafka Connect 4.1's order, then the connector's own, with no errors for a good config", () => {
    const infos = validateConnectorConfig(registry, "FileStreamSinkConnector", { "connector.class": "FileStreamSink", name: "s", topics: "t", file: "/tmp/o" });
    expect(infos.name).toBe("FileStreamSink");
    expect(infos.error_count).toBe(0);
    expect(infos.configs.slice(0, 4).map((c) => c.definition!.name)).toEqual(["name", "connector.class", "connector.plugin.version", "tasks.max"]);
    expect(infos.configs.at(-1)!.definition!.name).toBe("file");
    expect(infos.configs.find((c) => c.value.name === "connector.plugin.version")!.value).toMatchObject({ value: expect.any(String), recommended_values: [expect.any(String)] });
    expect(infos.groups).toEqual(["Common", "Transforms", "Predicates", "Error Handling", "Auto restart"]);
  });

  it("validates the auto-restart keys, each error under its key", () => {
    const infos = validateConnectorConfig(registry, null, {
      "connector.class": "FileStreamSink",
      name: "s",
      topics: "t",
      "tributary.auto.restart.enabled": "maybe",
      "tributary.auto.restart.max.attempts": "-1",
      "tributary.auto.restart.backoff.initial.ms": "0",
      "tributary.auto.restart.backoff.max.ms": "soon",
    });
    const errors = errorsOf(infos);
    expect(Object.keys(errors)).toEqual(["tributary.auto.restart.enabled", "tributary.auto.restart.max.attempts", "tributary.auto.restart.backoff.initial.ms", "tributary.auto.restart.backoff.max.ms"]);
    expect(errors["tributary.auto.restart.max.attempts"]![0]).toMatch(/at least 0/);
    const good = { "connector.class": "FileStreamSink", name: "s", topics: "t", "tributary.auto.restart.enabled": "true", "tributary.auto.restart.max.attempts": "0" };
    expect(validateConnectorConfig(registry, null, good).error_count).toBe(0);
  });

  it("requires a connector class, cross-checks the path's plugin and refuses unknown classes with a 4xx", () => {
    expect(() => validateConnectorConfig(registry, null, { name: "x" })).toThrow("Connector config {name=x} contains no connector type");
    expect(() => validateConnectorConfig(registry, "FileStreamSink", { "connector.class": "FileStreamSource" })).toThrow("Included connector type FileStreamSource does not match request type FileStreamSink");
    const full = "org.apache.kafka.connect.file.FileStreamSourceConnector";
    for (const path of [full, "FileStreamSourceConnector", "FileStreamSource"]) {
      expect(validateConnectorConfig(registry, path, { "connector.class": full, name: "s", topic: "t" }).error_count).toBe(0);
    }
    expect(() => validateConnectorConfig(registry, null, { "connector.class": "Nope" })).toThrow(/Failed to find any class that implements Connector and which name matches Nope, available connectors are: /);
  });

  it("refuses converters that are not installed, each under its key and naming the class, and accepts installed ones by alias", () => {
    const infos = validateConnectorConfig(registry, null, {
      "connector.class": "FileStreamSource",
      name: "s",
      topic: "t",
      "key.converter": "com.example.AvroConverter",
      "value.converter": "org.apache.kafka.connect.storage.SimpleHeaderConverter",
      "header.converter": "com.example.Headers",
    });
    const errors = errorsOf(infos);
    expect(Object.keys(errors)).toEqual(["key.converter", "value.converter", "header.converter"]);
    expect(errors["key.converter"]![0]).toMatch(/^Invalid value com\.example\.AvroConverter for configuration key\.converter: Class com\.example\.AvroConverter could not be found; the installed converters are .*org\.apache\.kafka\.connect\.json\.JsonConverter/);
    expect(errors["header.converter"]![0]).toContain("Class com.example.Headers could not be found; the installed header converters are ");
    const good = { "connector.class": "FileStreamSource", name: "s", topic: "t", "key.converter": "StringConverter", "value.converter": "org.apache.kafka.connect.json.JsonConverter", "header.converter": "SimpleHeaderConverter" };
    expect(validateConnectorConfig(registry, null, good).error_count).toBe(0);
  });

  it("refuses references to config providers the worker does not have, and provider classes Tributary does not have", () => {
    const config = {
      "connector.class": "FileStreamSource",
      name: "s",
      topic: "t",
      file: "${file:/tmp/x/secrets.properties:path}",
      "connection.password": "${vault:secret/db:pw}",
      "config.providers.vault.class": "com.example.VaultConfigProvider",
    };
    const errors = errorsOf(validateConnectorConfig(registry, null, config, "All", ["file"]));
    expect(errors["connection.password"]).toEqual([
      "The value of connection.password refers to the config provider 'vault', which this worker does not have (config.providers=file): add it to the worker's config.providers with its config.providers.vault.class.",
    ]);
    expect(errors["config.providers.vault.class"]![0]).toMatch(/^Invalid value com\.example\.VaultConfigProvider for configuration config\.providers\.vault\.class: Class com\.example\.VaultConfigProvider could not be found/);
    expect(errors.file).toBeUndefined();
    expect(errorsOf(validateConnectorConfig(registry, null, config))).toHaveProperty("file");
  });

  it("never echoes a secret when it refuses a config without a connector class", () => {
    expect(() => validateConnectorConfig(registry, null, { name: "x", "connection.password": "pw-1", "bearer.token": "t-1" })).toThrow(
      "Connector config {name=x, connection.password=[hidden], bearer.token=[hidden]} contains no connector type",
    );
  });

  it("reports a topics.regex that is not a regular expression as an error on it, not a failure", () => {
    const infos = validateConnectorConfig(registry, null, { "connector.class": "FileStreamSink", name: "s", file: "/tmp/o", "topics.regex": "(unclosed", "errors.deadletterqueue.topic.name": "dlq" });
    expect(errorsOf(infos)["topics.regex"]).toEqual([expect.stringMatching(/^Invalid value \(unclosed for configuration topics\.regex: not a valid regular expression/)]);
  });

  it("checks sinks' topics, the dead letter queue topic, transforms and nulls", () => {
    const infos = validateConnectorConfig(registry, null, {
      "connector.class": "FileStreamSink",
      name: "s",
      topics: "a,dlq",
      "topics.regex": "a.*",
      "errors.deadletterqueue.topic.name": "dlq",
      transforms: "mask",
      "transforms.mask.type": "org.example.Mask",
      "tasks.max": null,
    });
    expect(errorsOf(infos)).toEqual({
      topics: ["Must configure one of topics or topics.regex, not both"],
      "topics.regex": ["Must configure one of topics or topics.regex, not both"],
      "errors.deadletterqueue.topic.name": [
        "The DLQ topic 'dlq' may not be included in the list of topics ('topics=a,dlq') consumed by the connector",
      ],
      "transforms.mask.type": ["Invalid value org.example.Mask for configuration transforms.mask.type: Class org.example.Mask could not be found."],
      "tasks.max": ["Null value can not be supplied as the configuration value."],
    });
    expect(invalidConfigMessage(infos)).toMatch(/^Connector configuration is invalid and contains the following 5 error\(s\):\nNull value can not be supplied as the configuration value\.\nMust configure one of topics/);
  });

  it("requires the default topic creation group's partitions and replication factor once topic creation is used", () => {
    const infos = validateConnectorConfig(registry, null, { "connector.class": "FileStreamSource", name: "s", topic: "t", "topic.creation.default.partitions": "zero" });
    expect(errorsOf(infos)).toEqual({
      "topic.creation.default.replication.factor": ['Missing required configuration "topic.creation.default.replication.factor" which has no default value.'],
      "topic.creation.default.partitions": ["Invalid value zero for configuration topic.creation.default.partitions: Value must be -1 (the broker's default) or a positive integer"],
    });
  });

  it("applies the worker's client override policy to the clients the connector uses", () => {
    const source = { "connector.class": "FileStreamSource", name: "s", topic: "t", "producer.override.linger.ms": "5", "producer.override.sasl.mechanism": "PLAIN", "consumer.override.max.poll.records": "1" };
    expect(errorsOf(validateConnectorConfig(registry, null, source, "All"))).toEqual({});
    expect(errorsOf(validateConnectorConfig(registry, null, source, "Principal"))).toEqual({
      "producer.override.linger.ms": ["The 'Principal' policy does not allow 'linger.ms' to be overridden in the connector configuration."],
    });
    expect(Object.keys(errorsOf(validateConnectorConfig(registry, null, source, "None")))).toEqual(["producer.override.linger.ms", "producer.override.sasl.mechanism"]);
  });

  it("offers the fixed choices of the framework's keys as recommended values, for forms", () => {
    const infos = validateConnectorConfig(registry, null, { "connector.class": "FileStreamSource", name: "s", topic: "t" });
    const recommended = (name: string) => infos.configs.find((c) => c.definition?.name === name)?.value.recommended_values;
    expect(recommended("errors.tolerance")).toEqual(["none", "all"]);
    expect(recommended("transaction.boundary")).toEqual(["poll", "interval", "connector"]);
  });
});
