import { messageOf, TributaryError } from "@/server/errors/tributary-error";
import type { Connector } from "@/server/plugins/api/connector";
import type { PluginRegistry } from "@/server/runtime/plugins/plugin-registry";

/** What a connection test found (see Connector.testConnection). */
export interface ConnectionTestOutcome {
  supported: boolean;
  ok: boolean;
  message: string;
}

const TEST_TIMEOUT_MS = 20_000;

/**
 * Runs a connector's `testConnection` on a fresh, never-started instance with a candidate config
 * (the console's "test connection"). A failure is an answer (`ok: false` with its message), not
 * an error; so is a test that takes longer than 20 s. Throws `plugin.not_found` for an unknown
 * connector class.
 */
export async function testConnectorConnection(registry: PluginRegistry, config: Record<string, string>): Promise<ConnectionTestOutcome> {
  const className = config["connector.class"] ?? "";
  const plugin = registry.find(["source", "sink"], className);
  if (!plugin) throw new TributaryError("plugin.not_found", `Failed to find any class that implements Connector and which name matches ${className}`);
  const connector = new plugin.plugin() as Connector;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`No answer within ${TEST_TIMEOUT_MS / 1000} s`)), TEST_TIMEOUT_MS)));
  try {
    const check = await Promise.race([connector.testConnection(config), timeout]);
    if (check === null) return { supported: false, ok: false, message: `${className} offers no connection test.` };
    return { supported: true, ok: true, message: check.message };
  } catch (error) {
    return { supported: true, ok: false, message: messageOf(error) };
  } finally {
    clearTimeout(timer);
  }
}
