import { describe, expect, it } from "vitest";
import { ConfigException } from "@/server/plugins/api/config/config-exception";
import {
  CaseInsensitiveValidString,
  CompositeValidator,
  LambdaValidator,
  NonEmptyString,
  NonEmptyStringWithoutControlChars,
  NonNullValidator,
  Range,
  ValidList,
  ValidString,
  type Validator,
} from "@/server/plugins/api/config/validators";

function messageFor(validator: Validator, value: unknown, name = "k"): string {
  try {
    validator.ensureValid(name, value);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigException);
    expect((error as ConfigException).key).toBe(name);
    return (error as ConfigException).message;
  }
  throw new Error(`expected ${String(value)} to be refused by ${String(validator)}`);
}

describe("Range", () => {
  it("atLeast accepts the bound and above, with Kafka's messages", () => {
    const range = Range.atLeast(1);
    expect(() => range.ensureValid("tasks.max", 1)).not.toThrow();
    expect(() => range.ensureValid("tasks.max", 1000)).not.toThrow();
    expect(messageFor(range, 0, "tasks.max")).toBe("Invalid value 0 for configuration tasks.max: Value must be at least 1");
    expect(messageFor(range, null, "tasks.max")).toBe("Invalid value null for configuration tasks.max: Value must be non-null");
    expect(String(range)).toBe("[1,...]");
  });

  it("between includes both bounds", () => {
    const range = Range.between(-1, 32767);
    expect(() => range.ensureValid("k", -1)).not.toThrow();
    expect(() => range.ensureValid("k", 32767)).not.toThrow();
    expect(messageFor(range, -2)).toBe("Invalid value -2 for configuration k: Value must be at least -1");
    expect(messageFor(range, 32768)).toBe("Invalid value 32768 for configuration k: Value must be no more than 32767");
    expect(messageFor(range, "3")).toBe("Invalid value 3 for configuration k: Value must be a number");
    expect(String(range)).toBe("[-1,...,32767]");
    expect(String(Range.between(0.5, 1.5))).toBe("[0.5,...,1.5]");
  });
});

describe("ValidString", () => {
  const validator = ValidString.in("none", "all");

  it("accepts exactly the listed strings, case-sensitively", () => {
    expect(() => validator.ensureValid("errors.tolerance", "all")).not.toThrow();
    expect(messageFor(validator, "ALL", "errors.tolerance")).toBe(
      "Invalid value ALL for configuration errors.tolerance: String must be one of: none, all",
    );
    expect(messageFor(validator, null)).toBe("Invalid value null for configuration k: String must be one of: none, all");
    expect(String(validator)).toBe("[none, all]");
  });
});

describe("CaseInsensitiveValidString", () => {
  const validator = CaseInsensitiveValidString.in("requested", "required");

  it("accepts the listed strings in any case and lists them upper-cased, as Kafka does", () => {
    expect(() => validator.ensureValid("exactly.once.support", "REQUIRED")).not.toThrow();
    expect(() => validator.ensureValid("exactly.once.support", "Requested")).not.toThrow();
    expect(messageFor(validator, "maybe", "exactly.once.support")).toBe(
      "Invalid value maybe for configuration exactly.once.support: String must be one of (case insensitive): REQUESTED, REQUIRED",
    );
    expect(messageFor(validator, null)).toBe("Invalid value null for configuration k: String must be one of (case insensitive): REQUESTED, REQUIRED");
    expect(String(validator)).toBe("(case insensitive) [REQUESTED, REQUIRED]");
  });
});

describe("ValidList", () => {
  const validator = ValidList.in("a", "b");

  it("checks every item and names the first bad one", () => {
    expect(() => validator.ensureValid("k", ["a", "b", "a"])).not.toThrow();
    expect(() => validator.ensureValid("k", [])).not.toThrow();
    expect(messageFor(validator, ["a", "c", "d"])).toBe("Invalid value c for configuration k: String must be one of: a, b");
    expect(messageFor(validator, "a")).toBe("Invalid value a for configuration k: Expected a comma separated list.");
    expect(String(validator)).toBe("[a, b]");
  });
});

describe("NonNullValidator", () => {
  it("refuses only null", () => {
    const validator = new NonNullValidator();
    expect(() => validator.ensureValid("k", "")).not.toThrow();
    expect(() => validator.ensureValid("k", 0)).not.toThrow();
    expect(messageFor(validator, null)).toBe("Invalid value null for configuration k: entry must be non null");
    expect(String(validator)).toBe("non-null string");
  });
});

describe("NonEmptyString", () => {
  it("refuses the empty string and lets null through", () => {
    const validator = new NonEmptyString();
    expect(() => validator.ensureValid("k", "x")).not.toThrow();
    expect(() => validator.ensureValid("k", null)).not.toThrow();
    expect(messageFor(validator, "")).toBe("Invalid value  for configuration k: String must be non-empty");
    expect(String(validator)).toBe("non-empty string");
  });
});

describe("NonEmptyStringWithoutControlChars", () => {
  it("refuses empty strings and ISO control characters, as for a connector's name", () => {
    const validator = new NonEmptyStringWithoutControlChars();
    expect(() => validator.ensureValid("name", "my-connector ü")).not.toThrow();
    expect(() => validator.ensureValid("name", null)).not.toThrow();
    expect(messageFor(validator, "", "name")).toBe("Invalid value  for configuration name: String may not be empty");
    expect(messageFor(validator, "a\tb\u0085", "name")).toBe(
      "Invalid value a\tb\u0085 for configuration name: String may not contain control sequences but had the following ASCII chars: 9,133",
    );
    expect(String(validator)).toBe("non-empty string without ISO control characters");
  });
});

describe("LambdaValidator", () => {
  it("delegates to its two functions", () => {
    const even = LambdaValidator.with(
      (name, value) => {
        if (typeof value !== "number" || value % 2 !== 0) throw ConfigException.invalid(name, value, "must be even");
      },
      () => "even numbers",
    );
    expect(() => even.ensureValid("k", 4)).not.toThrow();
    expect(messageFor(even, 3)).toBe("Invalid value 3 for configuration k: must be even");
    expect(String(even)).toBe("even numbers");
  });
});

describe("CompositeValidator", () => {
  it("runs its parts in order, throws the first failure, and joins their descriptions", () => {
    const validator = CompositeValidator.of(new NonNullValidator(), ValidString.in("none", "restart"));
    expect(() => validator.ensureValid("config.action.reload", "none")).not.toThrow();
    expect(messageFor(validator, null)).toBe("Invalid value null for configuration k: entry must be non null");
    expect(messageFor(validator, "later")).toBe("Invalid value later for configuration k: String must be one of: none, restart");
    expect(String(validator)).toBe("non-null string, [none, restart]");
  });
});
