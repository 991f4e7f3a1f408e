import type { ConnectorStateInfo, TaskState } from "@/server/runtime/herder/herder-types";
import type { PluginRegistry } from "@/server/runtime/plugins/plugin-registry";

/**
 * The version of the connector plugin a config runs (its `connector.class`), as Kafka Connect 4.1
 * reports it in statuses; undefined for an unknown class or a plugin that declares none.
 */
export function connectorPluginVersion(registry: PluginRegistry, config: Readonly<Record<string, string>>): string | undefined {
  return registry.find(["source", "sink"], config["connector.class"] ?? "")?.version || undefined;
}

/** A task state with Kafka Connect 4.1's `version` (left out when unknown, as Connect leaves it out). */
export function taskStateWithVersion(state: TaskState, version: string | undefined): TaskState {
  return version === undefined ? state : { ...state, version };
}

/**
 * ConnectorStateInfo with Kafka Connect 4.1's `version` on the connector and on every task: the
 * plugin version running them (Tributary runs one version of each plugin, so tasks share it).
 * Pure; returns a new object.
 */
export function stateInfoWithVersions(info: ConnectorStateInfo, version: string | undefined): ConnectorStateInfo {
  if (version === undefined) return info;
  return { ...info, connector: { ...info.connector, version }, tasks: info.tasks.map((task) => taskStateWithVersion(task, version)) };
}
