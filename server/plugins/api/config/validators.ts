import { ConfigException } from "@/server/plugins/api/config/config-exception";

/**
 * Checks one parsed value (Kafka's `ConfigDef.Validator`). ConfigDef calls `ensureValid` with the
 * key's name and its parsed value (possibly `null`: a null default, or a value that failed to
 * parse during validation) and expects a ConfigException in Kafka's wording when the value is
 * not acceptable. `toString()` describes the accepted values for documentation (`[1,...]`,
 * `[none, all]`). Validators are stateless and may be shared between keys and ConfigDefs.
 */
export interface Validator {
  ensureValid(name: string, value: unknown): void;
  toString(): string;
}

/** An inclusive numeric range (`ConfigDef.Range`); `null` is refused with "Value must be non-null". */
export class Range implements Validator {
  private constructor(
    private readonly min: number | null,
    private readonly max: number | null,
  ) {}

  /** Values of at least `min`; documented as `[min,...]`. */
  static atLeast(min: number): Range {
    return new Range(min, null);
  }

  /** Values from `min` to `max`, both included; documented as `[min,...,max]`. */
  static between(min: number, max: number): Range {
    return new Range(min, max);
  }

  ensureValid(name: string, value: unknown): void {
    if (value === null || value === undefined) throw ConfigException.invalid(name, null, "Value must be non-null");
    if (typeof value !== "number") throw ConfigException.invalid(name, value, "Value must be a number");
    if (this.min !== null && value < this.min) throw ConfigException.invalid(name, value, `Value must be at least ${this.min}`);
    if (this.max !== null && value > this.max) throw ConfigException.invalid(name, value, `Value must be no more than ${this.max}`);
  }

  toString(): string {
    if (this.min === null && this.max === null) return "[...]";
    if (this.min === null) return `[...,${this.max}]`;
    if (this.max === null) return `[${this.min},...]`;
    return `[${this.min},...,${this.max}]`;
  }
}

/** One of a fixed set of strings, case-sensitive (`ConfigDef.ValidString`); `null` is refused. */
export class ValidString implements Validator {
  private constructor(private readonly validStrings: readonly string[]) {}

  /** Accepts exactly these strings; documented as `[a, b]`. */
  static in(...validStrings: string[]): ValidString {
    return new ValidString(validStrings);
  }

  ensureValid(name: string, value: unknown): void {
    if (typeof value !== "string" || !this.validStrings.includes(value)) {
      throw ConfigException.invalid(name, value, `String must be one of: ${this.validStrings.join(", ")}`);
    }
  }

  toString(): string {
    return `[${this.validStrings.join(", ")}]`;
  }
}

/**
 * One of a fixed set of strings in any case (`ConfigDef.CaseInsensitiveValidString`). As in Kafka,
 * the accepted values are listed upper-cased in messages and documentation; the parsed value
 * keeps the case the user wrote, so the consumer compares case-insensitively too.
 */
export class CaseInsensitiveValidString implements Validator {
  private readonly validStrings: readonly string[];

  private constructor(validStrings: readonly string[]) {
    this.validStrings = [...new Set(validStrings.map((s) => s.toUpperCase()))];
  }

  /** Accepts these strings in any case; documented as `(case insensitive) [A, B]`. */
  static in(...validStrings: string[]): CaseInsensitiveValidString {
    return new CaseInsensitiveValidString(validStrings);
  }

  ensureValid(name: string, value: unknown): void {
    if (typeof value !== "string" || !this.validStrings.includes(value.toUpperCase())) {
      throw ConfigException.invalid(name, value, `String must be one of (case insensitive): ${this.validStrings.join(", ")}`);
    }
  }

  toString(): string {
    return `(case insensitive) [${this.validStrings.join(", ")}]`;
  }
}

/**
 * A LIST whose every item is one of a fixed set of strings (`ConfigDef.ValidList`). The error
 * names the first offending item, as Kafka's does; an empty list is valid.
 */
export class ValidList implements Validator {
  private constructor(private readonly validString: ValidString) {}

  /** Accepts lists of these strings; documented as `[a, b]`. */
  static in(...validStrings: string[]): ValidList {
    return new ValidList(ValidString.in(...validStrings));
  }

  ensureValid(name: string, value: unknown): void {
    if (!Array.isArray(value)) throw ConfigException.invalid(name, value, "Expected a comma separated list.");
    for (const item of value) this.validString.ensureValid(name, item);
  }

  toString(): string {
    return this.validString.toString();
  }
}

/** Refuses `null` (`ConfigDef.NonNullValidator`): `Invalid value null …: entry must be non null`. */
export class NonNullValidator implements Validator {
  ensureValid(name: string, value: unknown): void {
    if (value === null || value === undefined) throw ConfigException.invalid(name, null, "entry must be non null");
  }

  toString(): string {
    return "non-null string";
  }
}

/**
 * Refuses the empty string (`ConfigDef.NonEmptyString`). As in Kafka, `null` passes: a missing
 * required key is reported once, by the required check, not again here.
 */
export class NonEmptyString implements Validator {
  ensureValid(name: string, value: unknown): void {
    if (value === null || value === undefined) return;
    if (typeof value !== "string") throw ConfigException.invalid(name, value, "Expected value to be a string");
    if (value === "") throw ConfigException.invalid(name, value, "String must be non-empty");
  }

  toString(): string {
    return "non-empty string";
  }
}

/**
 * Refuses the empty string and ISO control characters (`ConfigDef.NonEmptyStringWithoutControlChars`,
 * used for a connector's `name`); `null` passes, as in NonEmptyString.
 */
export class NonEmptyStringWithoutControlChars implements Validator {
  ensureValid(name: string, value: unknown): void {
    if (value === null || value === undefined) return;
    if (typeof value !== "string") throw ConfigException.invalid(name, value, "Expected value to be a string");
    if (value === "") throw ConfigException.invalid(name, value, "String may not be empty");
    const controls = [...value].map((c) => c.codePointAt(0)!).filter((code) => code <= 0x1f || (code >= 0x7f && code <= 0x9f));
    if (controls.length > 0) {
      throw ConfigException.invalid(name, value, `String may not contain control sequences but had the following ASCII chars: ${controls.join(",")}`);
    }
  }

  toString(): string {
    return "non-empty string without ISO control characters";
  }
}

/** A validator built from two functions (`ConfigDef.LambdaValidator`). */
export class LambdaValidator implements Validator {
  private constructor(
    private readonly check: (name: string, value: unknown) => void,
    private readonly describe: () => string,
  ) {}

  /** `check` throws a ConfigException for a bad value; `describe` gives the documentation text. */
  static with(check: (name: string, value: unknown) => void, describe: () => string): LambdaValidator {
    return new LambdaValidator(check, describe);
  }

  ensureValid(name: string, value: unknown): void {
    this.check(name, value);
  }

  toString(): string {
    return this.describe();
  }
}

/**
 * Several validators in order (`ConfigDef.CompositeValidator`); the first failure is thrown.
 * Documented as the parts' descriptions joined with `, `.
 */
export class CompositeValidator implements Validator {
  private constructor(private readonly validators: readonly Validator[]) {}

  /** Runs `validators` in the given order. */
  static of(...validators: Validator[]): CompositeValidator {
    return new CompositeValidator(validators);
  }

  ensureValid(name: string, value: unknown): void {
    for (const validator of this.validators) validator.ensureValid(name, value);
  }

  toString(): string {
    return this.validators.map(String).join(", ");
  }
}
