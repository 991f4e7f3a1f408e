import { statusOf } from "@/server/http/errors";
import { readyRuntime, RuntimeNotReadyError } from "@/server/runtime/runtime-slot";

/**
 * Whether a connector page has a connector to show, for the page to answer 404 when it has
 * none: false when the Herder does not know `name`; true when it does, and also when the runtime
 * is not ready yet (the page then loads and reports what it finds itself). Other errors are thrown.
 */
export async function connectorPageExists(name: string): Promise<boolean> {
  try {
    await (await readyRuntime()).herder.connectorInfo(name);
    return true;
  } catch (error) {
    if (error instanceof RuntimeNotReadyError) return true;
    if (statusOf(error) === 404) return false;
    throw error;
  }
}
