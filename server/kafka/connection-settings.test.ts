import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { WorkerConfigError } from "@/server/config/worker-config";
import { connectionSettings, layeredClientSettings } from "@/server/kafka/connection-settings";
import { kafkajsConfig } from "@/server/kafka/kafkajs-options";
import { platformaticOptions } from "@/server/kafka/platformatic-options";

const jaas = 'org.apache.kafka.common.security.plain.PlainLoginModule required username="alice" password="s3cr\\"et";';

describe("connection settings from Kafka Connect client settings", () => {
  it("takes bootstrap servers with or without a listener prefix, the client id and the timeouts", () => {
    const connection = connectionSettings({ "bootstrap.servers": "PLAINTEXT://a:9092, b:9093", "client.id": "mine", "request.timeout.ms": "1234" }, "fallback");
    expect(connection).toMatchObject({ brokers: ["a:9092", "b:9093"], clientId: "mine", requestTimeoutMs: 1234, connectTimeoutMs: 10_000 });
    expect(connection.tls).toBeUndefined();
    expect(connection.sasl).toBeUndefined();
    expect(kafkajsConfig(connection)).toMatchObject({ brokers: ["a:9092", "b:9093"], clientId: "mine", requestTimeout: 1234 });
    expect(platformaticOptions(connection)).toMatchObject({ bootstrapBrokers: ["a:9092", "b:9093"], clientId: "mine", requestTimeout: 1234, timeout: 1234 });
  });

  it("reads SASL/PLAIN and SCRAM credentials from sasl.jaas.config, for both clients", () => {
    const plain = connectionSettings({ "security.protocol": "SASL_PLAINTEXT", "sasl.jaas.config": jaas }, "c");
    expect(plain.sasl).toEqual({ mechanism: "PLAIN", username: "alice", password: 's3cr"et' });
    expect(kafkajsConfig(plain).sasl).toEqual({ mechanism: "plain", username: "alice", password: 's3cr"et' });
    expect(platformaticOptions(plain).sasl).toEqual({ mechanism: "PLAIN", username: "alice", password: 's3cr"et' });
    const scram = connectionSettings({ "security.protocol": "SASL_SSL", "sasl.mechanism": "SCRAM-SHA-512", "sasl.jaas.config": jaas }, "c");
    expect(kafkajsConfig(scram)).toMatchObject({ ssl: true, sasl: { mechanism: "scram-sha-512", username: "alice" } });
    expect(platformaticOptions(scram)).toMatchObject({ tls: {}, sasl: { mechanism: "SCRAM-SHA-512", username: "alice" } });
  });

  it("refuses SASL without credentials or with a mechanism Tributary lacks, naming the key", () => {
    expect(() => connectionSettings({ "security.protocol": "SASL_PLAINTEXT" }, "c")).toThrow(/"sasl\.jaas\.config" must set username/);
    expect(() => connectionSettings({ "security.protocol": "SASL_PLAINTEXT", "sasl.mechanism": "GSSAPI", "sasl.jaas.config": 'x username="a" password="b";' }, "c")).toThrow(
      WorkerConfigError,
    );
  });

  it("builds TLS options from PEM files and inline PEM, and refuses JKS stores", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "tls-"));
    writeFileSync(path.join(dir, "ca.pem"), "-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----\n");
    const connection = connectionSettings(
      {
        "security.protocol": "SSL",
        "ssl.truststore.type": "PEM",
        "ssl.truststore.location": path.join(dir, "ca.pem"),
        "ssl.keystore.certificate.chain": "CERT",
        "ssl.keystore.key": "KEY",
        "ssl.key.password": "pw",
        "ssl.endpoint.identification.algorithm": "",
      },
      "c",
    );
    const tls = connection.tls as { ca: string; cert: string; key: string; passphrase: string; checkServerIdentity: () => undefined };
    expect(tls.ca).toContain("BEGIN CERTIFICATE");
    expect(tls).toMatchObject({ cert: "CERT", key: "KEY", passphrase: "pw" });
    expect(typeof tls.checkServerIdentity).toBe("function");
    expect(kafkajsConfig(connection).ssl).toBe(tls);
    expect(platformaticOptions(connection).tls).toBe(tls);
    expect(() => connectionSettings({ "security.protocol": "SSL", "ssl.truststore.location": "/x.jks" }, "c")).toThrow(/Tributary reads PEM only/);
  });

  it("layers the worker's keys, then its producer.* keys, then the connector's overrides", () => {
    const worker = { originals: { "bootstrap.servers": "x:1", acks: "1", "producer.compression.type": "lz4", "consumer.fetch.max.wait.ms": "9" }, settings: { "bootstrap.servers": ["a:9092"] } };
    const producer = layeredClientSettings(worker, "producer", { "linger.ms": "5" });
    expect(producer).toMatchObject({ "bootstrap.servers": "a:9092", acks: "1", "compression.type": "lz4", "linger.ms": "5" });
    expect(producer["fetch.max.wait.ms"]).toBeUndefined();
    expect(layeredClientSettings(worker)["compression.type"]).toBeUndefined();
  });
});
