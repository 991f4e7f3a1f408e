import { ConfigException, missingMessage } from "@/server/plugins/api/config/config-exception";
import { type ConfigType, type Importance, type ParsedValue, Width } from "@/server/plugins/api/config/config-types";
import { parseValue } from "@/server/plugins/api/config/typed-values";
import type { Validator } from "@/server/plugins/api/config/validators";

/**
 * Recommended values and visibility of a key given the rest of the config (Kafka's
 * `ConfigDef.Recommender`), used by validation to drive forms: a key whose meaning depends on
 * another one (its parent lists it in `dependents`) can be hidden or offered other values.
 * Called with the whole parsed config (`null` for keys that are missing or failed to parse).
 * May throw a ConfigException, which validation records as an error of the key.
 */
export interface Recommender {
  validValues(name: string, parsedConfig: ReadonlyMap<string, ParsedValue>): unknown[];
  visible(name: string, parsedConfig: ReadonlyMap<string, ParsedValue>): boolean;
}

/** The options of ConfigDef.define, one key. Only `default` being absent makes a key required. */
export interface ConfigKeyDefinition {
  name: string;
  type: ConfigType;
  /**
   * The value used when the key is absent: a string in Kafka's text form (parsed like a user's
   * value) or an already-typed value; `null` means "no value" but not required. Leave it out
   * (or `undefined`) for a required key.
   */
  default?: ParsedValue;
  validator?: Validator | null;
  importance: Importance;
  documentation: string;
  /** The form section; `null` (the default) for none. */
  group?: string | null;
  /** Position within the group, from 1; -1 (the default) for none. */
  orderInGroup?: number;
  /** Default NONE. */
  width?: Width;
  /** Default: the key's name. */
  displayName?: string;
  /** Keys whose recommendations depend on this one; each must be defined by parse/validate time. */
  dependents?: readonly string[];
  recommender?: Recommender | null;
  /** Hidden from generated documentation (Kafka's `defineInternal`); still parsed and validated. */
  internal?: boolean;
}

/** One defined key (Kafka's `ConfigDef.ConfigKey`), immutable. `defaultValue` is parsed; null when required. */
export interface ConfigKey {
  readonly name: string;
  readonly type: ConfigType;
  readonly hasDefault: boolean;
  readonly defaultValue: ParsedValue;
  readonly validator: Validator | null;
  readonly importance: Importance;
  readonly documentation: string;
  readonly group: string | null;
  readonly orderInGroup: number;
  readonly width: Width;
  readonly displayName: string;
  readonly dependents: readonly string[];
  readonly recommender: Recommender | null;
  readonly internal: boolean;
}

/**
 * The outcome of validating one key (Kafka's `ConfigValue`): the parsed value (`null` when missing
 * or unparseable), the recommender's values and visibility, and every error found. Mutable on
 * purpose, as in Kafka: the herder appends the connector's own validation errors to it.
 */
export interface ConfigValue {
  name: string;
  value: ParsedValue;
  recommendedValues: unknown[];
  errors: string[];
  visible: boolean;
}

/**
 * The configuration definition of a connector, converter, transformation or predicate (Kafka's
 * `ConfigDef`). Plugins build it once with chained `define` calls; the runtime then `parse`s a
 * config (throwing on the first problem) and the validate endpoint calls `validateAll`
 * (collecting every problem). Keys keep definition order everywhere. A ConfigDef is mutable only
 * through `define`; parse and validateAll do not change it, so one instance may serve many
 * concurrent calls.
 */
export class ConfigDef {
  readonly #keys = new Map<string, ConfigKey>();
  readonly #groups: string[] = [];

  /** An empty definition, or a copy of `base` to extend (Kafka's `new ConfigDef(base)`). */
  constructor(base?: ConfigDef) {
    for (const key of base?.configKeys().values() ?? []) this.#add(key);
  }

  /**
   * Adds a key and returns this ConfigDef, for chaining. The default is parsed to the key's type
   * and checked by the validator now, as Kafka does, so a bad definition fails at start-up.
   * @throws ConfigException when the name is defined twice or the default is invalid.
   */
  define(definition: ConfigKeyDefinition): this {
    const { name, type } = definition;
    if (this.#keys.has(name)) throw new ConfigException(`Configuration ${name} is defined twice.`, { key: name });
    const hasDefault = definition.default !== undefined;
    const defaultValue = hasDefault ? parseValue(name, definition.default, type) : null;
    const validator = definition.validator ?? null;
    if (hasDefault && validator) validator.ensureValid(name, defaultValue);
    this.#add(
      Object.freeze({
        name,
        type,
        hasDefault,
        defaultValue,
        validator,
        importance: definition.importance,
        documentation: definition.documentation,
        group: definition.group ?? null,
        orderInGroup: definition.orderInGroup ?? -1,
        width: definition.width ?? Width.NONE,
        displayName: definition.displayName ?? name,
        dependents: Object.freeze([...(definition.dependents ?? [])]),
        recommender: definition.recommender ?? null,
        internal: definition.internal ?? false,
      }),
    );
    return this;
  }

