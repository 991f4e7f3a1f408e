import { ConnectApiError } from "@/components/queries/connector-api";

/** A failed create or update as the form shows it: what the API said, and what to do next. */
export interface ServerErrorAdvice {
  message: string;
  advice: string;
}

/**
 * What to tell the user after `POST /connectors` or `PUT /connectors/{c}/config` failed, by
 * status: 400 the config was refused, 404 the connector is gone, 409 the name is taken or the
 * cluster is rebalancing, 500 the worker failed, 503 it is still starting; an error that is not
 * an API answer means the console's server could not be reached.
 */
export function serverErrorAdvice(error: Error, action: "create" | "update"): ServerErrorAdvice {
  if (!(error instanceof ConnectApiError)) {
    return { message: error.message, advice: "The console's server did not answer. Check that Tributary is running, then try again." };
  }
  const { message, status } = error;
  switch (status) {
    case 400:
      return { message, advice: "Fix the values named above (the form marks them too), then try again." };
    case 404:
      return { message, advice: "The connector was deleted meanwhile. Copy this config from the JSON view and create the connector again." };
    case 409:
      return /already exists/i.test(message)
        ? { message, advice: "Choose another name in Settings, or open the existing connector from the list." }
        : { message, advice: "The cluster is rebalancing. Wait a few seconds and try again; nothing was changed." };
    case 503:
      return { message, advice: "The worker is still starting. Try again in a few seconds." };
    default:
      return {
        message,
        advice: status >= 500 ? `The worker could not ${action} the connector. Its log has the cause; fix it there, then try again.` : "Check the config, then try again.",
      };
  }
}
