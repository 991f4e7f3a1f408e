import { TributaryError } from "@/server/errors/tributary-error";
import type { Herder } from "@/server/runtime/herder/herder";

/** What a route handler gets for one request; built by the router, one per request. */
export interface RouteContext {
  request: Request;
  /** The `:name` captures of the route's path, percent-decoded once. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** The control plane; rejects with `runtime.not_ready` (503) while it is not running. */
  herder(): Promise<Herder>;
  /** The absolute URL of `path` (like `/connectors/x`) under this request's API root, for `Location`. */
  urlOf(path: string): string;
}

/**
 * One Kafka Connect REST route: method, path segments (`:name` captures) and its handler.
 * Handlers throw TributaryErrors for every refusal; the router turns them into Connect's
 * `{error_code, message}`.
 */
export interface Route {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string[];
  handle(context: RouteContext): Promise<Response>;
}

/** A JSON response with the given status (200 by default) and extra headers. */
export function json(body: unknown, status = 200, headers?: Record<string, string>): Response {
  return Response.json(body, { status, headers });
}

/** A response without a body: 202 for pause/resume/topic reset, 204 for stop, delete and restarts. */
export function empty(status: 202 | 204): Response {
  return new Response(null, { status });
}

/**
 * Reads boolean query parameter `name`: `true`/`false`, case-insensitive, `fallback` when absent.
 * Anything else is refused with 400 `request.invalid` (Kafka Connect would silently read false).
 */
export function queryFlag(query: URLSearchParams, name: string, fallback: boolean): boolean {
  const value = query.get(name);
  if (value === null) return fallback;
  const lower = value.toLowerCase();
  if (lower === "true" || lower === "false") return lower === "true";
  throw new TributaryError("request.invalid", `Query parameter '${name}' must be true or false, not '${value}'.`);
}
