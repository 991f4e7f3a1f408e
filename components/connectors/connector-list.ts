import { configuredTopics } from "@/components/connectors/connector-health";
import { connectorHealth, HEALTHS, type Health } from "@/server/contracts/connector-health";
import type { ExpandedConnectors } from "@/server/contracts/connect";

/** One row of the connectors list, everything it shows and filters on, derived once per render. */
export interface ConnectorRow {
  name: string;
  type: "source" | "sink" | "unknown";
  /** The full `connector.class`, or null when the info is not known. */
  pluginClass: string | null;
  health: Health;
  reason: string;
  running: number;
  failed: number;
  tasks: number;
  topics: string[];
  /** The first line of the first failure's trace (a task's, else the connector's), if any failed. */
  failure: string | null;
}

/** What the list is narrowed to: free text, a health ("all" for any) and a type. */
export interface ConnectorFilter {
  query: string;
  health: Health | "all";
  type: "source" | "sink" | "all";
}

/** The filter that shows everything. */
export const NO_FILTER: ConnectorFilter = { query: "", health: "all", type: "all" };

/** The plugin's short name: the class name's last segment (after the last `.`). */
export function pluginName(className: string | null): string {
  return className ? className.slice(className.lastIndexOf(".") + 1) : "—";
}

/** The rows of `GET /connectors?expand=status&expand=info`, unsorted. */
export function connectorRows(connectors: ExpandedConnectors): ConnectorRow[] {
  return Object.entries(connectors).map(([name, { status, info }]) => {
    const { health, reason } = connectorHealth(status);
    const trace = status?.tasks.find((task) => task.state === "FAILED")?.trace ?? (status?.connector.state === "FAILED" ? status.connector.trace : undefined);
    return {
      name,
      type: info?.type ?? status?.type ?? "unknown",
      pluginClass: info?.config["connector.class"] ?? null,
      health,
      reason,
      running: status?.tasks.filter((task) => task.state === "RUNNING").length ?? 0,
      failed: status?.tasks.filter((task) => task.state === "FAILED").length ?? 0,
      tasks: status?.tasks.length ?? 0,
      topics: configuredTopics(info?.config),
      failure: trace?.split("\n")[0] ?? null,
    };
  });
}

/**
 * The rows that pass `filter`: every word of `query` (case-insensitive) must appear in the
 * name, the plugin class or a topic; health and type must match unless "all".
 */
export function filterRows(rows: ConnectorRow[], filter: ConnectorFilter): ConnectorRow[] {
  const words = filter.query.toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter((row) => {
    if (filter.health !== "all" && row.health !== filter.health) return false;
    if (filter.type !== "all" && row.type !== filter.type) return false;
    const haystack = [row.name, row.pluginClass ?? "", ...row.topics].join(" ").toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

const names = new Intl.Collator("en", { numeric: true, sensitivity: "variant" });

/**
 * Natural order of connector names: runs of digits compare by value, so `sct-2` comes before
 * `sct-10`; otherwise case-insensitive first, and never 0 for two different names.
 */
export function naturalCompare(a: string, b: string): number {
  return names.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** What the list is sorted by: health (failed first), name, or throughput (busiest first). */
export type SortKey = "health" | "name" | "throughput";

/**
 * `rows` sorted by `by`, in natural name order within equal keys; a new array. "health": failed
 * first, then degraded, unassigned, paused, stopped, healthy. "throughput": highest records per
 * second in `rates` first, a connector without a rate counting as 0.
 */
export function sortRows(rows: ConnectorRow[], by: SortKey = "health", rates: ReadonlyMap<string, number> = new Map()): ConnectorRow[] {
  const health = (row: ConnectorRow) => HEALTHS.indexOf(row.health);
  const rate = (row: ConnectorRow) => rates.get(row.name) ?? 0;
  const key = by === "health" ? (a: ConnectorRow, b: ConnectorRow) => health(a) - health(b) : by === "throughput" ? (a: ConnectorRow, b: ConnectorRow) => rate(b) - rate(a) : () => 0;
  return [...rows].sort((a, b) => key(a, b) || naturalCompare(a.name, b.name));
}
