import { TributaryError } from "@/server/errors/tributary-error";

/** Kafka Connect's plugin kinds, as `/connector-plugins` names them. */
export type PluginKind = "source" | "sink" | "converter" | "header_converter" | "transformation" | "predicate";

/** What every plugin class carries as static members (constructors take no arguments). */
export interface PluginClass {
  new (): unknown;
  /** The fully qualified, Java-style class name users write in configs. */
  readonly className: string;
  /** Extra names this plugin answers to (besides its simple name). */
  readonly aliases?: readonly string[];
  /** One sentence for the console's catalogue. */
  readonly description?: string;
}

/** One registered plugin. */
export interface PluginDescriptor {
  kind: PluginKind;
  className: string;
  aliases: string[];
  version: string | undefined;
  description: string | undefined;
  plugin: PluginClass;
}

/** Kafka's order for `connectorsOnly=false`. */
const KIND_ORDER: PluginKind[] = ["sink", "source", "transformation", "predicate", "converter", "header_converter"];
const SUFFIXES: Partial<Record<PluginKind, string[]>> = {
  source: ["Connector"],
  sink: ["Connector"],
  converter: ["Converter"],
  header_converter: ["HeaderConverter", "Converter"],
};

function simpleName(className: string): string {
  return className.slice(className.lastIndexOf(".") + 1);
}

/**
 * The plugins this worker can run, found by full class name or alias as Kafka Connect finds
 * them: the simple class name (`FileStreamSourceConnector`), the simple name without its kind's
 * suffix (`FileStreamSource`), and any alias the plugin declares. An alias two plugins of one
 * kind family share is ambiguous and dropped, so it never resolves to the wrong one.
 * Registration happens at start-up; lookups are read-only and safe to share.
 */
export class PluginRegistry {
  private readonly plugins: PluginDescriptor[] = [];

  /** Adds a plugin; a second plugin with the same class name and kind is refused. */
  register(kind: PluginKind, plugin: PluginClass, version?: string): void {
    if (this.plugins.some((p) => p.kind === kind && p.className === plugin.className)) {
      throw new TributaryError("plugin.duplicate", `Plugin ${plugin.className} is registered twice`);
    }
    const simple = simpleName(plugin.className);
    const pruned = (SUFFIXES[kind] ?? []).filter((suffix) => simple.endsWith(suffix) && simple !== suffix).map((suffix) => simple.slice(0, -suffix.length));
    const aliases = [...new Set([simple, ...pruned, ...(plugin.aliases ?? [])])].filter((alias) => alias !== plugin.className);
    this.plugins.push({ kind, className: plugin.className, aliases, version, description: plugin.description, plugin });
  }

  /**
   * The plugin of one of `kinds` named `name` (class name or unambiguous alias), or undefined.
   * Connectors are looked up with kinds ["source", "sink"].
   */
  find(kinds: readonly PluginKind[], name: string): PluginDescriptor | undefined {
    const candidates = this.plugins.filter((p) => kinds.includes(p.kind));
    const exact = candidates.find((p) => p.className === name);
    if (exact) return exact;
    const matches = candidates.filter((p) => p.aliases.includes(name));
    return matches.length === 1 ? matches[0] : undefined;
  }

  /** Plugins of the given kinds in Kafka's listing order (by kind, then class name). */
  list(kinds: readonly PluginKind[] = KIND_ORDER): PluginDescriptor[] {
    return KIND_ORDER.filter((kind) => kinds.includes(kind)).flatMap((kind) =>
      this.plugins.filter((p) => p.kind === kind).sort((a, b) => a.className.localeCompare(b.className)),
    );
  }
}
