import { readFileSync } from "node:fs";
import { getProperties } from "properties-file";

/**
 * Parses Java `.properties` text (Kafka Connect's worker and connector files) into a flat map.
 * Follows the Java format through the `properties-file` library: `=`, `:` or whitespace
 * separators, `#`/`!` comments, line continuations and `\uXXXX` escapes. A key given twice keeps
 * its last value, as `java.util.Properties` does.
 */
export function parseProperties(text: string): Record<string, string> {
  return { ...getProperties(text) };
}

/** Reads and parses a `.properties` file; throws the fs error when it cannot be read. */
export function readPropertiesFile(path: string): Record<string, string> {
  return parseProperties(readFileSync(path, "utf8"));
}
