import { readFileSync } from "node:fs";
import { parseProperties } from "@/server/config/properties";
import { TributaryError } from "@/server/errors/tributary-error";

/** A connector to create from a file given on the command line. */
export interface ConnectorFile {
  name: string;
  config: Record<string, string>;
}

/**
 * Reads a connector file as `connect-standalone` accepts them: a `.properties` file, a flat
 * JSON config map, or a JSON `POST /connectors` body (`{"name", "config"}`). The connector's
 * name comes from `name`. Throws `config.invalid_value` naming the file when it is unreadable or
 * has no name.
 */
export function readConnectorFile(file: string): ConnectorFile {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new TributaryError("config.invalid_value", `Cannot read connector file ${file}: ${(error as Error).message}`);
  }
  let config: Record<string, unknown>;
  if (text.trimStart().startsWith("{")) {
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(text) as Record<string, unknown>;
    } catch (error) {
      throw new TributaryError("config.invalid_value", `Connector file ${file} is not valid JSON: ${(error as Error).message}`);
    }
    config = typeof parsed.config === "object" && parsed.config !== null ? { ...(parsed.config as Record<string, unknown>), name: parsed.name ?? (parsed.config as Record<string, unknown>).name } : parsed;
  } else {
    config = parseProperties(text);
  }
  const strings = Object.fromEntries(Object.entries(config).filter(([, v]) => v !== undefined && v !== null).map(([k, v]) => [k, String(v)]));
  const name = strings.name?.trim();
  if (!name) throw new TributaryError("config.invalid_value", `Connector file ${file} has no "name".`);
  return { name, config: { ...strings, name } };
}
