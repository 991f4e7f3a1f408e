import { ConfigImportError, parseConnectorText, type ImportedConfig } from "@/components/connector-form/config-import";
import type { ConnectorConfig } from "@/server/contracts/connect";

/** What the JSON editor shows instead of a secret's value; keeping it keeps the secret. Kafka Connect's own mask. */
export const HIDDEN = "[hidden]";

const FIRST_KEYS = ["name", "connector.class"];

/**
 * The config as the JSON editor shows it: a flat, pretty-printed object (the body of
 * `PUT /connectors/{c}/config`), `name` and `connector.class` first, then the keys in the order
 * they were added. Values of keys `isSecret` accepts are replaced by `HIDDEN`.
 */
export function configJson(config: Readonly<ConnectorConfig>, isSecret: (key: string) => boolean): string {
  const keys = [...FIRST_KEYS.filter((key) => key in config), ...Object.keys(config).filter((key) => !FIRST_KEYS.includes(key))];
  const shown = Object.fromEntries(keys.map((key) => [key, isSecret(key) && config[key] !== "" ? HIDDEN : config[key]!]));
  return JSON.stringify(shown, null, 2);
}

/** The JSON editor's text read back: a config, or why it cannot be used yet. */
export type JsonEdit = { ok: true; imported: ImportedConfig } | { ok: false; error: string };

/**
 * Reads the JSON editor's text (a flat config or `{"name", "config"}`) into a config. A value
 * still `HIDDEN` keeps the secret `current` holds for that key (an error when it holds none).
 * With `lockedName` (editing an existing connector) a missing name is filled in and a different
 * one is refused, since the name is the connector's identity.
 */
export function configFromJson(text: string, current: Readonly<ConnectorConfig>, lockedName?: string): JsonEdit {
  if (!text.trim().startsWith("{")) return { ok: false, error: "The editor takes a JSON object: a flat config, or {\"name\": …, \"config\": {…}}." };
  let imported: ImportedConfig;
  try {
    imported = parseConnectorText(text);
  } catch (error) {
    if (error instanceof ConfigImportError) return { ok: false, error: error.message };
    throw error;
  }
  const config = { ...imported.config };
  for (const [key, value] of Object.entries(config)) {
    if (value !== HIDDEN) continue;
    const secret = current[key];
    if (secret === undefined) return { ok: false, error: `"${key}" says ${HIDDEN}: type the secret's value.` };
    config[key] = secret;
  }
  if (lockedName !== undefined) {
    if (config.name !== undefined && config.name !== lockedName) {
      return { ok: false, error: `The name cannot change here (it is ${lockedName}). To rename, create a new connector from this config and delete this one.` };
    }
    config.name = lockedName;
  }
  return { ok: true, imported: { ...imported, config } };
}
