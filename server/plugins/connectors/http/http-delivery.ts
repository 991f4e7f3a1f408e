import type { HttpSinkSettings } from "@/server/plugins/connectors/http/http-sink-config";

/** What one request came to: accepted, worth retrying (maybe after a wait the server asked for), or refused for good. */
export type Outcome = { kind: "ok" } | { kind: "retry"; reason: string; retryAfterMs: number | null } | { kind: "refused"; status: number; reason: string };

const BODY_IN_MESSAGE = 500;

/** Statuses after which the same request may pass later: 408, 429 and every 5xx. */
export function isRetriableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** `Retry-After` in seconds (or an HTTP date) as milliseconds, or null. */
function retryAfter(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

/**
 * Sends one request with the settings' method, URL and headers. Never throws: network errors
 * and timeouts are `retry` outcomes, 2xx `ok`, retriable statuses `retry`, other statuses
 * `refused` with the start of the response body in the reason. Messages never include request
 * headers (they may carry credentials).
 */
export async function deliver(settings: HttpSinkSettings, body: string, signal: AbortSignal): Promise<Outcome> {
  let response: Response;
  try {
    response = await fetch(settings.url, {
      method: settings.method,
      headers: settings.headers,
      body,
      signal: AbortSignal.any([signal, AbortSignal.timeout(settings.requestTimeoutMs)]),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { kind: "retry", reason: `${settings.method} ${settings.url.origin}${settings.url.pathname} failed: ${cause?.code ?? cause?.message ?? (error as Error).message}`, retryAfterMs: null };
  }
  const text = await response.text().catch(() => "");
  if (response.ok) return { kind: "ok" };
  const reason = `${settings.method} ${settings.url.origin}${settings.url.pathname} answered ${response.status} ${response.statusText}${text ? `: ${text.slice(0, BODY_IN_MESSAGE)}` : ""}`;
  if (isRetriableStatus(response.status)) return { kind: "retry", reason, retryAfterMs: retryAfter(response.headers.get("retry-after")) };
  return { kind: "refused", status: response.status, reason };
}
