import { parseProperties, PropertiesSyntaxError } from "@/components/connector-form/properties-parser";
import { PROPERTIES_SEPARATOR } from "@/components/connectors/config-export";
import type { InitialState } from "@/components/queries/connector-writes";
import type { ConnectorConfig } from "@/server/contracts/connect";

/** A pasted config that cannot be used; `message` says what to fix. */
export class ConfigImportError extends Error {
  override readonly name = "ConfigImportError";
}

/** A config read from pasted text; `name` is always in `config` when the text gave one. */
export interface ImportedConfig {
  config: ConnectorConfig;
  format: "json" | "properties";
  initialState?: InitialState;
}

const INITIAL_STATES: readonly InitialState[] = ["RUNNING", "PAUSED", "STOPPED"];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A JSON config map as Connect binds it: numbers and booleans become strings; null, objects and arrays are refused. */
function stringMap(map: Record<string, unknown>): ConnectorConfig {
  return Object.fromEntries(
    Object.entries(map).map(([key, value]) => {
      if (typeof value === "string") return [key, value];
      if (typeof value === "number" || typeof value === "boolean") return [key, String(value)];
      if (value === null) throw new ConfigImportError(`"${key}" is null: give it a value, or leave the key out to use its default.`);
      throw new ConfigImportError(`"${key}" must be a string, number or boolean, not ${Array.isArray(value) ? "a list" : "an object"}; write lists comma-separated.`);
    }),
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigImportError(`This is not valid JSON: ${(error as Error).message}`);
  }
}

function fromJson(text: string): ImportedConfig {
  return fromJsonValue(parseJson(text));
}

function fromJsonValue(parsed: unknown): ImportedConfig {
  if (!isObject(parsed)) throw new ConfigImportError("Expected a JSON object: {\"name\": …, \"config\": {…}} or a flat config object.");
  if (!isObject(parsed.config)) return { config: stringMap(parsed), format: "json" };
  const config = stringMap(parsed.config);
  const { name, initial_state: state } = parsed;
  if (name !== undefined && typeof name !== "string") throw new ConfigImportError("\"name\" must be a string.");
  if (typeof name === "string" && config.name !== undefined && config.name !== name.trim()) {
    throw new ConfigImportError(`"name" (${name}) and "config.name" (${config.name}) differ: keep one of them.`);
  }
  if (typeof name === "string") config.name = name.trim();
  const initialState = INITIAL_STATES.find((candidate) => typeof state === "string" && candidate === state.toUpperCase());
  if (state !== undefined && state !== null && !initialState) throw new ConfigImportError(`"initial_state" must be RUNNING, PAUSED or STOPPED, not ${JSON.stringify(state)}.`);
  return { config, format: "json", ...(initialState ? { initialState } : {}) };
}

/**
 * Reads a pasted connector config: Kafka Connect's JSON (a `POST /connectors` body
 * `{"name", "config", "initial_state"?}`, a `GET /connectors/{c}` answer, or a flat config map)
 * when the text starts with `{`, else a `.properties` text. Values become strings as Connect binds
 * them. Throws `ConfigImportError` with what to fix: invalid JSON, a nested value, a name clash,
 * or text with no `key=value` line.
 */
export function parseConnectorText(text: string): ImportedConfig {
  const trimmed = text.trim();
  if (trimmed === "") throw new ConfigImportError("Paste a config first: Kafka Connect JSON or a .properties file.");
  if (trimmed.startsWith("{")) return fromJson(trimmed);
  return fromProperties(trimmed);
}

function fromProperties(text: string): ImportedConfig {
  let config: ConnectorConfig;
  try {
    config = parseProperties(text);
  } catch (error) {
    if (error instanceof PropertiesSyntaxError) throw new ConfigImportError(error.message);
    throw error;
  }
  if (Object.keys(config).length === 0) throw new ConfigImportError("No settings found: a .properties config has one key=value per line.");
  return { config, format: "properties" };
}

function numbered<T>(index: number, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ConfigImportError) throw new ConfigImportError(`Connector ${index + 1}: ${error.message}`);
    throw error;
  }
}

/**
 * Reads one or several connector configs from one text (an import of several files is their
 * texts one after the other): a JSON array of what `parseConnectorText` reads, one JSON object,
 * or `.properties` blocks separated by the console's export separator line
 * (`# ---- connector ----`). Throws `ConfigImportError` naming the connector (by position) that
 * cannot be read.
 */
export function parseConnectorTexts(text: string): ImportedConfig[] {
  const trimmed = text.trim();
  if (trimmed === "") throw new ConfigImportError("Paste or load configs first: Kafka Connect JSON or .properties files.");
  if (trimmed.startsWith("[")) {
    const parsed = parseJson(trimmed);
    if (!Array.isArray(parsed) || parsed.length === 0) throw new ConfigImportError("Expected a non-empty JSON array of connector configs.");
    return parsed.map((item, index) => numbered(index, () => fromJsonValue(item)));
  }
  if (trimmed.startsWith("{")) return [fromJson(trimmed)];
  const blocks: string[][] = [[]];
  for (const line of trimmed.split(/\r\n|\r|\n/)) {
    if (line.trim() === PROPERTIES_SEPARATOR) blocks.push([]);
    else blocks.at(-1)!.push(line);
  }
  return blocks
    .map((lines) => lines.join("\n").trim())
    .filter(Boolean)
    .map((block, index) => numbered(index, () => fromProperties(block)));
}
