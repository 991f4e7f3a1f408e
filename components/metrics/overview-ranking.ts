import { connectorHealth, type Health } from "@/server/contracts/connector-health";
import type { ExpandedConnectors } from "@/server/contracts/connect";
import type { ConnectorOverview } from "@/server/contracts/metrics";

const BUSIEST = 5;

/** A connector that needs attention: its health (the one derivation every screen uses), its failed tasks and recent errors. */
export interface AttentionRow {
  name: string;
  health: Health;
  reason: string;
  failedTasks: number;
  tasks: number;
  recentErrors: number;
}

const SEVERITY: Record<Health, number> = { failed: 0, degraded: 1, unassigned: 2, paused: 3, stopped: 4, healthy: 5 };

/**
 * Connectors that need attention: failed or degraded by their status, or with record errors in
 * the last 15 minutes (from `figures`); the most severe first, then by failed tasks and errors.
 */
export function connectorsNeedingAttention(connectors: ExpandedConnectors, figures: readonly ConnectorOverview[]): AttentionRow[] {
  const errors = new Map(figures.map((figure) => [figure.name, figure.recentErrors]));
  return Object.entries(connectors)
    .map(([name, { status }]): AttentionRow => {
      const { health, reason } = connectorHealth(status);
      return {
        name,
        health,
        reason,
        failedTasks: status?.tasks.filter((task) => task.state === "FAILED").length ?? 0,
        tasks: status?.tasks.length ?? 0,
        recentErrors: errors.get(name) ?? 0,
      };
    })
    .filter((row) => row.health === "failed" || row.health === "degraded" || row.recentErrors > 0)
    .sort((a, b) => SEVERITY[a.health] - SEVERITY[b.health] || b.failedTasks - a.failedTasks || b.recentErrors - a.recentErrors || a.name.localeCompare(b.name));
}

/** The connectors moving the most records (in plus out per second), busiest first; idle ones are left out. */
export function busiestConnectors(connectors: ConnectorOverview[], limit = BUSIEST): ConnectorOverview[] {
  return connectors
    .filter((c) => c.recordsIn + c.recordsOut > 0)
    .sort((a, b) => b.recordsIn + b.recordsOut - (a.recordsIn + a.recordsOut))
    .slice(0, limit);
}
