import type { ConnectorOverview } from "@/server/contracts/metrics";

const BUSIEST = 5;

/** Connectors that need attention: failed themselves, with a failed task, or with errors in the last 15 minutes. */
export function failingConnectors(connectors: ConnectorOverview[]): ConnectorOverview[] {
  return connectors
    .filter((c) => c.state === "FAILED" || c.tasks.failed > 0 || c.recentErrors > 0)
    .sort((a, b) => Number(b.state === "FAILED") - Number(a.state === "FAILED") || b.tasks.failed - a.tasks.failed || b.recentErrors - a.recentErrors);
}

/** The connectors moving the most records (in plus out per second), busiest first; idle ones are left out. */
export function busiestConnectors(connectors: ConnectorOverview[], limit = BUSIEST): ConnectorOverview[] {
  return connectors
    .filter((c) => c.recordsIn + c.recordsOut > 0)
    .sort((a, b) => b.recordsIn + b.recordsOut - (a.recordsIn + a.recordsOut))
    .slice(0, limit);
}
