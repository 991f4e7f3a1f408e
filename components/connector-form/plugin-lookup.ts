import type { PluginInfo } from "@/components/queries/plugins";

/** Which connectors the catalogue shows. */
export type CatalogueFilter = "all" | "source" | "sink";

const SUFFIXES: Record<string, string[]> = {
  source: ["Connector"],
  sink: ["Connector"],
  converter: ["Converter"],
  header_converter: ["HeaderConverter", "Converter"],
};

/** A class name's last segment: `org.apache.kafka.connect.file.FileStreamSourceConnector` → `FileStreamSourceConnector`. */
export function simpleName(className: string): string {
  return className.slice(className.lastIndexOf(".") + 1);
}

/**
 * The installed plugin of one of `types` that `name` refers to, as a config may name it: its full
 * class, its simple name, or its simple name without its kind's suffix (`FileStreamSource`,
 * `JsonConverter`). Undefined when none matches or the short name is ambiguous.
 */
export function findPlugin(plugins: readonly PluginInfo[], types: readonly string[], name: string): PluginInfo | undefined {
  const candidates = plugins.filter((plugin) => types.includes(plugin.type));
  const exact = candidates.find((plugin) => plugin.class === name);
  if (exact) return exact;
  const matches = candidates.filter((plugin) => {
    const simple = simpleName(plugin.class);
    return simple === name || (SUFFIXES[plugin.type] ?? []).some((suffix) => simple.endsWith(suffix) && simple.slice(0, -suffix.length) === name);
  });
  return new Set(matches.map((plugin) => plugin.class)).size === 1 ? matches[0] : undefined;
}

/**
 * The catalogue: source and sink connectors of the chosen type whose class or description
 * contains `search` (case-insensitive), sorted by simple name.
 */
export function catalogue(plugins: readonly PluginInfo[], filter: CatalogueFilter, search: string): PluginInfo[] {
  const needle = search.trim().toLowerCase();
  return plugins
    .filter((plugin) => (filter === "all" ? plugin.type === "source" || plugin.type === "sink" : plugin.type === filter))
    .filter((plugin) => needle === "" || `${plugin.class} ${plugin.description ?? ""}`.toLowerCase().includes(needle))
    .sort((a, b) => simpleName(a.class).localeCompare(simpleName(b.class)));
}

/** The classes of the installed plugins of `type` (e.g. `converter`, `transformation`), in the listing's order, without repeats. */
export function pluginClasses(plugins: readonly PluginInfo[], type: string): string[] {
  return [...new Set(plugins.filter((plugin) => plugin.type === type).map((plugin) => plugin.class))];
}
