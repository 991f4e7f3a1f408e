import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { ConfigException } from "@/server/plugins/api/config/config-exception";
import { ConfigType } from "@/server/plugins/api/config/config-types";
import { Password } from "@/server/plugins/api/config/password";
import { parseValue, valueToString } from "@/server/plugins/api/config/typed-values";

function failure(value: unknown, type: ConfigType): ConfigException {
  try {
    parseValue("k", value, type);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigException);
    return error as ConfigException;
  }
  throw new Error(`expected ${String(value)} to be refused as ${type}`);
}

describe("parseValue", () => {
  it("parses BOOLEAN case-insensitively, trimmed", () => {
    expect(parseValue("k", "true", "BOOLEAN")).toBe(true);
    expect(parseValue("k", " FALSE ", "BOOLEAN")).toBe(false);
    expect(parseValue("k", "True", "BOOLEAN")).toBe(true);
    expect(parseValue("k", false, "BOOLEAN")).toBe(false);
    expect(failure("yes", "BOOLEAN").message).toBe("Invalid value yes for configuration k: Expected value to be either true or false");
    expect(failure("", "BOOLEAN").message).toBe("Invalid value  for configuration k: Expected value to be either true or false");
  });

  it("parses INT within 32 bits, with Kafka's message otherwise", () => {
    expect(parseValue("k", "42", "INT")).toBe(42);
    expect(parseValue("k", " -7 ", "INT")).toBe(-7);
    expect(parseValue("k", "+3", "INT")).toBe(3);
    expect(parseValue("k", "2147483647", "INT")).toBe(2_147_483_647);
    expect(parseValue("k", "-2147483648", "INT")).toBe(-2_147_483_648);
    expect(parseValue("k", 5, "INT")).toBe(5);
    expect(failure("2147483648", "INT").message).toBe("Invalid value 2147483648 for configuration k: Not a number of type INT");
    for (const bad of ["non_integer", "1.5", "1e3", "", "0x10", "1_000"]) {
      expect(failure(bad, "INT").message).toBe(`Invalid value ${bad} for configuration k: Not a number of type INT`);
    }
    expect(failure(1.5, "INT").message).toBe("Invalid value 1.5 for configuration k: Not a number of type INT");
  });

  it("parses SHORT within 16 bits", () => {
    expect(parseValue("k", "32767", "SHORT")).toBe(32_767);
    expect(parseValue("k", "-32768", "SHORT")).toBe(-32_768);
    expect(failure("32768", "SHORT").message).toBe("Invalid value 32768 for configuration k: Not a number of type SHORT");
  });

  it("parses LONG as a safe-integer number and refuses longs beyond that range with its own reason", () => {
    expect(parseValue("k", "60000", "LONG")).toBe(60_000);
    expect(parseValue("k", "-1", "LONG")).toBe(-1);
    expect(parseValue("k", "9007199254740991", "LONG")).toBe(Number.MAX_SAFE_INTEGER);
    expect(failure("9223372036854775807", "LONG").message).toBe(
      "Invalid value 9223372036854775807 for configuration k: Value must be between -9007199254740991 and 9007199254740991 (the LONG range Tributary supports)",
    );
    expect(failure("9223372036854775808", "LONG").message).toBe("Invalid value 9223372036854775808 for configuration k: Not a number of type LONG");
    expect(failure("soon", "LONG").message).toBe("Invalid value soon for configuration k: Not a number of type LONG");
  });

  it("parses DOUBLE as Java's Double.parseDouble does", () => {
    expect(parseValue("k", "1.5", "DOUBLE")).toBe(1.5);
    expect(parseValue("k", "2", "DOUBLE")).toBe(2);
    expect(parseValue("k", ".5", "DOUBLE")).toBe(0.5);
    expect(parseValue("k", "1e3", "DOUBLE")).toBe(1000);
    expect(parseValue("k", "-2.5E-2", "DOUBLE")).toBe(-0.025);
    expect(parseValue("k", "3.0d", "DOUBLE")).toBe(3);
    expect(parseValue("k", "Infinity", "DOUBLE")).toBe(Infinity);
    expect(parseValue("k", "NaN", "DOUBLE")).toBeNaN();
    expect(failure("", "DOUBLE").message).toBe("Invalid value  for configuration k: Not a number of type DOUBLE");
    expect(failure("abc", "DOUBLE").message).toBe("Invalid value abc for configuration k: Not a number of type DOUBLE");
  });

  it("trims STRING and CLASS values and keeps them as text", () => {
    expect(parseValue("k", "  hello world ", "STRING")).toBe("hello world");
    expect(parseValue("k", "", "STRING")).toBe("");
    expect(parseValue("k", " org.apache.kafka.connect.json.JsonConverter ", "CLASS")).toBe("org.apache.kafka.connect.json.JsonConverter");
    expect(failure(3, "STRING").message).toBe("Invalid value 3 for configuration k: Expected value to be a string, but it was a number");
  });

  it("splits LIST on commas, trimming items, keeping empty items, and '' as []", () => {
    expect(parseValue("k", "a, b ,c", "LIST")).toEqual(["a", "b", "c"]);
    expect(parseValue("k", "  ", "LIST")).toEqual([]);
    expect(parseValue("k", "", "LIST")).toEqual([]);
    expect(parseValue("k", "single", "LIST")).toEqual(["single"]);
    expect(parseValue("k", "a,,b,", "LIST")).toEqual(["a", "", "b", ""]);
    expect(parseValue("k", ["x", "y"], "LIST")).toEqual(["x", "y"]);
    expect(failure(7, "LIST").message).toBe("Invalid value 7 for configuration k: Expected a comma separated list.");
  });

  it("wraps PASSWORD in a Password, trimmed", () => {
    const parsed = parseValue("k", " s3cret ", "PASSWORD");
    expect(parsed).toBeInstanceOf(Password);
    expect((parsed as Password).value()).toBe("s3cret");
  });

  it("gives null for null and undefined of any type", () => {
    for (const type of Object.values(ConfigType)) {
      expect(parseValue("k", null, type)).toBeNull();
      expect(parseValue("k", undefined, type)).toBeNull();
    }
  });

  it("names the key on the exception and uses the config.invalid_value code", () => {
    const error = failure("x", "INT");
    expect(error.key).toBe("k");
    expect(error.code).toBe("config.invalid_value");
  });
});

