import { loginHref } from "@/components/auth/next-path";
import { CSRF_HEADER } from "@/server/contracts/auth";

/** The cookie the server sets beside the session cookie; readable by scripts, its value is the CSRF token. */
export const CSRF_COOKIE = "tributary_csrf";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The value of cookie `name` in a `document.cookie` string, or undefined when absent or empty. */
export function cookieValue(cookies: string, name: string): string | undefined {
  for (const part of cookies.split(";")) {
    const at = part.indexOf("=");
    if (at < 0 || part.slice(0, at).trim() !== name) continue;
    const raw = part.slice(at + 1).trim();
    try {
      return decodeURIComponent(raw) || undefined;
    } catch {
      return raw || undefined;
    }
  }
  return undefined;
}

/**
 * The headers a request sends: `headers`, plus `x-csrf-token` (the `tributary_csrf` cookie's
 * value) when `method` changes something (POST, PUT, PATCH, DELETE, …) and the cookie is
 * present. Pure: `cookies` is `document.cookie`.
 */
export function withCsrf(method: string, headers: Record<string, string>, cookies: string): Record<string, string> {
  if (SAFE_METHODS.has(method.toUpperCase())) return headers;
  const token = cookieValue(cookies, CSRF_COOKIE);
  return token === undefined ? headers : { ...headers, [CSRF_HEADER]: token };
}

/** Options of `apiFetch` beyond `fetch`'s own. */
export interface ApiFetchOptions {
  /**
   * Whether a 401 sends the browser to the sign-in page (default true). The session and set-up
   * calls turn it off: their 401 means wrong credentials, shown by the form.
   */
  signInOn401?: boolean;
}

/**
 * `fetch` for every console API call made from the browser (components/queries only): adds the
 * CSRF header to writes and, when the server answers 401 (no session, or it expired), sends the
 * browser to `/login?next=<current page>` (unless it is already there). Resolves with the
 * response either way, so the caller's error handling still runs; network errors and aborts
 * reject as `fetch` does. Browser only.
 */
export async function apiFetch(url: string, init: RequestInit & { headers?: Record<string, string> } = {}, options: ApiFetchOptions = {}): Promise<Response> {
  const headers = withCsrf(init.method ?? "GET", init.headers ?? {}, document.cookie);
  const response = await fetch(url, { ...init, headers });
  if (response.status === 401 && options.signInOn401 !== false && window.location.pathname !== "/login") {
    window.location.assign(loginHref(`${window.location.pathname}${window.location.search}`));
  }
  return response;
}
