import kafkajs from "kafkajs";
import { messageOf, TributaryError } from "@/server/errors/tributary-error";

// kafkajs adds its error classes to module.exports by spreading, which Node's ESM named-export
// detection cannot see; take them from the default export.
const { KafkaJSError, KafkaJSNonRetriableError, KafkaJSProtocolError } = kafkajs;
type KafkaJSError = InstanceType<typeof KafkaJSError>;

/**
 * A Kafka client failure in Tributary's terms. `code` is `kafka.<kind>`, for a protocol error
 * `kafka.<broker error name in lower case>` (`kafka.unknown_topic_or_partition`); `retriable`
 * is kafkajs' own verdict for the underlying error, kept across its retry wrappers.
 */
export class KafkaError extends TributaryError {
  override name = "KafkaError";
}

const suggestions: Record<string, string> = {
  "kafka.connection": "Check bootstrap.servers and that the brokers are running and reachable.",
  "kafka.authentication": "Check sasl.mechanism and the credentials in sasl.jaas.config.",
  "kafka.topic_authorization_failed": "Grant this principal access to the topic.",
  "kafka.group_authorization_failed": "Grant this principal access to the consumer group.",
};

function kind(error: KafkaJSError): string {
  if (error instanceof KafkaJSProtocolError) return error.type.toLowerCase();
  switch (error.name) {
    case "KafkaJSConnectionError":
    case "KafkaJSConnectionClosedError":
    case "KafkaJSBrokerNotFound":
      return "connection";
    case "KafkaJSRequestTimeoutError":
    case "KafkaJSTimeout":
      return "timeout";
    case "KafkaJSSASLAuthenticationError":
      return "authentication";
    default:
      return error.name.replace(/^KafkaJS/, "").replace(/([a-z])([A-Z])/g, "$1_$2").toLowerCase() || "error";
  }
}

/**
 * Translates anything a kafkajs call threw into a KafkaError. A kafkajs retry wrapper
 * (NumberOfRetriesExceeded, NonRetriableError with a cause) is unwrapped to the error that made
 * it give up, so a broker that is down reads `kafka.connection`, retriable, not "retries
 * exceeded". Errors that are already TributaryErrors pass through unchanged.
 */
export function translateKafkaError(error: unknown): TributaryError {
  if (error instanceof TributaryError) return error;
  if (!(error instanceof KafkaJSError)) {
    return new KafkaError("kafka.error", messageOf(error), { cause: error });
  }
  let root: KafkaJSError = error;
  while (root instanceof KafkaJSNonRetriableError && root.cause instanceof KafkaJSError) root = root.cause;
  const code = `kafka.${kind(root)}`;
  return new KafkaError(code, root.message, {
    retriable: root.retriable,
    suggestion: suggestions[code],
    cause: error,
  });
}

/** Runs a kafkajs call and rethrows its failure translated. */
export async function kafkaCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw translateKafkaError(error);
  }
}
