import { connectErrorResponse } from "@/server/http/errors";
import { readyRuntime, currentRuntime } from "@/server/runtime/runtime-slot";
import { projectHome } from "@/server/config/project-home";
import { sourceCommit, VERSION } from "@/server/version";

/** One Kafka Connect REST route: method, path segments (`:name` captures) and its handler. */
interface Route {
  method: string;
  path: string[];
  handle: (request: Request, params: Record<string, string>) => Promise<Response>;
}

/** Thrown-free JSON response helper with Connect's content type. */
function json(body: unknown, status = 200): Response {
  return Response.json(body, { status });
}

const routes: Route[] = [
  {
    method: "GET",
    path: [],
    handle: async () => {
      const runtime = await readyRuntime();
      return json({ version: VERSION, commit: sourceCommit(projectHome()), kafka_cluster_id: runtime.health().kafka.clusterId });
    },
  },
  {
    method: "GET",
    path: ["health"],
    handle: async () => {
      const runtime = currentRuntime();
      if (runtime?.health().ready) {
        return json({ status: "healthy", message: "Worker has completed startup and is ready to handle requests." });
      }
      return json({ status: "starting", message: "Worker is still starting up." }, 503);
    },
  },
];

function match(pattern: string[], segments: string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const part = pattern[i]!;
    if (part.startsWith(":")) params[part.slice(1)] = decodeURIComponent(segments[i]!);
    else if (part !== segments[i]) return undefined;
  }
  return params;
}

/**
 * Answers one Kafka Connect REST request. `segments` is the path below the API root (the app's
 * `/api/connect`, the headless worker's `/`), without empty segments, so a trailing `/` is
 * accepted as Connect accepts it. The one implementation behind both listeners.
 * Never throws: every failure becomes Connect's `{error_code, message}`.
 */
export async function handleConnectRequest(request: Request, segments: string[]): Promise<Response> {
  const candidates = routes.map((route) => ({ route, params: match(route.path, segments) })).filter((c) => c.params);
  if (candidates.length === 0) return json({ error_code: 404, message: "HTTP 404 Not Found" }, 404);
  const hit = candidates.find((c) => c.route.method === request.method);
  if (!hit) return json({ error_code: 405, message: "HTTP 405 Method Not Allowed" }, 405);
  try {
    return await hit.route.handle(request, hit.params!);
  } catch (error) {
    return connectErrorResponse(error);
  }
}
