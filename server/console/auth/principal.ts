import { principalSchema, type Principal } from "@/server/contracts/auth";

/**
 * The request header in which the proxy hands the authenticated caller to route handlers: the
 * Principal as base64url JSON. The proxy removes any copy a client sent before it sets its own, so
 * a handler can trust it.
 */
export const PRINCIPAL_HEADER = "x-tributary-principal";

/** The header value carrying `principal`. */
export function encodePrincipal(principal: Principal): string {
  return Buffer.from(JSON.stringify(principal), "utf8").toString("base64url");
}

/**
 * The caller of `request` as the proxy established it, or undefined when no proxy did (the
 * headless worker's listener without login, in-process calls, unit tests). Undefined also for a
 * header that does not decode to a Principal.
 */
export function principalOf(request: Request): Principal | undefined {
  const value = request.headers.get(PRINCIPAL_HEADER);
  if (!value) return undefined;
  try {
    const parsed = principalSchema.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
