import { z } from "zod";
import { jsonBodyOf } from "@/components/queries/json-body";
import { apiFetch, type ApiFetchOptions } from "@/components/queries/api-fetch";

/** The error body of every console endpoint (DESIGN §4): `{error_code, message, code, suggestion?}`. */
const consoleErrorSchema = z.object({ error_code: z.number(), message: z.string(), code: z.string(), suggestion: z.string().optional() });

/** A non-2xx answer of a console endpoint: status, the stable dotted `code`, and the server's suggestion when it has one. */
export class ConsoleApiError extends Error {
  override readonly name = "ConsoleApiError";

  constructor(
    readonly status: number,
    message: string,
    readonly code: string,
    readonly suggestion?: string,
  ) {
    super(message);
  }
}

/** The parsed body of a console answer, or a `ConsoleApiError` thrown for a non-2xx status. */
async function consoleBodyOf(response: Response): Promise<unknown> {
  const body = await jsonBodyOf(response);
  if (!response.ok) {
    const parsed = consoleErrorSchema.safeParse(body);
    if (!parsed.success) throw new ConsoleApiError(response.status, `HTTP ${response.status}`, "internal");
    throw new ConsoleApiError(response.status, parsed.data.message, parsed.data.code, parsed.data.suggestion);
  }
  return body;
}

/**
 * GETs `/api/console{path}` (POSTs `postJson` as JSON when given) and resolves with the parsed
 * JSON body, through `apiFetch` (CSRF header on writes; a 401 goes to the sign-in page). Rejects
 * with `ConsoleApiError` (the body's message, code and suggestion, or "HTTP <status>") on any
 * non-2xx status; network errors and aborts reject as `fetch` does. Browser only.
 */
export async function consoleRequest(path: string, signal?: AbortSignal, postJson?: unknown): Promise<unknown> {
  const post = postJson === undefined ? {} : { method: "POST", body: JSON.stringify(postJson), headers: { accept: "application/json", "content-type": "application/json" } };
  return consoleBodyOf(await apiFetch(`/api/console${path}`, { cache: "no-store", headers: { accept: "application/json" }, signal, ...post }));
}

/**
 * Sends `method` to `/api/console{path}` with `body` as JSON when given, and resolves with the
 * parsed answer (undefined for a 204). Same errors and CSRF handling as `consoleRequest`;
 * `options.signInOn401: false` keeps a 401 (wrong credentials) from leaving the page. Browser only.
 */
export async function consoleSend(method: "POST" | "PUT" | "DELETE", path: string, body?: unknown, options?: ApiFetchOptions): Promise<unknown> {
  const headers: Record<string, string> = { accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }) };
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return consoleBodyOf(await apiFetch(`/api/console${path}`, { method, cache: "no-store", headers, body: payload }, options));
}
