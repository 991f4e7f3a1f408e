import { readFileSync } from "node:fs";
import type { ConnectionOptions } from "node:tls";
import { WorkerConfigError } from "@/server/config/worker-config";

/** A SASL mechanism both clients support. */
export type SaslMechanism = "PLAIN" | "SCRAM-SHA-256" | "SCRAM-SHA-512";

/**
 * How to reach and authenticate to the cluster, read once from Kafka Connect's client settings
 * and then shaped for each client library (kafkajs-options.ts, platformatic-options.ts).
 */
export interface ConnectionSettings {
  clientId: string;
  /** `host:port` entries, listener prefixes (`PLAINTEXT://`) removed. */
  brokers: string[];
  connectTimeoutMs: number;
  requestTimeoutMs: number;
  retryBackoffMs: number;
  /** TLS options, `true` for TLS with the system's trust store, absent for plaintext. */
  tls?: ConnectionOptions | true;
  sasl?: { mechanism: SaslMechanism; username: string; password: string };
}

/**
 * Reads the connection part of Kafka Connect client settings (the layered settings of one client,
 * as strings under Kafka's own names).
 *
 * Supported: `bootstrap.servers` (a `PLAINTEXT://`-style prefix is dropped), `client.id`,
 * `security.protocol`, `sasl.mechanism` PLAIN and SCRAM-SHA-256/512 with a `sasl.jaas.config`
 * holding `username` and `password`, TLS from PEM (`ssl.truststore.certificates`,
 * `ssl.keystore.certificate.chain`, `ssl.keystore.key`, `ssl.key.password`, or `*.location`
 * files with `*.type=PEM`), `ssl.endpoint.identification.algorithm` (empty disables the host
 * check), `request.timeout.ms`, `socket.connection.setup.timeout.ms`, `retry.backoff.ms`.
 * Anything else needed to connect that Tributary cannot do (JKS stores, GSSAPI) throws
 * WorkerConfigError naming the key.
 */
export function connectionSettings(settings: Readonly<Record<string, string>>, clientId: string): ConnectionSettings {
  const protocol = settings["security.protocol"] ?? "PLAINTEXT";
  const connection: ConnectionSettings = {
    clientId: settings["client.id"] || clientId,
    brokers: (settings["bootstrap.servers"] ?? "localhost:9092")
      .split(",")
      .map((server) => server.trim().replace(/^[A-Za-z_]+:\/\//, ""))
      .filter(Boolean),
    connectTimeoutMs: intOr(settings["socket.connection.setup.timeout.ms"], 10_000),
    requestTimeoutMs: intOr(settings["request.timeout.ms"], 30_000),
    retryBackoffMs: Math.max(intOr(settings["retry.backoff.ms"], 100), 50),
  };
  if (protocol === "SSL" || protocol === "SASL_SSL") connection.tls = tlsOptions(settings);
  if (protocol === "SASL_PLAINTEXT" || protocol === "SASL_SSL") connection.sasl = saslOptions(settings);
  return connection;
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

function saslOptions(settings: Readonly<Record<string, string>>): ConnectionSettings["sasl"] {
  const mechanism = (settings["sasl.mechanism"] ?? "PLAIN").toUpperCase();
  const jaas = settings["sasl.jaas.config"] ?? "";
  const username = jaasOption(jaas, "username");
  const password = jaasOption(jaas, "password");
  if (username === undefined || password === undefined) {
    throw new WorkerConfigError("sasl.jaas.config", `"sasl.jaas.config" must set username="…" and password="…" for SASL ${mechanism}`);
  }
  if (mechanism !== "PLAIN" && mechanism !== "SCRAM-SHA-256" && mechanism !== "SCRAM-SHA-512") {
    throw new WorkerConfigError("sasl.mechanism", `"sasl.mechanism" ${mechanism} is not supported; use PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512`);
  }
  return { mechanism, username, password };
}

/** The kinds of client whose settings the worker can set under a prefix (`producer.acks`). */
export type ClientKind = "producer" | "consumer" | "admin";

/**
 * Kafka Connect's layering of one client's settings: the worker's top-level keys, then its
 * `<kind>.*` keys with the prefix stripped (without `kind`, the top-level keys only), then
 * `overrides` (a connector's `producer.override.*` etc., already stripped and checked against the
 * override policy).
 */
export function layeredClientSettings(
  worker: { originals: Readonly<Record<string, string>>; settings: { "bootstrap.servers": string[] } },
  kind?: ClientKind,
  overrides: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const settings: Record<string, string> = { ...worker.originals, "bootstrap.servers": worker.settings["bootstrap.servers"].join(",") };
  if (kind) for (const [key, value] of Object.entries(worker.originals)) if (key.startsWith(`${kind}.`)) settings[key.slice(kind.length + 1)] = value;
  return { ...settings, ...overrides };
}
