import { ConfigException } from "@/server/plugins/api/config/config-exception";
import { ConfigType, type ParsedValue } from "@/server/plugins/api/config/config-types";
import { Password } from "@/server/plugins/api/config/password";

const INTEGER = /^[+-]?\d+$/;
/** What Java's Double.parseDouble accepts, less hexadecimal floats. */
const DOUBLE = /^[+-]?(NaN|Infinity|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[fFdD]?)$/;

const integerRanges = {
  SHORT: [-32_768, 32_767],
  INT: [-2_147_483_648, 2_147_483_647],
  LONG: [-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
} as const;

const JAVA_LONG_MIN = -(2n ** 63n);
const JAVA_LONG_MAX = 2n ** 63n - 1n;

/**
 * Parses one value for key `name` into `type`'s typed value, as Kafka's `ConfigDef.parseType`:
 * strings are trimmed first; BOOLEAN takes true/false in any case; INT and SHORT must fit 32 and
 * 16 bits; LIST splits on commas, trimming each item and keeping empty ones (`""` → `[]`);
 * PASSWORD becomes a Password. Already-typed values (a define()'s default) are accepted when
 * they fit the type. `null`/`undefined` give `null`.
 *
 * LONG is a JavaScript `number`: a value that is a valid Java long but beyond
 * ±Number.MAX_SAFE_INTEGER is refused with its own reason rather than silently rounded.
 *
 * @throws ConfigException `Invalid value <v> for configuration <name>: <reason>`.
 */
export function parseValue(name: string, value: unknown, type: ConfigType): ParsedValue {
  if (value === null || value === undefined) return null;
  const text = typeof value === "string" ? value.trim() : undefined;
  switch (type) {
    case ConfigType.BOOLEAN:
      if (typeof value === "boolean") return value;
      if (text?.toLowerCase() === "true") return true;
      if (text?.toLowerCase() === "false") return false;
      throw ConfigException.invalid(name, value, "Expected value to be either true or false");
    case ConfigType.STRING:
    case ConfigType.CLASS:
      if (text !== undefined) return text;
      throw ConfigException.invalid(name, value, `Expected value to be a string, but it was a ${typeName(value)}`);
    case ConfigType.PASSWORD:
      if (value instanceof Password) return value;
      if (text !== undefined) return new Password(text);
      throw ConfigException.invalid(name, value, `Expected value to be a string, but it was a ${typeName(value)}`);
    case ConfigType.SHORT:
    case ConfigType.INT:
    case ConfigType.LONG:
      return parseInteger(name, value, text, type);
    case ConfigType.DOUBLE:
      if (typeof value === "number") return value;
      if (text !== undefined && DOUBLE.test(text)) return Number(text.replace(/[fFdD]$/, ""));
      throw ConfigException.invalid(name, value, "Not a number of type DOUBLE");
    case ConfigType.LIST:
      if (Array.isArray(value) && value.every((item) => typeof item === "string")) return [...value];
      if (text === undefined) throw ConfigException.invalid(name, value, "Expected a comma separated list.");
      return text === "" ? [] : text.split(/\s*,\s*/);
  }
}

function parseInteger(name: string, value: unknown, text: string | undefined, type: keyof typeof integerRanges): number {
  const [min, max] = integerRanges[type];
  if (typeof value === "number") {
    if (Number.isInteger(value) && value >= min && value <= max) return value;
    throw ConfigException.invalid(name, value, `Not a number of type ${type}`);
  }
  if (text === undefined || !INTEGER.test(text)) {
    throw ConfigException.invalid(name, value, `Not a number of type ${type}`);
  }
  const parsed = Number(text);
  if (parsed >= min && parsed <= max) return parsed;
  if (type === ConfigType.LONG) {
    const big = BigInt(text);
    if (big >= JAVA_LONG_MIN && big <= JAVA_LONG_MAX) {
      throw ConfigException.invalid(name, value, `Value must be between ${min} and ${max} (the LONG range Tributary supports)`);
    }
  }
  throw ConfigException.invalid(name, value, `Not a number of type ${type}`);
}

function typeName(value: unknown): string {
  if (Array.isArray(value)) return "list";
  if (value instanceof Password) return "password";
  return typeof value;
}

/**
 * Renders a parsed value back to the string Kafka Connect shows for it
 * (`ConfigDef.convertToString`): LIST comma-joined without spaces, PASSWORD `[hidden]`, DOUBLE in
 * Java's `Double.toString` form (`1.0`, `1.0E7`), everything else `String(value)`; `null` stays
 * `null`. Without `type` the form is chosen from the value itself (numbers then print as
 * integers or JavaScript decimals).
 */
export function valueToString(value: unknown, type?: ConfigType): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Password) return Password.HIDDEN;
  if (Array.isArray(value)) return value.map((item) => valueToString(item) ?? "null").join(",");
  if (type === ConfigType.DOUBLE && typeof value === "number") return javaDouble(value);
  return String(value);
}

/** Java's Double.toString for a finite or infinite double. */
function javaDouble(n: number): string {
  if (Number.isNaN(n)) return "NaN";
  if (!Number.isFinite(n)) return n > 0 ? "Infinity" : "-Infinity";
  if (n === 0) return Object.is(n, -0) ? "-0.0" : "0.0";
  const magnitude = Math.abs(n);
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    const plain = String(n);
    return plain.includes(".") ? plain : `${plain}.0`;
  }
  const [mantissa, exponent] = n.toExponential().split("e");
  return `${mantissa.includes(".") ? mantissa : `${mantissa}.0`}E${Number(exponent)}`;
}
