import { TributaryError } from "@/server/errors/tributary-error";
import { Password } from "@/server/plugins/api/config/password";

/**
 * A configuration that does not satisfy its ConfigDef (Kafka's `ConfigException`), with code
 * `config.invalid_value`. `key` is the offending key when there is one. Messages use Kafka's
 * wording, because users and scripts match on them: `Invalid value <v> for configuration
 * <name>: <reason>` and `Missing required configuration "<name>" which has no default value.`
 * A PASSWORD value is shown as `[hidden]` in the message, never in clear.
 */
export class ConfigException extends TributaryError {
  override name = "ConfigException";

  readonly key?: string;

  /** A free-form message about `key` (or about the definition as a whole when `key` is absent). */
  constructor(message: string, options: { key?: string; cause?: unknown } = {}) {
    super("config.invalid_value", message, { cause: options.cause });
    this.key = options.key;
  }

  /** `Invalid value <value> for configuration <key>: <reason>`; without a reason, no colon part. */
  static invalid(key: string, value: unknown, reason?: string): ConfigException {
    const suffix = reason === undefined ? "" : `: ${reason}`;
    return new ConfigException(`Invalid value ${renderForMessage(value)} for configuration ${key}${suffix}`, { key });
  }

  /** `Missing required configuration "<key>" which has no default value.` */
  static missing(key: string): ConfigException {
    return new ConfigException(missingMessage(key), { key });
  }
}

/** Kafka's message for a required key that is absent, also collected (not thrown) by validateAll. */
export function missingMessage(key: string): string {
  return `Missing required configuration "${key}" which has no default value.`;
}

/** A value as Java's string concatenation would show it: `null`, `[a, b]`, `[hidden]`. */
function renderForMessage(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (value instanceof Password) return Password.HIDDEN;
  if (Array.isArray(value)) return `[${value.map(renderForMessage).join(", ")}]`;
  return String(value);
}
