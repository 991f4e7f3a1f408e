import { ROLES, type Grant, type Role } from "@/server/contracts/auth";

/*
 * Pure grant rules, imported by the server (server/console/auth) and by the console in the
 * browser (components/auth), so both decide "may this user do that" the same way.
 */

/** Rank of a role: viewer 0 < operator 1 < editor 2 < admin 3. */
export function roleRank(role: Role): number {
  return ROLES.indexOf(role);
}

/** Whether connector name `name` matches `pattern`, where `*` matches any run of characters (none included). */
export function patternMatches(pattern: string, name: string): boolean {
  if (pattern === "*") return true;
  const parts = pattern.split("*");
  if (parts.length === 1) return pattern === name;
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  if (!name.startsWith(first) || name.length < first.length + last.length || !name.endsWith(last)) return false;
  let at = first.length;
  const end = name.length - last.length;
  for (const middle of parts.slice(1, -1)) {
    const found = name.indexOf(middle, at);
    if (found < 0 || found + middle.length > end) return false;
    at = found + middle.length;
  }
  return true;
}

function strongest(grants: readonly Grant[]): Role | undefined {
  let best: Role | undefined;
  for (const grant of grants) if (best === undefined || roleRank(grant.role) > roleRank(best)) best = grant.role;
  return best;
}

/** The strongest role `grants` give on connector `name`, or undefined when none covers it. */
export function roleOn(grants: readonly Grant[], name: string): Role | undefined {
  return strongest(grants.filter((grant) => patternMatches(grant.connectors, name)));
}

/** The strongest role granted on all connectors (pattern `*`): what counts for topics, DLQs and the cluster. */
export function roleOnAll(grants: readonly Grant[]): Role | undefined {
  return strongest(grants.filter((grant) => grant.connectors === "*"));
}

/** The strongest role granted on any pattern. */
export function roleOnAny(grants: readonly Grant[]): Role | undefined {
  return strongest(grants);
}

/** Whether `held` (possibly none) is at least `needed`. */
export function atLeast(held: Role | undefined, needed: Role): boolean {
  return held !== undefined && roleRank(held) >= roleRank(needed);
}
