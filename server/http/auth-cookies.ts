import type { NewSession } from "@/server/console/auth/session-store";

/** The session cookie: the session's secret, HttpOnly. */
export const SESSION_COOKIE = "tributary_session";
/** The CSRF cookie: the session's CSRF token, readable by the console's scripts, which echo it in `x-csrf-token`. */
export const CSRF_COOKIE = "tributary_csrf";

/** The value of cookie `name` in `request`'s `Cookie` header, or undefined. */
export function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.get("cookie");
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return undefined;
}

/** Whether the client reached the server over HTTPS (directly, or as a proxy's `x-forwarded-proto` says). */
export function isHttps(request: Request): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return forwarded === "https" || new URL(request.url).protocol === "https:";
}

/** The client's address: `x-forwarded-for`'s first entry, else `x-real-ip`, else "". */
export function clientAddress(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return (forwarded || request.headers.get("x-real-ip")?.trim() || "").slice(0, 100);
}

function cookie(name: string, value: string, attributes: string[]): string {
  return [`${name}=${value}`, "Path=/", ...attributes].join("; ");
}

/**
 * The two `Set-Cookie` values of a new session: the session cookie (HttpOnly, SameSite=Lax) and
 * the CSRF cookie (SameSite=Strict), both `Secure` over HTTPS. Both last as long as the browser
 * session: the server ends the session after `TRIBUTARY_SESSION_TTL_HOURS` without use (sliding),
 * which a fixed cookie expiry set at sign-in would cut short.
 */
export function sessionCookies(request: Request, session: Pick<NewSession, "secret" | "csrfToken">): string[] {
  const secure = isHttps(request) ? ["Secure"] : [];
  return [cookie(SESSION_COOKIE, session.secret, ["HttpOnly", "SameSite=Lax", ...secure]), cookie(CSRF_COOKIE, session.csrfToken, ["SameSite=Strict", ...secure])];
}

/** `Set-Cookie` values that remove both cookies (sign-out). */
export function clearedCookies(request: Request): string[] {
  const secure = isHttps(request) ? ["Secure"] : [];
  const gone = ["Max-Age=0", "Expires=Thu, 01 Jan 1970 00:00:00 GMT"];
  return [cookie(SESSION_COOKIE, "", ["HttpOnly", "SameSite=Lax", ...gone, ...secure]), cookie(CSRF_COOKIE, "", ["SameSite=Strict", ...gone, ...secure])];
}
