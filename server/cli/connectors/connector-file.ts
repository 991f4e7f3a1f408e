import { readFile } from "node:fs/promises";
import { CommandError } from "@/server/cli/connectors/command-errors";
import { parseProperties } from "@/server/config/properties";

/**
 * A connector as a `-f` file describes it. `name` is undefined when the file gives none (allowed
 * for `update`, whose NAME comes from the command line); `initialState` only comes from a POST body.
 */
export interface ConnectorFile {
  name?: string;
  config: Record<string, string>;
  initialState?: string;
}

/** Reads the whole of standard input as UTF-8; what `-f -` reads by default. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Reads a `-f` file (`-` for standard input, through `stdin`) and parses it with
 * parseConnectorFile. Throws CommandError when the file cannot be read or parsed.
 */
export async function readConnectorFile(path: string, stdin: () => Promise<string>): Promise<ConnectorFile> {
  const source = path === "-" ? "stdin" : path;
  let text: string;
  try {
    text = path === "-" ? await stdin() : await readFile(path, "utf8");
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new CommandError(`cannot read ${source}: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : (error as Error).message}`);
  }
  return parseConnectorFile(text, source);
}

/**
 * Parses what Kafka Connect users keep connectors in, told apart by content: text starting with
 * `{` is JSON, anything else a `.properties` file of flat keys (`name`, `connector.class`, …).
 * JSON is either a flat config map (`{"name": …, "connector.class": …}`) or a POST /connectors
 * body (`{"name", "config", ["initial_state"]}`, recognised by `config` being an object), whose
 * name falls back to `config.name`. Config values may be strings, numbers or booleans (sent as
 * strings, as Connect binds them). `source` names the file in CommandError messages.
 */
export function parseConnectorFile(text: string, source: string): ConnectorFile {
  if (!text.trimStart().startsWith("{")) return withName(parseProperties(text));
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new CommandError(`${source} is not valid JSON: ${(error as Error).message}`);
  }
  if (!isObject(parsed)) throw new CommandError(`${source} must hold a JSON object`);
  if (!isObject(parsed.config)) return withName(configMap(parsed, source));

  const unknown = Object.keys(parsed).filter((key) => !["name", "config", "initial_state"].includes(key));
  if (unknown.length > 0) throw new CommandError(`${source}: unknown field "${unknown[0]}" in a connector body (expected name, config, initial_state)`);
  const config = configMap(parsed.config, source);
  const name = parsed.name ?? config.name;
  if (name !== undefined && typeof name !== "string") throw new CommandError(`${source}: "name" must be a string`);
  const initialState = parsed.initial_state;
  if (initialState !== undefined && typeof initialState !== "string") throw new CommandError(`${source}: "initial_state" must be a string`);
  return { name, config, initialState };
}

function withName(config: Record<string, string>): ConnectorFile {
  return { name: config.name, config };
}

function configMap(map: Record<string, unknown>, source: string): Record<string, string> {
  const config: Record<string, string> = {};
  for (const [key, value] of Object.entries(map)) {
    if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
      throw new CommandError(`${source}: the value of "${key}" must be a string, number or boolean`);
    }
    config[key] = String(value);
  }
  return config;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