  #add(key: ConfigKey): void {
    this.#keys.set(key.name, key);
    if (key.group !== null && !this.#groups.includes(key.group)) this.#groups.push(key.group);
  }

  /** Every key by name, in definition order. */
  configKeys(): ReadonlyMap<string, ConfigKey> {
    return this.#keys;
  }

  /** The defined names, in definition order. */
  names(): string[] {
    return [...this.#keys.keys()];
  }

  /** The groups in order of first appearance (ConfigInfos' `groups`). */
  groups(): string[] {
    return [...this.#groups];
  }

  /**
   * Parses `props` (Kafka Connect's string map; already-typed values are accepted too) into every
   * defined key's typed value, defaults applied, each checked by its validator. Keys not defined
   * here are ignored; an `undefined` entry counts as absent.
   * @throws ConfigException on the first problem: a missing required key, a value that does not
   *   parse or validate, or a dependent that is not defined.
   */
  parse(props: Readonly<Record<string, unknown>>): Map<string, ParsedValue> {
    const undefinedDependents = this.#undefinedDependents();
    if (undefinedDependents.length > 0) {
      throw new ConfigException(`Some configurations in are referred in the dependents, but not defined: ${undefinedDependents.join(",")}`);
    }
    const values = new Map<string, ParsedValue>();
    for (const key of this.#keys.values()) {
      let value: ParsedValue;
      if (has(props, key.name)) value = parseValue(key.name, props[key.name], key.type);
      else if (!key.hasDefault) throw ConfigException.missing(key.name);
      else value = key.defaultValue;
      key.validator?.ensureValid(key.name, value);
      values.set(key.name, value);
    }
    return values;
  }

  /**
   * Validates `props` against every key without throwing (Kafka's `ConfigDef.validateAll`), for the
   * validate endpoint and the console's forms. For each key, in definition order:
   * - the value is parsed (or defaulted); a parse error or a missing required key is recorded and
   *   the value is `null`;
   * - the validator then runs on that value, even when it is `null`, and its error is recorded too
   *   (so an unparseable `tasks.max` also reports "Value must be non-null", exactly as Kafka does);
   * - once all keys are parsed, the recommender gets the whole parsed config and sets the
   *   recommended values and visibility (a ConfigException from it becomes an error).
   * A name listed in `dependents` but not defined gets an entry of its own with the error
   * `<name> is referred in the dependents, but not defined.` and `visible: false`.
   *
   * Deliberate difference: every key is evaluated exactly once. Kafka walks the dependents graph
   * from the keys without a parent, so a key with two parents gets its errors twice and keys in a
   * dependents cycle are skipped; here neither happens.
   */
  validateAll(props: Readonly<Record<string, unknown>>): Map<string, ConfigValue> {
    const results = new Map<string, ConfigValue>();
    const parsed = new Map<string, ParsedValue>();
    for (const key of this.#keys.values()) {
      const result: ConfigValue = { name: key.name, value: null, recommendedValues: [], errors: [], visible: true };
      let value: ParsedValue = null;
      if (has(props, key.name)) {
        try {
          value = parseValue(key.name, props[key.name], key.type);
        } catch (error) {
          result.errors.push(configErrorMessage(error));
        }
      } else if (!key.hasDefault) {
        result.errors.push(missingMessage(key.name));
      } else {
        value = key.defaultValue;
      }
      try {
        key.validator?.ensureValid(key.name, value);
      } catch (error) {
        result.errors.push(configErrorMessage(error));
      }
      result.value = value;
      parsed.set(key.name, value);
      results.set(key.name, result);
    }
    for (const name of this.#undefinedDependents()) {
      results.set(name, { name, value: null, recommendedValues: [], errors: [`${name} is referred in the dependents, but not defined.`], visible: false });
    }
    for (const key of this.#keys.values()) {
      if (!key.recommender) continue;
      const result = results.get(key.name)!;
      try {
        result.recommendedValues = [...key.recommender.validValues(key.name, parsed)];
        result.visible = key.recommender.visible(key.name, parsed);
      } catch (error) {
        result.errors.push(configErrorMessage(error));
      }
    }
    return results;
  }

  /** validateAll's results as a list, in definition order (Kafka's `ConfigDef.validate`). */
  validate(props: Readonly<Record<string, unknown>>): ConfigValue[] {
    return [...this.validateAll(props).values()];
  }

  #undefinedDependents(): string[] {
    const missing = new Set<string>();
    for (const key of this.#keys.values()) {
      for (const dependent of key.dependents) if (!this.#keys.has(dependent)) missing.add(dependent);
    }
    return [...missing];
  }
}

function has(props: Readonly<Record<string, unknown>>, name: string): boolean {
  return Object.hasOwn(props, name) && props[name] !== undefined;
}

/** A ConfigException's message; anything else is a bug in a validator or recommender and is rethrown. */
function configErrorMessage(error: unknown): string {
  if (error instanceof ConfigException) return error.message;
  throw error;
}
