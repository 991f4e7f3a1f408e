import { CSRF_HEADER, type Principal } from "@/server/contracts/auth";
import { TributaryError } from "@/server/errors/tributary-error";
import { authModeOf } from "@/server/console/auth/auth-mode";
import { ANONYMOUS_GRANTS, type Authenticated, type AuthService } from "@/server/console/auth/auth-service";
import { readyAuth } from "@/server/console/auth/auth-slot";
import { authorize } from "@/server/console/auth/authorize";
import { endpointAccess } from "@/server/console/auth/endpoint-access";
import { safeEqual } from "@/server/console/auth/secrets";
import { clientAddress, readCookie, SESSION_COOKIE } from "@/server/http/auth-cookies";
import { connectErrorResponse, consoleErrorResponse } from "@/server/http/errors";

/** What the gate decided: refuse with `refusal`, or go on as `principal` (none for a public endpoint nobody signed in to). */
export type GateOutcome = { refusal: Response } | { refusal?: undefined; principal?: Principal };

type Surface = "connect" | "console" | "page";

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/** Sign-in endpoints, exempt from the CSRF check (a stale cookie must not block signing in; the Origin guard covers them). */
const SIGN_IN = new Set(["POST /api/console/session", "POST /api/console/setup"]);

function authOff(): boolean {
  try {
    return authModeOf(process.env) === "off";
  } catch {
    return false;
  }
}

function surfaceOf(pathname: string): Surface {
  if (/^\/api\/connect(\/|$)/.test(pathname) || pathname === "/metrics") return "connect";
  if (/^\/api(\/|$)/.test(pathname)) return "console";
  return "page";
}

function refuse(surface: Surface, error: TributaryError): Response {
  if (surface === "console") return consoleErrorResponse(error);
  const response = connectErrorResponse(error);
  if (surface === "connect" && response.status === 401) response.headers.set("www-authenticate", 'Basic realm="Tributary"');
  if (surface === "page") {
    return new Response(`${response.status} ${error.message}\n`, { status: response.status, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  return response;
}

function required(): TributaryError {
  return new TributaryError("auth.required", "Sign in first: this endpoint needs a session, an API token (Authorization: Bearer …) or Basic credentials.", {
    suggestion: "Sign in at /login, or send an API token in the Authorization header.",
  });
}

/** A redirect to the sign-in page; absolute, on the request's own origin, because Next refuses relative `Location`s from its proxy. */
function toLogin(url: URL): Response {
  const location = new URL(`/login?next=${encodeURIComponent(url.pathname + url.search)}`, url.origin);
  return new Response(null, { status: 307, headers: { location: location.href, "cache-control": "no-store" } });
}

async function identify(service: AuthService, request: Request): Promise<Authenticated | undefined> {
  return service.authenticate({
    sessionSecret: readCookie(request, SESSION_COOKIE),
    authorization: request.headers.get("authorization"),
    address: clientAddress(request),
  });
}

/**
 * The console's authentication and role check for one request, after the request guard and
 * before any handler (called by `proxy.ts` only): authenticates (session cookie, bearer token,
 * Basic), checks the role endpointAccess() requires against the caller's grants, and for a write
 * made with a session cookie the `x-csrf-token` header. Refusals are in the shape of the API
 * asked: 401 (`WWW-Authenticate: Basic` on the Connect API and `/metrics`) without valid
 * credentials, a redirect to `/login?next=…` for a page, 403 `auth.forbidden` naming the role
 * needed, 403 `auth.csrf`, 429 `auth.throttled`, 503 while starting. Public endpoints always pass,
 * with the caller's principal when valid credentials came along. Never throws.
 */
export async function authGate(request: Request): Promise<GateOutcome> {
  const url = new URL(request.url);
  const method = request.method.toUpperCase();
  const access = endpointAccess(method, url.pathname);
  const surface = surfaceOf(url.pathname);
  let service: AuthService;
  try {
    service = await readyAuth();
  } catch (error) {
    if (access.role === "public") return {};
    // With login off nobody is asked who they are: no need to wait for the service (the console's pages work while it starts).
    if (authOff()) return { principal: { user: "anonymous", via: "none", grants: ANONYMOUS_GRANTS, address: clientAddress(request) } };
    return { refusal: refuse(surface, error as TributaryError) };
  }
  let who: Authenticated | undefined;
  try {
    who = await identify(service, request);
  } catch (error) {
    if (access.role === "public") return {};
    if (error instanceof TributaryError) return { refusal: refuse(surface, error) };
    return { refusal: refuse(surface, new TributaryError("runtime.not_ready", "Sign-in failed unexpectedly; retry.", { retriable: true })) };
  }
  if (access.role === "public") return { principal: who?.principal };
  if (!who) return { refusal: surface === "page" && (method === "GET" || method === "HEAD") ? toLogin(url) : refuse(surface, required()) };
  if (who.csrfToken !== undefined && UNSAFE.has(method) && !SIGN_IN.has(`${method} ${url.pathname}`)) {
    const sent = request.headers.get(CSRF_HEADER) ?? "";
    if (!safeEqual(sent, who.csrfToken)) {
      return {
        refusal: refuse(surface, new TributaryError("auth.csrf", `This ${method} came with the session cookie but without the session's CSRF token in the ${CSRF_HEADER} header.`, {
          suggestion: `Send the value of the tributary_csrf cookie (or GET /api/console/session's csrfToken) in the ${CSRF_HEADER} header, or use an API token instead of the cookie.`,
        })),
      };
    }
  }
  const decision = authorize(who.principal.grants, access);
  if (!decision.allowed) {
    return { refusal: refuse(surface, new TributaryError("auth.forbidden", decision.message, { suggestion: "Ask an admin for that role." })) };
  }
  return { principal: who.principal };
}
