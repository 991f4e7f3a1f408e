import type { AuditLog } from "@/server/console/audit/audit-log";

/**
 * The process's one AuditLog, on `globalThis` under a `Symbol.for` key for the same reason as the
 * runtime's slot: the composition root builds it in instrumentation's module graph, route
 * handlers read it from theirs.
 */
const KEY = Symbol.for("tributary.audit-log");

type Global = typeof globalThis & { [KEY]?: AuditLog };

/** Makes `log` the one route handlers find; replaces an earlier one (tests). */
export function installAuditLog(log: AuditLog): void {
  (globalThis as Global)[KEY] = log;
}

/** The installed log, or undefined in a process that keeps none (the headless distributed worker, tests). */
export function currentAuditLog(): AuditLog | undefined {
  return (globalThis as Global)[KEY];
}

/** Removes the installed log. */
export function uninstallAuditLog(): void {
  delete (globalThis as Global)[KEY];
}
