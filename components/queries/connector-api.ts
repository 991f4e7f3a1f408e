import { connectErrorSchema } from "@/server/contracts/connect";
import { jsonBodyOf } from "@/components/queries/json-body";
import { apiFetch } from "@/components/queries/api-fetch";

/** A non-2xx answer of the Kafka Connect REST API: the HTTP status and the API's own `message`. */
export class ConnectApiError extends Error {
  override readonly name = "ConnectApiError";

  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The REST path of one connector (`/connectors/{c}`), with the name URL-encoded. */
export function connectorPath(name: string): string {
  return `/connectors/${encodeURIComponent(name)}`;
}

/**
 * Calls `/api/connect{path}` (with `body` sent as JSON when given) and resolves with the parsed
 * JSON body, or `undefined` for an empty answer (202/204), through `apiFetch` (CSRF header on
 * writes; a 401 goes to the sign-in page). Rejects with `ConnectApiError` carrying
 * the API's `message` (or "HTTP <status>") on any non-2xx status; network errors and aborts
 * reject as `fetch` does. Browser only.
 */
export async function connectRequest(
  path: string,
  init: { method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"; body?: unknown; signal?: AbortSignal } = {},
): Promise<unknown> {
  const headers: Record<string, string> = { accept: "application/json", ...(init.body === undefined ? {} : { "content-type": "application/json" }) };
  const payload = init.body === undefined ? undefined : JSON.stringify(init.body);
  const response = await apiFetch(`/api/connect${path}`, { method: init.method ?? "GET", cache: "no-store", headers, body: payload, signal: init.signal });
  const body = await jsonBodyOf(response);
  if (!response.ok) {
    const parsed = connectErrorSchema.safeParse(body);
    throw new ConnectApiError(response.status, parsed.success ? parsed.data.message : `HTTP ${response.status}`);
  }
  return body;
}
