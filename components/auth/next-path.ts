/** Where the console goes after signing in when `next` is missing or unsafe. */
export const DEFAULT_NEXT = "/connectors";

const ORIGIN = "http://console.invalid";

/**
 * The `next` query parameter of `/login` made safe to navigate to: a same-site relative path
 * (`/connectors/orders?tab=1`) is returned as it is; anything else (an absolute or
 * protocol-relative URL, `/\evil`, a path with control characters, `/login` itself, empty or
 * missing) gives `DEFAULT_NEXT`. Pure; guards against open redirects.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || /[\\\u0000-\u001f\u007f]/.test(next)) return DEFAULT_NEXT;
  let url: URL;
  try {
    url = new URL(next, ORIGIN);
  } catch {
    return DEFAULT_NEXT;
  }
  if (url.origin !== ORIGIN || url.pathname === "/login") return DEFAULT_NEXT;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in page's URL that comes back to `current` (a path with its query) afterwards. */
export function loginHref(current: string): string {
  const next = safeNextPath(current);
  return next === DEFAULT_NEXT && current !== DEFAULT_NEXT ? "/login" : `/login?next=${encodeURIComponent(next)}`;
}
