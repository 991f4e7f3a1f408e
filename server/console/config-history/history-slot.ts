import type { ConfigHistory } from "@/server/console/config-history/config-history";

/**
 * The process's one ConfigHistory, on `globalThis` under a `Symbol.for` key for the same reason
 * as the runtime's slot: the composition root builds it in instrumentation's module graph, route
 * handlers read it from theirs.
 */
const KEY = Symbol.for("tributary.config-history");

type Global = typeof globalThis & { [KEY]?: ConfigHistory };

/** Makes `history` the one route handlers find; replaces an earlier one (tests). */
export function installConfigHistory(history: ConfigHistory): void {
  (globalThis as Global)[KEY] = history;
}

/** The installed history, or undefined in a process that keeps none (the headless distributed worker, tests). */
export function currentConfigHistory(): ConfigHistory | undefined {
  return (globalThis as Global)[KEY];
}

/** Removes the installed history. */
export function uninstallConfigHistory(): void {
  delete (globalThis as Global)[KEY];
}
