import type { MetricsHistory } from "@/server/console/metrics/metrics-history";

/**
 * The process's one MetricsHistory, on `globalThis` under a `Symbol.for` key for the same reason
 * as the runtime's slot: Next compiles instrumentation (which builds it) and route handlers
 * (which read it) as separate module graphs.
 */
const KEY = Symbol.for("tributary.metrics-history");

type Global = typeof globalThis & { [KEY]?: MetricsHistory };

/** Makes `history` the one route handlers find; replaces an earlier one (tests). */
export function installMetricsHistory(history: MetricsHistory): void {
  (globalThis as Global)[KEY] = history;
}

/** The installed history, or undefined in a process that runs none (tests, tools). */
export function currentMetricsHistory(): MetricsHistory | undefined {
  return (globalThis as Global)[KEY];
}

/** Removes the installed history (after it was stopped). */
export function uninstallMetricsHistory(): void {
  delete (globalThis as Global)[KEY];
}
