import { AuthenticationError, GenericError, TimeoutError } from "@platformatic/kafka";
import kafkajs from "kafkajs";
import { messageOf, TributaryError } from "@/server/errors/tributary-error";

// kafkajs adds its error classes to module.exports by spreading, which Node's ESM named-export
// detection cannot see; take them from the default export.
const { KafkaJSError, KafkaJSNonRetriableError, KafkaJSProtocolError } = kafkajs;
type KafkaJSError = InstanceType<typeof KafkaJSError>;

/**
 * A Kafka client failure in Tributary's terms, whichever client library raised it. `code` is
 * `kafka.<kind>` (`kafka.connection`, `kafka.timeout`, `kafka.authentication`), for an error the
 * broker answered `kafka.<broker error name in lower case>` (`kafka.unknown_topic_or_partition`);
 * `retriable` is the client's own verdict on the underlying error, kept across retry wrappers.
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

function kafkaError(kind: string, message: string, retriable: boolean, cause: unknown): KafkaError {
  const code = `kafka.${kind}`;
  return new KafkaError(code, message, { retriable, suggestion: suggestions[code], cause });
}

function kafkajsKind(error: KafkaJSError): string {
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

/** A kafkajs retry wrapper (NumberOfRetriesExceeded, NonRetriableError with a cause) unwrapped to the error that made it give up. */
function translateKafkajs(error: KafkaJSError): KafkaError {
  let root: KafkaJSError = error;
  while (root instanceof KafkaJSNonRetriableError && root.cause instanceof KafkaJSError) root = root.cause;
  return kafkaError(kafkajsKind(root), root.message, root.retriable, error);
}

type PlatformaticError = Error & { code?: string; apiId?: string; canRetry?: boolean; serverErrorMessage?: string | null; errors?: unknown[] };

/**
 * The error that decided a @platformatic/kafka failure: a retry aggregate ("produce failed 3
 * times") or a response aggregate (one error per partition) stands for its last, most telling
 * member; a broker's answer is preferred over the network error that may follow it.
 */
function decisive(error: PlatformaticError): PlatformaticError {
  const members = (error.errors ?? []).filter((member): member is PlatformaticError => member instanceof Error);
  if (members.length === 0) return error;
  const answered = members.findLast((member) => decisive(member).apiId !== undefined);
  return decisive(answered ?? members[members.length - 1]!);
}

/**
 * The kind and retriability of @platformatic/kafka's decisive error. Unlike the library, a
 * request timeout counts as retriable (as Kafka's TimeoutException does): the caller may resend,
 * at the price of a possible duplicate, never a loss.
 */
function platformaticVerdict(error: PlatformaticError): { kind: string; retriable: boolean } {
  if (error instanceof TimeoutError) return { kind: "timeout", retriable: true };
  if (error instanceof AuthenticationError) return { kind: "authentication", retriable: false };
  if (error.apiId) return { kind: error.apiId.toLowerCase(), retriable: error.canRetry === true };
  if (error.code === "PLT_KFK_NETWORK") return { kind: "connection", retriable: error.canRetry !== false };
  return { kind: "error", retriable: false };
}

function translatePlatformatic(error: PlatformaticError): KafkaError {
  const root = decisive(error);
  const message = root.serverErrorMessage ? `${root.message} (${root.serverErrorMessage})` : root.message;
  const { kind, retriable } = platformaticVerdict(root);
  return kafkaError(kind, message, retriable, error);
}

/**
 * Translates anything a kafkajs or @platformatic/kafka call threw into a KafkaError, so a broker
 * that is down reads `kafka.connection`, retriable, not "retries exceeded". Errors that are
 * already TributaryErrors pass through unchanged; anything else becomes `kafka.error`, not
 * retriable.
 */
export function translateKafkaError(error: unknown): TributaryError {
  if (error instanceof TributaryError) return error;
  if (error instanceof KafkaJSError) return translateKafkajs(error);
  if (error instanceof Error && GenericError.isGenericError(error)) return translatePlatformatic(error);
  return new KafkaError("kafka.error", messageOf(error), { cause: error });
}

/** Runs a Kafka client call and rethrows its failure translated. */
export async function kafkaCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw translateKafkaError(error);
  }
}
