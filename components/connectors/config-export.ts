import { isSecretKey } from "@/components/connectors/connector-config";
import type { ConnectorConfig } from "@/server/contracts/connect";

/** What an exported or copied secret holds instead of its value: fill it in before using the file. */
export const SECRET_PLACEHOLDER = "********";

/** A connector as exports carry it: Kafka Connect's `POST /connectors` body. */
export interface ExportedConnector {
  name: string;
  config: ConnectorConfig;
}

/** The line that starts each connector of a multi-connector `.properties` export; `parseConnectorTexts` splits on it. */
export const PROPERTIES_SEPARATOR = "# ---- connector ----";

/** The config with every secret-looking value (`isSecretKey`) replaced by `SECRET_PLACEHOLDER`, `name` set, `name` and `connector.class` first. */
export function exportedConfig(name: string, config: Readonly<ConnectorConfig>): ConnectorConfig {
  const ordered: ConnectorConfig = { name, ...(config["connector.class"] === undefined ? {} : { "connector.class": config["connector.class"] }) };
  for (const [key, value] of Object.entries(config)) if (key !== "name" && key !== "connector.class") ordered[key] = value;
  return Object.fromEntries(Object.entries(ordered).map(([key, value]) => [key, isSecretKey(key) ? SECRET_PLACEHOLDER : value]));
}

/** Connectors as JSON: an array of `POST /connectors` bodies, or (one connector, `array` false) the body alone; secrets replaced. */
export function connectorsJson(connectors: readonly ExportedConnector[], array = connectors.length !== 1): string {
  const bodies = connectors.map(({ name, config }) => ({ name, config: exportedConfig(name, config) }));
  return `${JSON.stringify(array ? bodies : bodies[0], null, 2)}\n`;
}

function escapeProperty(text: string, isKey: boolean): string {
  let out = "";
  for (const [index, char] of [...text].entries()) {
    if (char === "\\") out += "\\\\";
    else if (char === "\n") out += "\\n";
    else if (char === "\r") out += "\\r";
    else if (char === "\t") out += "\\t";
    else if (char === "\f") out += "\\f";
    else if ((isKey && (char === "=" || char === ":" || char === " ")) || (char === " " && index === 0) || ((char === "#" || char === "!") && index === 0)) out += `\\${char}`;
    else out += char;
  }
  return out;
}

/**
 * Connectors as Java `.properties` (UTF-8, what `connect-standalone` reads): one file's text per
 * connector, `name` and `connector.class` first; several are joined, each block starting with
 * `PROPERTIES_SEPARATOR`. Secrets replaced.
 */
export function connectorsProperties(connectors: readonly ExportedConnector[]): string {
  const blocks = connectors.map(({ name, config }) =>
    Object.entries(exportedConfig(name, config))
      .map(([key, value]) => `${escapeProperty(key, true)}=${escapeProperty(value, false)}`)
      .join("\n"),
  );
  return blocks.length === 1 ? `${blocks[0]}\n` : `${blocks.map((block) => `${PROPERTIES_SEPARATOR}\n${block}`).join("\n\n")}\n`;
}

/**
 * A `curl` command that creates or updates the connector through Kafka Connect's REST API at
 * `apiBase` (`PUT /connectors/{c}/config`, which creates it when missing), the body in a
 * here-document so no quoting can break it. Secrets replaced.
 */
export function curlCommand(apiBase: string, name: string, config: Readonly<ConnectorConfig>): string {
  const body = JSON.stringify(exportedConfig(name, config), null, 2);
  const url = `${apiBase}/connectors/${encodeURIComponent(name)}/config`;
  return `curl -X PUT '${url.replace(/'/g, "'\\''")}' \\\n  -H 'Content-Type: application/json' \\\n  --data-binary @- <<'JSON'\n${body}\nJSON\n`;
}

/** A file name for an export: the connector's name (or `connectors`) made safe, with its extension. */
export function exportFileName(name: string | null, extension: "json" | "properties"): string {
  const base = (name ?? "connectors").replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 100) || "connector";
  return `${base}.${extension}`;
}
