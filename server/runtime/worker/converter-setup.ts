import { TributaryError } from "@/server/errors/tributary-error";
import type { Converter, HeaderConverter } from "@/server/plugins/api/converter";
import type { PluginRegistry } from "@/server/runtime/plugins/plugin-registry";
import type { TaskConverters } from "@/server/runtime/worker/record-converters";

/** The keys under `prefix.` with the prefix removed. */
export function withPrefix(config: Readonly<Record<string, string>>, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(config)) if (key.startsWith(`${prefix}.`)) out[key.slice(prefix.length + 1)] = value;
  return out;
}

/**
 * Builds one task's converters as Kafka Connect does: a connector that sets `key.converter`
 * (`value.converter`, `header.converter`) uses that class with its own `key.converter.*`
 * settings; otherwise the worker's class and the worker's settings apply.
 */
export function buildConverters(registry: PluginRegistry, worker: Readonly<Record<string, string>>, connector: Readonly<Record<string, string>>): TaskConverters {
  const pick = (role: "key.converter" | "value.converter" | "header.converter") => {
    const source = connector[role] ? connector : worker;
    const name = source[role];
    if (!name) throw new TributaryError("config.invalid", `No ${role} is configured for the worker or the connector.`);
    const kinds = role === "header.converter" ? (["header_converter"] as const) : (["converter"] as const);
    const plugin = registry.find(kinds, name);
    if (!plugin) throw new TributaryError("config.invalid", `Failed to find any class that implements ${role === "header.converter" ? "HeaderConverter" : "Converter"} and which name matches ${name}`);
    return { instance: new plugin.plugin(), settings: withPrefix(source, role), className: plugin.className };
  };
  const key = pick("key.converter");
  const value = pick("value.converter");
  const header = pick("header.converter");
  (key.instance as Converter).configure(key.settings, true);
  (value.instance as Converter).configure(value.settings, false);
  (header.instance as HeaderConverter).configure(header.settings);
  return {
    key: key.instance as Converter,
    value: value.instance as Converter,
    header: header.instance as HeaderConverter,
    keyClass: key.className,
    valueClass: value.className,
    headerClass: header.className,
  };
}
