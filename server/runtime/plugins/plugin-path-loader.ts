import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { getLogger } from "@/server/logging/logger";
import { PLUGIN_API } from "@/server/plugins/api/plugin-api";
import type { PluginClass, PluginKind, PluginRegistry } from "@/server/runtime/plugins/plugin-registry";

const log = getLogger("tributary.runtime.plugins");
const KINDS: readonly PluginKind[] = ["source", "sink", "converter", "header_converter", "transformation", "predicate"];

/** What the plugin's own `version()` says, when it has one that answers without arguments. */
function pluginVersion(plugin: PluginClass): string | undefined {
  try {
    const instance = new plugin() as { version?: () => unknown };
    const version = typeof instance.version === "function" ? instance.version() : undefined;
    return typeof version === "string" ? version : undefined;
  } catch {
    return undefined;
  }
}

/** The module files `plugin.path` names: packages (by their `main`) and loose `.js`/`.mjs` files. */
export function pluginModules(entries: readonly string[]): string[] {
  const modules: string[] = [];
  const packageMain = (dir: string): string | undefined => {
    const manifest = path.join(dir, "package.json");
    if (!existsSync(manifest)) return undefined;
    const main = (JSON.parse(readFileSync(manifest, "utf8")) as { main?: string }).main ?? "index.js";
    return path.resolve(dir, main);
  };
  for (const entry of entries) {
    const dir = path.resolve(entry);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      log.warn({ path: dir }, "plugin.path entry is not a folder; skipped");
      continue;
    }
    const own = packageMain(dir);
    if (own) {
      modules.push(own);
      continue;
    }
    for (const child of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, child.name);
      if (child.isDirectory()) {
        const main = packageMain(full);
        if (main) modules.push(main);
      } else if (/\.(m?js)$/.test(child.name)) {
        modules.push(full);
      }
    }
  }
  return modules;
}

/**
 * Loads the plugins of `plugin.path` into the registry. Each module's default export is a
 * factory called with PLUGIN_API that returns `[{ kind, plugin }]` (kind: source, sink,
 * converter, header_converter, transformation, predicate). A module that fails to load or
 * declares something malformed is logged and skipped, as Kafka Connect skips a bad plugin;
 * the others still load. Resolves with the class names registered.
 */
export async function loadPluginPath(entries: readonly string[], registry: PluginRegistry, version?: string): Promise<string[]> {
  const registered: string[] = [];
  for (const file of pluginModules(entries)) {
    try {
      const loaded = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ pathToFileURL(file).href)) as { default?: unknown };
      if (typeof loaded.default !== "function") throw new Error("its default export must be a function (api) => [{ kind, plugin }]");
      const declared = (loaded.default as (api: typeof PLUGIN_API) => unknown)(PLUGIN_API);
      if (!Array.isArray(declared)) throw new Error("its factory must return an array of { kind, plugin }");
      for (const item of declared as Array<{ kind?: unknown; plugin?: unknown }>) {
        const plugin = item.plugin as PluginClass | undefined;
        if (!KINDS.includes(item.kind as PluginKind) || typeof plugin !== "function" || typeof plugin.className !== "string") {
          throw new Error(`each entry needs a kind (${KINDS.join(", ")}) and a plugin class with a static className`);
        }
        registry.register(item.kind as PluginKind, plugin, version ?? pluginVersion(plugin));
        registered.push(plugin.className);
      }
      log.info({ module: file, plugins: registered }, "loaded plugins");
    } catch (error) {
      log.error({ module: file, err: (error as Error).message }, "could not load plugin module; skipped");
    }
  }
  return registered;
}
