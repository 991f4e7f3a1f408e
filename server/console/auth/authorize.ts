import type { Grant, Role } from "@/server/contracts/auth";
import { atLeast, roleOn, roleOnAll, roleOnAny } from "@/server/console/auth/grants";
import type { EndpointAccess } from "@/server/console/auth/endpoint-access";

/** The outcome of a role check: allowed, or refused with a sentence naming the role and scope needed. */
export type Decision = { allowed: true } | { allowed: false; message: string };

const article = (role: Role) => (role === "admin" || role === "editor" || role === "operator" ? "an" : "a");

/**
 * Whether `grants` allow a request with access rule `access` (endpoint-access.ts): public always;
 * `connector` scope needs the role on that connector, `all` the role on `*`, `any` and `body` the
 * role on some pattern (a create's handler then checks the connector it names, with
 * mayActOnConnector). Pure; the proxy calls it for every request.
 */
export function authorize(grants: readonly Grant[], access: EndpointAccess): Decision {
  const role = access.role;
  if (role === "public") return { allowed: true };
  const scope = access.scope;
  const held = scope.kind === "connector" ? roleOn(grants, scope.name) : scope.kind === "all" ? roleOnAll(grants) : roleOnAny(grants);
  if (atLeast(held, role)) return { allowed: true };
  const where =
    scope.kind === "connector"
      ? `on connector '${scope.name.slice(0, 200)}'`
      : scope.kind === "all"
        ? "on all connectors (`*`)"
        : "on some connectors";
  return { allowed: false, message: `This needs the ${role} role ${where}; you ${held ? `are ${article(held)} ${held}` : "have no role"} there.` };
}

/** Whether `grants` give at least `role` on connector `name`: the create handler's check of the connector its body names. */
export function mayActOnConnector(grants: readonly Grant[], name: string, role: Role): Decision {
  return authorize(grants, { role, scope: { kind: "connector", name } });
}
