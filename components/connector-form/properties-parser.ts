/** A `.properties` text that cannot be read; `message` names the line. */
export class PropertiesSyntaxError extends Error {
  override readonly name = "PropertiesSyntaxError";
}

const WHITESPACE = new Set([" ", "\t", "\f"]);
const SEPARATORS = new Set(["=", ":"]);
const ESCAPES: Record<string, string> = { t: "\t", n: "\n", r: "\r", f: "\f" };

function skipWhitespace(text: string, from: number): number {
  let at = from;
  while (at < text.length && WHITESPACE.has(text[at]!)) at++;
  return at;
}

/** Whether a natural line ends with an odd number of backslashes, i.e. continues on the next line. */
function continues(line: string): boolean {
  let count = 0;
  for (let at = line.length - 1; at >= 0 && line[at] === "\\"; at--) count++;
  return count % 2 === 1;
}

/** Resolves `\t \n \r \f \uXXXX` and `\x` (any other character stands for itself). */
function unescape(raw: string, lineNumber: number): string {
  let out = "";
  for (let at = 0; at < raw.length; at++) {
    const char = raw[at]!;
    if (char !== "\\") {
      out += char;
      continue;
    }
    const next = raw[++at];
    if (next === undefined) break;
    if (next === "u") {
      const hex = raw.slice(at + 1, at + 5);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new PropertiesSyntaxError(`Line ${lineNumber}: malformed \\uXXXX escape "\\u${hex}".`);
      out += String.fromCharCode(Number.parseInt(hex, 16));
      at += 4;
    } else {
      out += ESCAPES[next] ?? next;
    }
  }
  return out;
}

/** Splits a logical line into its key and value: the key ends at the first unescaped `=`, `:` or whitespace. */
function entryOf(line: string, lineNumber: number): [string, string] {
  let at = 0;
  while (at < line.length && !SEPARATORS.has(line[at]!) && !WHITESPACE.has(line[at]!)) at += line[at] === "\\" ? 2 : 1;
  const key = line.slice(0, Math.min(at, line.length));
  at = skipWhitespace(line, at);
  if (at < line.length && SEPARATORS.has(line[at]!)) at = skipWhitespace(line, at + 1);
  return [unescape(key, lineNumber), unescape(line.slice(at), lineNumber)];
}

/**
 * Reads a Java `.properties` text as `java.util.Properties.load` does: `#` and `!` comment lines,
 * blank lines skipped; the key ends at the first unescaped `=`, `:` or whitespace; a line ending
 * in an odd number of backslashes continues on the next one (whose leading whitespace is
 * dropped); escapes `\t \n \r \f \uXXXX`, and `\` before any other character keeps that
 * character. A later duplicate key wins. Pure and browser-safe; throws `PropertiesSyntaxError`
 * only for a malformed `\u` escape.
 */
export function parseProperties(text: string): Record<string, string> {
  const lines = text.split(/\r\n|\r|\n/);
  const entries = new Map<string, string>();
  for (let index = 0; index < lines.length; index++) {
    const lineNumber = index + 1;
    let line = lines[index]!.slice(skipWhitespace(lines[index]!, 0));
    if (line === "" || line.startsWith("#") || line.startsWith("!")) continue;
    while (continues(line)) {
      line = line.slice(0, -1);
      if (++index >= lines.length) break;
      line += lines[index]!.slice(skipWhitespace(lines[index]!, 0));
    }
    const [key, value] = entryOf(line, lineNumber);
    entries.set(key, value);
  }
  return Object.fromEntries(entries);
}
