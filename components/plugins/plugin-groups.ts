import type { PluginInfo } from "@/components/queries/plugins";
import type { ConfigKeyInfo } from "@/components/queries/validation";

/** The kinds of plugin, in the order the plugins page shows them, with their section titles. */
const KINDS: ReadonlyArray<{ type: string; title: string }> = [
  { type: "source", title: "Source connectors" },
  { type: "sink", title: "Sink connectors" },
  { type: "converter", title: "Converters" },
  { type: "header_converter", title: "Header converters" },
  { type: "transformation", title: "Transformations" },
  { type: "predicate", title: "Predicates" },
];

/** One section of the plugins page: a kind and its plugins, sorted by class name. */
export interface PluginGroup {
  type: string;
  title: string;
  plugins: PluginInfo[];
}

/** One group of a plugin's config keys (Kafka Connect's `group`; "General" when a key has none), in `order`. */
export interface ConfigKeyGroup {
  group: string;
  keys: ConfigKeyInfo[];
}

/** A plugin's short name: its class name after the last `.` (`InsertField$Value`). */
export function shortName(className: string): string {
  return className.slice(className.lastIndexOf(".") + 1);
}

function titleOf(type: string): string {
  return KINDS.find((kind) => kind.type === type)?.title ?? type;
}

/**
 * The plugins matching `query` (every word, case-insensitive, in the class name, description or
 * kind) grouped by kind: the known kinds in page order, then any other kind a worker lists under
 * its own name. Empty groups are left out.
 */
export function groupPlugins(plugins: readonly PluginInfo[], query: string): PluginGroup[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const text = (plugin: PluginInfo) => `${plugin.class} ${plugin.description ?? ""} ${titleOf(plugin.type)}`.toLowerCase();
  const matching = plugins.filter((plugin) => words.every((word) => text(plugin).includes(word)));
  const others = [...new Set(matching.map((plugin) => plugin.type))].filter((type) => !KINDS.some((kind) => kind.type === type)).sort();
  return [...KINDS.map((kind) => kind.type), ...others]
    .map((type) => ({
      type,
      title: titleOf(type),
      plugins: matching.filter((plugin) => plugin.type === type).sort((a, b) => shortName(a.class).localeCompare(shortName(b.class)) || a.class.localeCompare(b.class)),
    }))
    .filter((group) => group.plugins.length > 0);
}

/** A plugin's config keys by group, groups in first-seen order, keys by their `order` then name. */
export function groupConfigKeys(keys: readonly ConfigKeyInfo[]): ConfigKeyGroup[] {
  const groups = new Map<string, ConfigKeyInfo[]>();
  for (const key of keys) {
    const group = key.group || "General";
    groups.set(group, [...(groups.get(group) ?? []), key]);
  }
  return [...groups].map(([group, members]) => ({ group, keys: [...members].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name)) }));
}
