import { z } from "zod";
import { jsonBodyOf } from "@/components/queries/json-body";
import { apiFetch } from "@/components/queries/api-fetch";

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

/**
 * GETs `/api/console{path}` (POSTs `postJson` as JSON when given) and resolves with the parsed
 * JSON body, through `apiFetch` (CSRF header on writes; a 401 goes to the sign-in page). Rejects
 * with `ConsoleApiError` (the body's message, code and suggestion, or "HTTP <status>") on any
 * non-2xx status; network errors and aborts reject as `fetch` does. Browser only.
 */
export async function consoleRequest(path: string, signal?: AbortSignal, postJson?: unknown): Promise<unknown> {
  const post = postJson === undefined ? {} : { method: "POST", body: JSON.stringify(postJson), headers: { accept: "application/json", "content-type": "application/json" } };
  const response = await apiFetch(`/api/console${path}`, { cache: "no-store", headers: { accept: "application/json" }, signal, ...post });
  const body = await jsonBodyOf(response);
  if (!response.ok) {
    const parsed = consoleErrorSchema.safeParse(body);
    if (!parsed.success) throw new ConsoleApiError(response.status, `HTTP ${response.status}`, "internal");
    throw new ConsoleApiError(response.status, parsed.data.message, parsed.data.code, parsed.data.suggestion);
  }
  return body;
}
