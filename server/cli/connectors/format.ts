import type { Offsets, PluginInfo } from "@/server/cli/connectors/responses";
import type { ConnectorInfo, ConnectorStateInfo, ExpandedConnectors } from "@/server/contracts/connect";

/**
 * Aligns rows under a header: columns padded to their widest cell and separated by two spaces,
 * trailing spaces trimmed. Returns the lines, each ending with a newline.
 */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)));
  return [header, ...rows]
    .map((row) => `${row.map((cell, column) => cell.padEnd(widths[column]!)).join("  ").trimEnd()}\n`)
    .join("");
}

/** `connectors list`: NAME, TYPE, STATE, TASKS (running/total), sorted by name; a line when there are none. */
export function formatList(connectors: ExpandedConnectors): string {
  const names = Object.keys(connectors).sort();
  if (names.length === 0) return "No connectors.\n";
  const rows = names.map((name) => {
    const { status, info } = connectors[name]!;
    const tasks = status ? `${status.tasks.filter((task) => task.state === "RUNNING").length}/${status.tasks.length}` : "-";
    return [name, status?.type ?? info?.type ?? "-", status?.connector.state ?? "-", tasks];
  });
  return table(["NAME", "TYPE", "STATE", "TASKS"], rows);
}

/** `get`, `create`, `update`: the connector's name, type and task ids, then its config. */
export function formatInfo(info: ConnectorInfo): string {
  const tasks = info.tasks.length > 0 ? info.tasks.map((task) => String(task.task)).join(", ") : "none";
  const summary = table(["NAME", "TYPE", "TASKS"], [[info.name, info.type, tasks]]);
  return `${summary}\n${formatConfig(info.config)}`;
}

/** `config`: one KEY VALUE row per key, sorted by key. */
export function formatConfig(config: Record<string, string>): string {
  const keys = Object.keys(config).sort();
  return table(["KEY", "VALUE"], keys.map((key) => [key, config[key]!]));
}

/**
 * `status` (and a restart's 202 plan): the connector's state and worker, then one row per task
 * with its state, worker and the first line of its trace.
 */
export function formatStatus(status: ConnectorStateInfo): string {
  const { connector } = status;
  const summary = table(["CONNECTOR", "TYPE", "STATE", "WORKER", "TRACE"], [
    [status.name, status.type, connector.state, connector.worker_id, firstLine(connector.trace)],
  ]);
  if (status.tasks.length === 0) return `${summary}\nNo tasks.\n`;
  const rows = status.tasks.map((task) => [String(task.id), task.state, task.worker_id, firstLine(task.trace)]);
  return `${summary}\n${table(["TASK", "STATE", "WORKER", "TRACE"], rows)}`;
}

/** `offsets`: one row per source partition (or topic partition for sinks), both as compact JSON. */
export function formatOffsets(offsets: Offsets): string {
  if (offsets.offsets.length === 0) return "No offsets.\n";
  return table(
    ["PARTITION", "OFFSET"],
    offsets.offsets.map((entry) => [JSON.stringify(entry.partition), JSON.stringify(entry.offset)]),
  );
}

/** `plugins`: CLASS, TYPE, VERSION in the API's order. */
export function formatPlugins(plugins: PluginInfo[]): string {
  return table(["CLASS", "TYPE", "VERSION"], plugins.map((plugin) => [plugin.class, plugin.type, plugin.version ?? "-"]));
}

function firstLine(trace: string | undefined): string {
  return trace?.split(/\r?\n/, 1)[0]?.trim() ?? "";
}
