"use client";

import { healthTone } from "@/components/connectors/connector-health";
import { StatusDot } from "@/components/ui/status-dot";
import { connectorHealth, healthCounts, type Health } from "@/server/contracts/connector-health";
import type { ExpandedConnectors } from "@/server/contracts/connect";

const ORDER: readonly Health[] = ["healthy", "degraded", "failed", "paused", "stopped", "unassigned"];

/**
 * How many connectors are healthy, degraded, failed, paused and stopped (and unassigned, when
 * any are), from the same health derivation as the connectors list, so the Overview, the Workers
 * page and the list always count alike. A definition list with one coloured dot per health.
 */
export function HealthCounts({ connectors, label }: { connectors: ExpandedConnectors; label: string }) {
  const counts = healthCounts(Object.values(connectors).map(({ status }) => connectorHealth(status)));
  const shown = ORDER.filter((health) => health !== "unassigned" || counts.unassigned > 0);
  return (
    <dl aria-label={label} className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400">
      {shown.map((health) => (
        <div key={health} className="flex items-center gap-1.5">
          <dt className="order-2">{health}</dt>
          <dd className="order-1 flex items-center gap-1.5 font-medium text-zinc-900 tabular-nums dark:text-zinc-100">
            <StatusDot tone={counts[health] > 0 ? healthTone(health) : "neutral"} />
            {counts[health]}
          </dd>
        </div>
      ))}
    </dl>
  );
}
