import type { SessionInfo } from "@/server/contracts/auth";
import { loginRequestSchema, setupRequestSchema } from "@/server/contracts/auth-api";
import { TributaryError } from "@/server/errors/tributary-error";
import { ANONYMOUS_GRANTS, type SignedIn } from "@/server/console/auth/auth-service";
import { readyAuth } from "@/server/console/auth/auth-slot";
import { principalOf } from "@/server/console/auth/principal";
import { clearedCookies, clientAddress, readCookie, SESSION_COOKIE, sessionCookies } from "@/server/http/auth-cookies";
import { readBody } from "@/server/http/connect/body";
import { consoleErrorResponse } from "@/server/http/errors";

/**
 * Signing in and out (`/api/console/session`) and the first admin's set-up
 * (`/api/console/setup`). Public endpoints: the proxy lets them through without credentials.
 * Errors in the console's shape; a new session's secret goes only into its HttpOnly cookie.
 */

const noStore = { "cache-control": "no-store" };

function signedIn(request: Request, result: SignedIn, status: 200 | 201): Response {
  const headers = new Headers(noStore);
  for (const value of sessionCookies(request, result.session)) headers.append("set-cookie", value);
  return Response.json({ user: result.user }, { status, headers });
}

function loginOff(): TributaryError {
  return new TributaryError("auth.off", "Login is off on this console (TRIBUTARY_AUTH=off, or it listens on loopback only): everyone acts as admin.");
}

/**
 * `GET /api/console/session`: SessionInfo: login on or off, who is signed in (by the session
 * cookie, with its CSRF token; else the token or Basic caller the proxy found), whether set-up is pending.
 */
export async function sessionInfoResponse(request: Request): Promise<Response> {
  try {
    const auth = await readyAuth();
    if (auth.mode === "off") {
      const info: SessionInfo = { auth: "off", user: { name: "anonymous", grants: ANONYMOUS_GRANTS }, setupRequired: false };
      return Response.json(info, { headers: noStore });
    }
    const secret = readCookie(request, SESSION_COOKIE);
    const who = secret ? await auth.authenticate({ sessionSecret: secret, authorization: null, address: clientAddress(request) }) : undefined;
    // A token or Basic caller, as the proxy authenticated it.
    const principal = who?.principal ?? principalOf(request);
    const info: SessionInfo = {
      auth: "on",
      user: principal ? { name: principal.user, grants: principal.grants } : null,
      setupRequired: await auth.setupRequired(),
      ...(who?.csrfToken ? { csrfToken: who.csrfToken } : {}),
    };
    return Response.json(info, { headers: noStore });
  } catch (error) {
    return consoleErrorResponse(error);
  }
}

/** `POST /api/console/session` `{username, password}`: 200 `{user}` with the session and CSRF cookies; 401, 429; 409 `auth.off`. */
export async function loginResponse(request: Request): Promise<Response> {
  try {
    const auth = await readyAuth();
    if (auth.mode === "off") throw loginOff();
    const body = await readBody(request, loginRequestSchema);
    return signedIn(request, await auth.login(body.username, body.password, clientAddress(request)), 200);
  } catch (error) {
    return consoleErrorResponse(error);
  }
}

/** `DELETE /api/console/session`: 204; ends the session (if any) and clears both cookies. */
export async function logoutResponse(request: Request): Promise<Response> {
  try {
    const auth = await readyAuth();
    await auth.logout(readCookie(request, SESSION_COOKIE));
    const headers = new Headers(noStore);
    for (const value of clearedCookies(request)) headers.append("set-cookie", value);
    return new Response(null, { status: 204, headers });
  } catch (error) {
    return consoleErrorResponse(error);
  }
}

/** `POST /api/console/setup` `{username, password, setupCode}`: 201 `{user}`, signed in; 409 `auth.setup_done`; 403 `auth.setup_code`; 400. */
export async function setupResponse(request: Request): Promise<Response> {
  try {
    const auth = await readyAuth();
    const body = await readBody(request, setupRequestSchema);
    return signedIn(request, await auth.setup(body.username, body.password, body.setupCode, clientAddress(request)), 201);
  } catch (error) {
    return consoleErrorResponse(error);
  }
}
