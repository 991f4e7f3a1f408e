import { ConfigDef, type ConfigKey } from "@/server/plugins/api/config-def";
import { SinkConnector, type Connector } from "@/server/plugins/api/connector";
import { sinkConnectorConfigDef, sourceConnectorConfigDef, type PluginVersions } from "@/server/runtime/connector-config";
import type { PluginDescriptor, PluginRegistry } from "@/server/runtime/plugins/plugin-registry";

/**
 * Where a connector's own keys go beside the framework's: first in `GET
 * /connector-plugins/{p}/config` (Kafka Connect's `connectorPluginConfig`), last in the validate
 * answer (its `validateConnectorConfig`). Either way the connector's definition of a key wins a clash.
 */
export type KeyOrder = "connector-first" | "framework-first";

function copy(target: ConfigDef, key: ConfigKey): void {
  target.define({ ...key, default: key.hasDefault ? key.defaultValue : undefined });
}

/** The installed versions of the connector and of the converters `config` names (when they are known plugins). */
function versionsOf(registry: PluginRegistry, descriptor: PluginDescriptor, config: Readonly<Record<string, string | null>>): PluginVersions {
  const converter = (key: string, kinds: Array<"converter" | "header_converter">) => {
    const name = config[key];
    return name ? registry.find(kinds, name)?.version : undefined;
  };
  return {
    connector: descriptor.version,
    keyConverter: converter("key.converter", ["converter"]),
    valueConverter: converter("value.converter", ["converter"]),
    headerConverter: converter("header.converter", ["header_converter"]),
  };
}

/**
 * The whole definition of a connector plugin's config: its own keys and the framework's (sink
 * or source, with the installed plugin versions as Kafka Connect 4.1 offers them), in `order`.
 * `connector` is an instance of the descriptor's plugin; `config`, when given, names the
 * converters whose versions to offer. Pure; builds a new ConfigDef per call.
 */
export function connectorConfigDef(
  registry: PluginRegistry,
  descriptor: PluginDescriptor,
  connector: Connector,
  order: KeyOrder,
  config: Readonly<Record<string, string | null>> = {},
): ConfigDef {
  const versions = versionsOf(registry, descriptor, config);
  const framework = connector instanceof SinkConnector ? sinkConnectorConfigDef(versions) : sourceConnectorConfigDef(versions);
  const own = connector.config().configKeys();
  const def = new ConfigDef();
  if (order === "connector-first") {
    for (const key of own.values()) copy(def, key);
    for (const key of framework.configKeys().values()) if (!own.has(key.name)) copy(def, key);
    return def;
  }
  for (const key of framework.configKeys().values()) copy(def, own.get(key.name) ?? key);
  for (const key of own.values()) if (!def.configKeys().has(key.name)) copy(def, key);
  return def;
}
