import { routeConnectRequest } from "@/server/http/connect/router";
import type { Herder } from "@/server/runtime/herder/herder";
import { readyRuntime } from "@/server/runtime/runtime-slot";

/**
 * Answers one Kafka Connect REST request. `segments` is the path below the API root (the app's
 * `/api/connect`, the headless worker's `/`), without empty segments, so a trailing `/` is
 * accepted as Connect accepts it. Never throws: every failure becomes Connect's
 * `{error_code, message}`.
 */
export type ConnectHandler = (request: Request, segments: string[]) => Promise<Response>;

/**
 * Builds the Kafka Connect REST API on the Herder `getHerder` resolves (called per request that
 * needs it; a rejection with `runtime.not_ready` is answered 503). Tests pass a fake Herder.
 */
export function createConnectHandler(getHerder: () => Promise<Herder>): ConnectHandler {
  return (request, segments) => routeConnectRequest(request, segments, getHerder);
}

/**
 * The Kafka Connect REST API of this process's Runtime: the one implementation behind both the
 * app's `/api/connect/[[...path]]` route and the headless worker's listener.
 */
export const handleConnectRequest: ConnectHandler = createConnectHandler(async () => (await readyRuntime()).herder);
