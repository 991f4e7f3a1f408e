import { createTokenRequestSchema, createUserRequestSchema, updateUserRequestSchema } from "@/server/contracts/auth-api";
import type { Principal } from "@/server/contracts/auth";
import { TributaryError } from "@/server/errors/tributary-error";
import type { AuthService } from "@/server/console/auth/auth-service";
import { readyAuth } from "@/server/console/auth/auth-slot";
import { roleOnAll } from "@/server/console/auth/grants";
import { principalOf } from "@/server/console/auth/principal";
import { readBody } from "@/server/http/connect/body";
import { consoleErrorResponse } from "@/server/http/errors";

/**
 * Users (`/api/console/users`, admins only: the proxy checks the role) and API tokens
 * (`/api/console/tokens`: each user their own, admins everyone's). Answers never carry a
 * password, hash or token secret, except the new token in POST /tokens' 201. Errors in the
 * console's shape: 400 for bad bodies, 404, 409 `auth.last_admin`, `user.already_exists`.
 */

const noStore = { "cache-control": "no-store" };

async function answer(work: (auth: AuthService) => Promise<unknown>, status = 200): Promise<Response> {
  try {
    const result = await work(await readyAuth());
    return status === 204 ? new Response(null, { status, headers: noStore }) : Response.json(result, { status, headers: noStore });
  } catch (error) {
    return consoleErrorResponse(error);
  }
}

/** A path segment as a user name (decoded once by the framework); 404 for one no user can have. */
function userParam(name: string): string {
  if (!/^[A-Za-z0-9._@-]{1,64}$/.test(name)) throw new TributaryError("user.not_found", `User '${name.slice(0, 64)}' does not exist.`);
  return name;
}

/** `GET /api/console/users`: every user with grants, never hashes. */
export function listUsersResponse(): Promise<Response> {
  return answer(async (auth) => ({ users: await auth.admin.list() }));
}

/** `POST /api/console/users` `{name, password, grants}`: 201 the user. */
export function createUserResponse(request: Request): Promise<Response> {
  return answer(async (auth) => auth.admin.create(await readBody(request, createUserRequestSchema)), 201);
}

/** `PUT /api/console/users/{name}` `{password?, grants?, disabled?}`: 200 the user (a `name` in the body must match the path). */
export function updateUserResponse(request: Request, name: string): Promise<Response> {
  return answer(async (auth) => {
    const body = await readBody(request, updateUserRequestSchema);
    if (body.name !== undefined && body.name !== name) throw new TributaryError("request.invalid", `The body names user '${body.name}' but the path names '${name}'; a user cannot be renamed.`);
    return auth.admin.update(userParam(name), { password: body.password, grants: body.grants, disabled: body.disabled });
  });
}

/** `DELETE /api/console/users/{name}`: 204; the user's sessions and tokens go too. */
export function deleteUserResponse(name: string): Promise<Response> {
  return answer(async (auth) => auth.admin.delete(userParam(name)), 204);
}

/** The caller, who must be a signed-in user (tokens belong to users: none with login off). */
function caller(request: Request): Principal {
  const principal = principalOf(request);
  if (!principal || principal.via === "none") {
    throw new TributaryError("auth.off", "API tokens belong to users, and login is off on this console (TRIBUTARY_AUTH=off): no token is needed.", {
      suggestion: "Turn login on with TRIBUTARY_AUTH=on to use API tokens.",
    });
  }
  return principal;
}

const isAdmin = (principal: Principal) => roleOnAll(principal.grants) === "admin";

/** `GET /api/console/tokens`: the caller's tokens, or everyone's for an admin; never secrets. */
export function listTokensResponse(request: Request): Promise<Response> {
  return answer(async (auth) => {
    const principal = caller(request);
    return { tokens: await auth.tokens.list(isAdmin(principal) ? undefined : principal.user) };
  });
}

/** `POST /api/console/tokens` `{name, expiresInDays?}`: 201 `{id, name, token, expiresAt}`, the only time the token is shown. */
export function createTokenResponse(request: Request): Promise<Response> {
  return answer(async (auth) => {
    const principal = caller(request);
    const body = await readBody(request, createTokenRequestSchema);
    return auth.tokens.create(principal.user, body.name, body.expiresInDays);
  }, 201);
}

/** `DELETE /api/console/tokens/{id}`: 204; 404 for an unknown token or, for a non-admin, another user's. */
export function deleteTokenResponse(request: Request, id: string): Promise<Response> {
  return answer(async (auth) => {
    const principal = caller(request);
    await auth.tokens.delete(id, isAdmin(principal) ? undefined : principal.user);
  }, 204);
}
