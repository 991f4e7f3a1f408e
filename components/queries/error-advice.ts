import { ConnectApiError } from "@/components/queries/connector-api";
import { ConsoleApiError } from "@/components/queries/console-api";

/**
 * One sentence telling the operator what to do about a failed API call, to show after the API's
 * own message: the server's suggestion when it gave one, else advice by HTTP status (400
 * validation, 404 gone, 409 a rebalance or concurrent change, 5xx the runtime or Kafka); for a
 * request that got no answer at all, a check that the console's server runs. Undefined when
 * there is nothing useful to add.
 */
export function errorAdvice(error: unknown): string | undefined {
  if (error instanceof ConsoleApiError && error.suggestion) return error.suggestion;
  if (error instanceof ConsoleApiError && error.code.startsWith("kafka.")) return "Kafka did not answer: check that the brokers in bootstrap.servers are running and reachable, then try again.";
  if (error instanceof ConnectApiError || error instanceof ConsoleApiError) {
    if (error.status === 400) return "Nothing was changed: correct what the message names and try again.";
    if (error.status === 404) return "It may have been deleted in the meantime; reload the page to see the current list.";
    if (error.status === 409) return "Another change is under way, usually a worker rebalance. Wait a few seconds and try again.";
    if (error.status === 503) return "The Connect runtime is starting or cannot reach Kafka. Check the status in the top bar; try again once it is up.";
    if (error.status >= 500) return "The worker hit an unexpected error; its log has the details.";
    return undefined;
  }
  if (error instanceof TypeError) return "The console's server did not answer. Check that Tributary is still running.";
  return undefined;
}
