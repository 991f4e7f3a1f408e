import { type ConfigDef, ConfigException, type ParsedValue, type Validator } from "@/server/plugins/api/config-def";
import { JavaPattern } from "@/server/plugins/transforms/java-regex";

/**
 * An SMT's settings parsed against its ConfigDef, with typed getters (Kafka's `SimpleConfig`).
 * Construction parses (defaults applied, validators run) and throws the first ConfigException.
 */
export class SimpleConfig {
  private readonly values: Map<string, ParsedValue>;

  constructor(def: ConfigDef, props: Readonly<Record<string, string>>) {
    this.values = def.parse(props);
  }

  /** A STRING key's value, null when its default is null. */
  string(name: string): string | null {
    return this.values.get(name) as string | null;
  }

  /** A LIST key's items (empty for an empty or null value). */
  list(name: string): readonly string[] {
    return (this.values.get(name) as readonly string[] | null) ?? [];
  }

  /** An INT key's value, null when its default is null. */
  int(name: string): number | null {
    return this.values.get(name) as number | null;
  }

  /** A BOOLEAN key's value. */
  boolean(name: string): boolean {
    return this.values.get(name) === true;
  }
}

/** Refuses an empty LIST (Kafka's transforms `NonEmptyListValidator`): `Invalid value … : Empty list`. */
export const NON_EMPTY_LIST: Validator = Object.freeze({
  ensureValid(name: string, value: unknown): void {
    if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) throw ConfigException.invalid(name, value, "Empty list");
  },
  toString: () => "non-empty list",
});

/** Refuses a STRING that is not a valid regular expression (Kafka's transforms `RegexValidator`); null passes. */
export const VALID_REGEX: Validator = Object.freeze({
  ensureValid(name: string, value: unknown): void {
    if (typeof value !== "string") return;
    try {
      JavaPattern.compile(value);
    } catch (error) {
      throw ConfigException.invalid(name, value, `Invalid regex: ${(error as Error).message}`);
    }
  },
  toString: () => "valid regex",
});
