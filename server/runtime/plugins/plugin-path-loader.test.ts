import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { tempDir } from "@/scripts/test/integration";
import { SourceConnector } from "@/server/plugins/api/connector";
import { loadPluginPath, pluginModules } from "@/server/runtime/plugins/plugin-path-loader";
import { PluginRegistry } from "@/server/runtime/plugins/plugin-registry";

const examples = path.resolve("examples", "plugins");
const folder = tempDir("plugin-path");
afterAll(() => folder.remove());

describe("plugin.path", () => {
  it("loads the example plugin package, by class name and alias, built on the runtime's own API classes", async () => {
    const registry = new PluginRegistry();
    expect(await loadPluginPath([examples], registry)).toEqual(["com.example.tributary.HeartbeatSourceConnector"]);
    const found = registry.find(["source", "sink"], "Heartbeat");
    expect(found?.className).toBe("com.example.tributary.HeartbeatSourceConnector");
    const connector = new found!.plugin();
    expect(connector).toBeInstanceOf(SourceConnector);
    expect((connector as SourceConnector).config().names()).toEqual(["topic", "interval.ms", "message"]);
  });

  it("takes a package folder itself, loose modules, and skips a broken module without losing the others", async () => {
    const plugins = path.join(folder.dir, "plugins");
    mkdirSync(path.join(plugins, "broken"), { recursive: true });
    writeFileSync(path.join(plugins, "broken", "package.json"), JSON.stringify({ main: "main.mjs" }));
    writeFileSync(path.join(plugins, "broken", "main.mjs"), "export default 42;\n");
    writeFileSync(path.join(plugins, "loose.mjs"), `export default (api) => [{ kind: "source", plugin: class Loose extends api.SourceConnector { static className = "com.example.Loose"; } }];\n`);
    writeFileSync(path.join(plugins, "notes.txt"), "not a plugin\n");
    expect(pluginModules([plugins]).map((file) => path.basename(file)).sort()).toEqual(["loose.mjs", "main.mjs"]);
    expect(pluginModules([path.join(examples, "heartbeat-source")]).map((file) => path.basename(file))).toEqual(["index.js"]);
    const registry = new PluginRegistry();
    expect(await loadPluginPath([plugins, path.join(folder.dir, "missing")], registry)).toEqual(["com.example.Loose"]);
  });
});