describe("valueToString", () => {
  it("renders values as Kafka's convertToString", () => {
    expect(valueToString(["a", "b"], "LIST")).toBe("a,b");
    expect(valueToString([], "LIST")).toBe("");
    expect(valueToString(true, "BOOLEAN")).toBe("true");
    expect(valueToString(1, "INT")).toBe("1");
    expect(valueToString("x", "STRING")).toBe("x");
    expect(valueToString(null, "STRING")).toBeNull();
    expect(valueToString(new Password("s3cret"), "PASSWORD")).toBe("[hidden]");
  });

  it("renders DOUBLE as Java's Double.toString", () => {
    expect(valueToString(1, "DOUBLE")).toBe("1.0");
    expect(valueToString(0.5, "DOUBLE")).toBe("0.5");
    expect(valueToString(0, "DOUBLE")).toBe("0.0");
    expect(valueToString(1e7, "DOUBLE")).toBe("1.0E7");
    expect(valueToString(1.25e-5, "DOUBLE")).toBe("1.25E-5");
    expect(valueToString(-Infinity, "DOUBLE")).toBe("-Infinity");
    expect(valueToString(1, undefined)).toBe("1");
  });
});

describe("Password", () => {
  const password = new Password("s3cret");

  it("never shows its secret as text", () => {
    expect(String(password)).toBe("[hidden]");
    expect(`${password}`).toBe("[hidden]");
    expect(JSON.stringify({ password })).toBe('{"password":"[hidden]"}');
    expect(inspect(password)).not.toContain("s3cret");
    expect(inspect({ nested: [password] }, { depth: 5 })).not.toContain("s3cret");
  });

  it("gives the secret through value() and compares by secret", () => {
    expect(password.value()).toBe("s3cret");
    expect(password.equals(new Password("s3cret"))).toBe(true);
    expect(password.equals(new Password("other"))).toBe(false);
    expect(password.equals("s3cret")).toBe(false);
  });

  it("is hidden in error messages too", () => {
    expect(ConfigException.invalid("db.password", password, "too short").message).toBe(
      "Invalid value [hidden] for configuration db.password: too short",
    );
  });
});
