import { readFileSync } from "node:fs";
import type { ConnectionOptions } from "node:tls";
import type { KafkaConfig, SASLOptions } from "kafkajs";
import type { WorkerConfig } from "@/server/config/worker-config";
import { WorkerConfigError } from "@/server/config/worker-config";
import { kafkaLogCreator, kafkaLogLevel } from "@/server/kafka/log-bridge";

/**
 * Turns Kafka Connect client settings into kafkajs options. `settings` are the layered client
 * settings for one client (the worker's keys, later overlaid with `producer.*` / `consumer.*` /
 * `*.override.*`), as strings under Kafka's own names.
 *
 * Supported: `bootstrap.servers` (a `PLAINTEXT://`-style prefix is dropped), `client.id`,
 * `security.protocol`, `sasl.mechanism` PLAIN and SCRAM-SHA-256/512 with a `sasl.jaas.config`
 * holding `username` and `password`, TLS from PEM (`ssl.truststore.certificates`,
 * `ssl.keystore.certificate.chain`, `ssl.keystore.key`, `ssl.key.password`, or `*.location`
 * files with `*.type=PEM`), `ssl.endpoint.identification.algorithm` (empty disables the host
 * check), `request.timeout.ms`, `socket.connection.setup.timeout.ms`, `retry.backoff.ms`.
 * Anything kafkajs cannot do (JKS stores, GSSAPI) throws WorkerConfigError naming the key.
 */
export function kafkaConfigFrom(settings: Readonly<Record<string, string>>, clientId: string): KafkaConfig {
  const protocol = settings["security.protocol"] ?? "PLAINTEXT";
  const config: KafkaConfig = {
    clientId: settings["client.id"] || clientId,
    brokers: (settings["bootstrap.servers"] ?? "localhost:9092")
      .split(",")
      .map((server) => server.trim().replace(/^[A-Za-z_]+:\/\//, ""))
      .filter(Boolean),
    connectionTimeout: intOr(settings["socket.connection.setup.timeout.ms"], 10_000),
    requestTimeout: intOr(settings["request.timeout.ms"], 30_000),
    retry: { initialRetryTime: Math.max(intOr(settings["retry.backoff.ms"], 100), 50), retries: 5 },
    logCreator: kafkaLogCreator,
    logLevel: kafkaLogLevel(),
  };
  if (protocol === "SSL" || protocol === "SASL_SSL") config.ssl = tlsOptions(settings);
  if (protocol === "SASL_PLAINTEXT" || protocol === "SASL_SSL") config.sasl = saslOptions(settings);
  return config;
}

/** kafkajs options for the worker's own clients (health probe, internal topics). */
export function workerKafkaConfig(worker: WorkerConfig, clientId: string): KafkaConfig {
  return kafkaConfigFrom({ ...worker.originals, "bootstrap.servers": worker.settings["bootstrap.servers"].join(",") }, clientId);
}

function intOr(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && Number.isInteger(n) && n >= 0 ? n : fallback;
}

function pem(settings: Readonly<Record<string, string>>, inline: string, location: string, type: string): string | undefined {
  if (settings[inline]) return settings[inline];
  const file = settings[location];
  if (!file) return undefined;
  const storeType = (settings[type] ?? "JKS").toUpperCase();
  if (storeType !== "PEM") {
    throw new WorkerConfigError(type, `"${type}" is ${storeType}; Tributary reads PEM only: convert the store to PEM and set "${type}=PEM"`);
  }
  return readFileSync(file, "utf8");
}

function tlsOptions(settings: Readonly<Record<string, string>>): ConnectionOptions | true {
  const ca = pem(settings, "ssl.truststore.certificates", "ssl.truststore.location", "ssl.truststore.type");
  const cert = pem(settings, "ssl.keystore.certificate.chain", "ssl.keystore.location", "ssl.keystore.type");
  const key = settings["ssl.keystore.key"];
  const verifyHost = settings["ssl.endpoint.identification.algorithm"] !== "";
  if (!ca && !cert && !key && verifyHost) return true;
  return {
    ...(ca ? { ca } : {}),
    ...(cert ? { cert } : {}),
    ...(key ? { key, passphrase: settings["ssl.key.password"] } : {}),
    ...(verifyHost ? {} : { checkServerIdentity: () => undefined }),
  };
}

function jaasOption(jaas: string, name: string): string | undefined {
  const match = new RegExp(`\\b${name}\\s*=\\s*"((?:[^"\\\\]|\\\\.)*)"`).exec(jaas);
  return match?.[1]?.replace(/\\(.)/g, "$1");
}

function saslOptions(settings: Readonly<Record<string, string>>): SASLOptions {
  const mechanism = (settings["sasl.mechanism"] ?? "PLAIN").toUpperCase();
  const jaas = settings["sasl.jaas.config"] ?? "";
  const username = jaasOption(jaas, "username");
  const password = jaasOption(jaas, "password");
  if (username === undefined || password === undefined) {
    throw new WorkerConfigError("sasl.jaas.config", `"sasl.jaas.config" must set username="…" and password="…" for SASL ${mechanism}`);
  }
  switch (mechanism) {
    case "PLAIN":
      return { mechanism: "plain", username, password };
    case "SCRAM-SHA-256":
      return { mechanism: "scram-sha-256", username, password };
    case "SCRAM-SHA-512":
      return { mechanism: "scram-sha-512", username, password };
    default:
      throw new WorkerConfigError("sasl.mechanism", `"sasl.mechanism" ${mechanism} is not supported; use PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512`);
  }
}
