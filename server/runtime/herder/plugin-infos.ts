import { TributaryError } from "@/server/errors/tributary-error";
import { configKeyInfo, type ConfigDef } from "@/server/plugins/api/config-def";
import type { Connector } from "@/server/plugins/api/connector";
import type { ConverterConfigKey } from "@/server/plugins/api/converter";
import type { ConfigKeyInfo, PluginInfo } from "@/server/runtime/herder/herder-types";
import { connectorConfigDef } from "@/server/runtime/plugins/connector-config-def";
import type { PluginRegistry } from "@/server/runtime/plugins/plugin-registry";

/** `GET /connector-plugins`: connectors only, or every kind in Kafka's order; `version` and `description` left out when unknown. */
export function pluginInfos(registry: PluginRegistry, connectorsOnly: boolean): PluginInfo[] {
  const kinds = connectorsOnly ? (["source", "sink"] as const) : undefined;
  return registry.list(kinds).map((p) => ({ class: p.className, type: p.kind, ...(p.version ? { version: p.version } : {}), ...(p.description ? { description: p.description } : {}) }));
}

/**
 * `GET /connector-plugins/{p}/config`: the keys a plugin of any kind declares: a connector's
 * own keys then the framework's (as Kafka Connect 4.1 answers), another plugin's ConfigDef or
 * plain key list (converters). 404 `plugin.not_found` for an
 * unknown name, 400 `plugin.invalid_kind` for a plugin that declares no configuration.
 */
export function pluginConfigKeys(registry: PluginRegistry, pluginName: string): ConfigKeyInfo[] {
  const plugin = registry.find(["source", "sink", "converter", "header_converter", "transformation", "predicate"], pluginName);
  if (!plugin) throw new TributaryError("plugin.not_found", `Unknown plugin ${pluginName}.`);
  const instance = new plugin.plugin() as { config?: () => ConfigDef | readonly ConverterConfigKey[] };
  if (plugin.kind === "source" || plugin.kind === "sink") return [...connectorConfigDef(registry, plugin, instance as Connector, "connector-first").configKeys().values()].map(configKeyInfo);
  if (typeof instance.config !== "function") throw new TributaryError("plugin.invalid_kind", `Plugin ${pluginName} has no configuration definition.`);
  const config = instance.config();
  if (!Array.isArray(config)) return [...(config as ConfigDef).configKeys().values()].map(configKeyInfo);
  return (config as readonly ConverterConfigKey[]).map((key, index) => ({
    name: key.name,
    type: key.type,
    required: false,
    default_value: key.default === null || key.default === undefined ? null : String(key.default),
    importance: key.importance,
    documentation: key.documentation,
    group: null,
    order: index + 1,
    width: "NONE",
    display_name: key.name,
    dependents: [],
  })) as ConfigKeyInfo[];
}
