import { NextResponse } from "next/server";
import { encodePrincipal, PRINCIPAL_HEADER } from "@/server/console/auth/principal";
import { authGate } from "@/server/http/auth-gate";
import { guardResponse } from "@/server/http/request-guard";

/**
 * Every request but Next's own assets passes here, in one place, before any page or route
 * handler: first the request guard (malformed percent-encoding, foreign `Host` headers,
 * cross-site writes, oversized declared bodies; on with login off too), then the auth gate
 * (who is calling, may they, the CSRF token of cookie writes: server/http/auth-gate.ts). The
 * caller goes on to the handler in the `x-tributary-principal` header, set here only: a copy the
 * client sent is removed. Next 16 runs this in the Node runtime, in the server's own process,
 * so the gate reaches the AuthService the instrumentation hook put on globalThis.
 */
export async function proxy(request: Request): Promise<Response> {
  const refusal = guardResponse(request, process.env.HOST);
  if (refusal) return refusal;
  const outcome = await authGate(request);
  if (outcome.refusal) return outcome.refusal;
  const headers = new Headers(request.headers);
  headers.delete(PRINCIPAL_HEADER);
  if (outcome.principal) headers.set(PRINCIPAL_HEADER, encodePrincipal(outcome.principal));
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/((?!_next/|favicon.ico|icon.svg).*)"] };
