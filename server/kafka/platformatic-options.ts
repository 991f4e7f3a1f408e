import type { BaseOptions } from "@platformatic/kafka";
import type { ConnectionSettings } from "@/server/kafka/connection-settings";

/**
 * @platformatic/kafka client options for one connection: brokers, timeouts (`request.timeout.ms`
 * is both the socket wait for a response and the broker-side wait for acknowledgements), retry
 * back-off, TLS and SASL. Retries are left to each client, which knows what it may repeat.
 */
export function platformaticOptions(connection: ConnectionSettings): BaseOptions {
  const { sasl, tls } = connection;
  return {
    clientId: connection.clientId,
    bootstrapBrokers: connection.brokers,
    connectTimeout: connection.connectTimeoutMs,
    requestTimeout: connection.requestTimeoutMs,
    timeout: connection.requestTimeoutMs,
    retryDelay: connection.retryBackoffMs,
    ...(tls ? { tls: tls === true ? {} : tls } : {}),
    ...(sasl ? { sasl: { mechanism: sasl.mechanism, username: sasl.username, password: sasl.password } } : {}),
  };
}
