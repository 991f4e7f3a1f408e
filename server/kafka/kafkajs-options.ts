import type { KafkaConfig, SASLOptions } from "kafkajs";
import type { ConnectionSettings } from "@/server/kafka/connection-settings";
import { kafkaLogCreator, kafkaLogLevel } from "@/server/kafka/log-bridge";

const kafkajsMechanisms: Record<NonNullable<ConnectionSettings["sasl"]>["mechanism"], SASLOptions["mechanism"]> = {
  PLAIN: "plain",
  "SCRAM-SHA-256": "scram-sha-256",
  "SCRAM-SHA-512": "scram-sha-512",
};

/** kafkajs client options for one connection: brokers, timeouts, TLS, SASL, our log bridge. */
export function kafkajsConfig(connection: ConnectionSettings): KafkaConfig {
  const { sasl } = connection;
  return {
    clientId: connection.clientId,
    brokers: connection.brokers,
    connectionTimeout: connection.connectTimeoutMs,
    requestTimeout: connection.requestTimeoutMs,
    retry: { initialRetryTime: connection.retryBackoffMs, retries: 5 },
    logCreator: kafkaLogCreator,
    logLevel: kafkaLogLevel(),
    ...(connection.tls ? { ssl: connection.tls } : {}),
    ...(sasl ? { sasl: { mechanism: kafkajsMechanisms[sasl.mechanism], username: sasl.username, password: sasl.password } as SASLOptions } : {}),
  };
}
