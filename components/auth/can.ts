import { atLeast, roleOn, roleOnAll, roleOnAny } from "@/server/contracts/auth-grants";
import type { BulkActionKind } from "@/components/queries/bulk-actions";
import type { Grant, Role, SessionInfo } from "@/server/contracts/auth";

/** What a user may want to do, as the console's buttons ask: read, operate (pause, resume, restart, stop), edit (create, change, delete, offsets, DLQ replay and purge), administer users. */
export type Action = "view" | "operate" | "edit" | "admin";

/** The role each action needs, as server/console/auth/endpoint-access.ts lists per endpoint. */
const ROLE_FOR: Readonly<Record<Action, Role>> = { view: "viewer", operate: "operator", edit: "editor", admin: "admin" };

/** Target of an action that is not one connector: every connector and what is tied to none (topics, DLQs, the cluster, users); the role must be granted on `*`. */
export const ALL: unique symbol = Symbol("all connectors");

/** What an action applies to: a connector's name, `ALL`, or undefined for "any connector pattern" (creating a connector, reading the console). */
export type Target = string | typeof ALL | undefined;

/** Whether an action is allowed, and when it is not, why, in words a disabled button's tooltip can show. */
export type Permission = { allowed: true } | { allowed: false; reason: string };

const ALLOWED: Permission = { allowed: true };

function where(target: Target): string {
  if (target === ALL) return "all connectors (*)";
  if (target === undefined) return "at least one connector pattern";
  return target;
}

/**
 * Whether the session may take `action` on `target`, by the server's rules: the strongest grant
 * covering the connector (or granted on `*` for `ALL`, on any pattern for undefined) must be at
 * least the action's role. With login off everyone is an admin; an unknown session (still
 * loading, or unreadable) is allowed too, since the server decides in the end and the console
 * must not lock a user out on a failed read. Pure.
 */
export function can(session: SessionInfo | undefined, action: Action, target?: Target): Permission {
  if (session === undefined || session.auth === "off") return ALLOWED;
  if (session.user === null) return { allowed: false, reason: "Sign in first" };
  const grants = session.user.grants;
  const held = target === ALL ? roleOnAll(grants) : target === undefined ? roleOnAny(grants) : roleOn(grants, target);
  const needed = ROLE_FOR[action];
  return atLeast(held, needed) ? ALLOWED : { allowed: false, reason: `Needs the ${needed} role on ${where(target)}` };
}

/** A user's grants in a few words for the top bar: "admin", or "viewer on *, editor on orders-*"; "no role" when none. */
export function roleSummary(grants: readonly Grant[]): string {
  if (grants.length === 0) return "no role";
  if (grants.length === 1 && grants[0]!.connectors === "*") return grants[0]!.role;
  return grants.map((grant) => `${grant.role} on ${grant.connectors}`).join(", ");
}

/** The first refusal among `permissions` (so its reason names the connector), or allowed when all are (or there are none). Pure. */
export function allOf(permissions: readonly Permission[]): Permission {
  return permissions.find((permission) => !permission.allowed) ?? ALLOWED;
}

/** A refused permission's reason, for a disabled control's `title`; undefined when allowed. */
export function reasonOf(permission: Permission): string | undefined {
  return permission.allowed ? undefined : permission.reason;
}

/** The action each bulk (and palette) connector action is: pause, resume and restart operate, delete edits. */
export const BULK_ACTION: Readonly<Record<BulkActionKind, Action>> = { pause: "operate", resume: "operate", restart: "operate", delete: "edit" };
