import { TributaryError } from "@/server/errors/tributary-error";
import { connectErrorResponse } from "@/server/http/errors";
import { json, type Route, type RouteContext } from "@/server/http/connect/route";
import { clusterRoutes } from "@/server/http/connect/routes/cluster";
import { connectorActionRoutes } from "@/server/http/connect/routes/connector-actions";
import { connectorRoutes } from "@/server/http/connect/routes/connectors";
import { loggerRoutes } from "@/server/http/connect/routes/loggers";
import { offsetRoutes } from "@/server/http/connect/routes/offsets";
import { pluginRoutes } from "@/server/http/connect/routes/plugins";
import { rootRoutes } from "@/server/http/connect/routes/root";
import { taskRoutes } from "@/server/http/connect/routes/tasks";
import { topicRoutes } from "@/server/http/connect/routes/topics";
import { withForwardHop } from "@/server/runtime/distributed/forwarding";
import type { Herder } from "@/server/runtime/herder/herder";

/** Every Kafka Connect REST endpoint of reference §1.2, and Tributary's cluster members. */
const routes: Route[] = [
  ...rootRoutes,
  ...connectorRoutes,
  ...connectorActionRoutes,
  ...taskRoutes,
  ...topicRoutes,
  ...offsetRoutes,
  ...pluginRoutes,
  ...loggerRoutes,
  ...clusterRoutes,
];

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    const shown = segment.length > 100 ? `${segment.slice(0, 100)}…` : segment;
    throw new TributaryError("request.invalid", `The path segment '${shown}' is not valid percent-encoding: write each byte as % and two hex digits, of UTF-8 text.`);
  }
}

/**
 * Splits the request path into the API root (`/api/connect` in the app, empty on the worker's
 * listener) and the route segments below it, percent-decoded once. The router is told how many
 * segments lie below the root; it reads them from the raw URL, because the app's framework hands
 * them over decoded and the listener raw. Segments that do not come from this URL are used as given.
 * Throws 400 `request.invalid` for a malformed percent-encoding.
 */
function splitPath(request: Request, segments: string[]): { root: string; segments: string[] } {
  const raw = new URL(request.url).pathname.split("/").filter(Boolean);
  if (raw.length < segments.length) return { root: "", segments };
  const rootLength = raw.length - segments.length;
  return { root: raw.slice(0, rootLength).map((segment) => `/${segment}`).join(""), segments: raw.slice(rootLength).map(decode) };
}

function match(pattern: string[], segments: string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const part = pattern[i]!;
    if (part.startsWith(":")) params[part.slice(1)] = segments[i]!;
    else if (part !== segments[i]) return undefined;
  }
  return params;
}

/**
 * Answers one Kafka Connect REST request: finds its route (404 `HTTP 404 Not Found` for an
 * unknown path, 405 with `Allow` for a known path and another method) and runs it. Never throws:
 * every failure becomes Connect's `{error_code, message}`. `getHerder` is called only by routes
 * that need the control plane. The `forward` query parameter (a request another worker forwarded
 * here) is made known to the herder (withForwardHop).
 */
export async function routeConnectRequest(request: Request, segments: string[], getHerder: () => Promise<Herder>): Promise<Response> {
  let path: { root: string; segments: string[] };
  try {
    path = splitPath(request, segments);
  } catch (error) {
    return connectErrorResponse(error);
  }
  const candidates = routes.flatMap((route) => {
    const params = match(route.path, path.segments);
    return params ? [{ route, params }] : [];
  });
  if (candidates.length === 0) return json({ error_code: 404, message: "HTTP 404 Not Found" }, 404);
  const hit = candidates.find((candidate) => candidate.route.method === request.method);
  if (!hit) {
    const allow = candidates.map((candidate) => candidate.route.method).join(", ");
    return json({ error_code: 405, message: "HTTP 405 Method Not Allowed" }, 405, { allow });
  }
  const origin = new URL(request.url).origin;
  const context: RouteContext = {
    request,
    params: hit.params,
    query: new URL(request.url).searchParams,
    herder: getHerder,
    urlOf: (relative) => `${origin}${path.root}${relative}`,
  };
  try {
    return await withForwardHop(context.query.get("forward"), () => hit.route.handle(context), request.headers.get("authorization"));
  } catch (error) {
    return connectErrorResponse(error);
  }
}
