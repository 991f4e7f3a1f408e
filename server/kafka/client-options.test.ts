import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { kafkaConfigFrom } from "@/server/kafka/client-options";
import { WorkerConfigError } from "@/server/config/worker-config";

describe("kafkajs options from Kafka Connect client settings", () => {
  it("takes bootstrap servers with or without a listener prefix, and the client id", () => {
    const config = kafkaConfigFrom({ "bootstrap.servers": "PLAINTEXT://a:9092, b:9093", "client.id": "mine", "request.timeout.ms": "1234" }, "fallback");
    expect(config.brokers).toEqual(["a:9092", "b:9093"]);
    expect(config.clientId).toBe("mine");
    expect(config.requestTimeout).toBe(1234);
    expect(config.ssl).toBeUndefined();
    expect(config.sasl).toBeUndefined();
  });

  it("reads SASL/PLAIN and SCRAM credentials from sasl.jaas.config", () => {
    const jaas = 'org.apache.kafka.common.security.plain.PlainLoginModule required username="alice" password="s3cr\\"et";';
    expect(kafkaConfigFrom({ "security.protocol": "SASL_PLAINTEXT", "sasl.jaas.config": jaas }, "c").sasl).toEqual({ mechanism: "plain", username: "alice", password: 's3cr"et' });
    const scram = kafkaConfigFrom({ "security.protocol": "SASL_SSL", "sasl.mechanism": "SCRAM-SHA-512", "sasl.jaas.config": jaas }, "c");
    expect(scram.sasl).toMatchObject({ mechanism: "scram-sha-512", username: "alice" });
    expect(scram.ssl).toBe(true);
  });

  it("refuses SASL without credentials or with a mechanism kafkajs lacks, naming the key", () => {
    expect(() => kafkaConfigFrom({ "security.protocol": "SASL_PLAINTEXT" }, "c")).toThrow(/"sasl\.jaas\.config" must set username/);
    expect(() =>
      kafkaConfigFrom({ "security.protocol": "SASL_PLAINTEXT", "sasl.mechanism": "GSSAPI", "sasl.jaas.config": 'x username="a" password="b";' }, "c"),
    ).toThrow(WorkerConfigError);
  });

  it("builds TLS options from PEM files and inline PEM, and refuses JKS stores", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "tls-"));
    writeFileSync(path.join(dir, "ca.pem"), "-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----\n");
    const ssl = kafkaConfigFrom(
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
    ).ssl as { ca: string; cert: string; key: string; passphrase: string; checkServerIdentity: () => undefined };
    expect(ssl.ca).toContain("BEGIN CERTIFICATE");
    expect(ssl.cert).toBe("CERT");
    expect(ssl).toMatchObject({ key: "KEY", passphrase: "pw" });
    expect(typeof ssl.checkServerIdentity).toBe("function");
    expect(() => kafkaConfigFrom({ "security.protocol": "SSL", "ssl.truststore.location": "/x.jks" }, "c")).toThrow(/Tributary reads PEM only/);
  });
});
