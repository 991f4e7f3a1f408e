import { describe, expect, it } from "vitest";
import { ConfigDef, type ConfigKeyDefinition, type Recommender } from "@/server/plugins/api/config/config-def";
import { ConfigException } from "@/server/plugins/api/config/config-exception";
import { ConfigType, Importance, Width, type ParsedValue } from "@/server/plugins/api/config/config-types";
import { Password } from "@/server/plugins/api/config/password";
import { NonEmptyStringWithoutControlChars, Range, ValidList, ValidString } from "@/server/plugins/api/config/validators";

/** A definition with LOW importance and placeholder documentation, overridable. */
function key(name: string, type: ConfigType, rest: Partial<ConfigKeyDefinition> = {}): ConfigKeyDefinition {
  return { name, type, importance: Importance.LOW, documentation: "docs", ...rest };
}

const missing = (name: string) => `Missing required configuration "${name}" which has no default value.`;

/** A slice of Kafka Connect's common connector keys (reference §3.1). */
function connectorDef(): ConfigDef {
  const common = { importance: Importance.HIGH, group: "Common" };
  const errors = { importance: Importance.MEDIUM, group: "Error Handling" };
  return new ConfigDef()
    .define(key("name", ConfigType.STRING, { ...common, orderInGroup: 1, validator: new NonEmptyStringWithoutControlChars(), width: Width.MEDIUM, displayName: "Connector name" }))
    .define(key("connector.class", ConfigType.STRING, { ...common, orderInGroup: 2, width: Width.LONG, displayName: "Connector class" }))
    .define(key("tasks.max", ConfigType.INT, { ...common, orderInGroup: 3, default: 1, validator: Range.atLeast(1), width: Width.SHORT, displayName: "Tasks max" }))
    .define(key("key.converter", ConfigType.CLASS, { default: null, group: "Common", orderInGroup: 4 }))
    .define(key("transforms", ConfigType.LIST, { default: "", group: "Transforms", orderInGroup: 1 }))
    .define(key("errors.retry.timeout", ConfigType.LONG, { ...errors, orderInGroup: 1, default: "0" }))
    .define(key("errors.tolerance", ConfigType.STRING, { ...errors, orderInGroup: 2, default: "none", validator: ValidString.in("none", "all") }))
    .define(key("errors.log.enable", ConfigType.BOOLEAN, { ...errors, orderInGroup: 3, default: false }));
}

function thrown(action: () => unknown): ConfigException {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigException);
    return error as ConfigException;
  }
  throw new Error("expected a ConfigException");
}

describe("ConfigDef.define", () => {
  it("keeps definition order and records groups in order of first appearance", () => {
    const def = connectorDef();
    expect(def.names()).toEqual([
      "name",
      "connector.class",
      "tasks.max",
      "key.converter",
      "transforms",
      "errors.retry.timeout",
      "errors.tolerance",
      "errors.log.enable",
    ]);
    expect([...def.configKeys().keys()]).toEqual(def.names());
    expect(def.groups()).toEqual(["Common", "Transforms", "Error Handling"]);
  });

  it("fills Kafka's defaults for the optional parts and parses the default", () => {
    const pollMs = new ConfigDef().define(key("poll.ms", ConfigType.LONG, { default: "500" })).configKeys().get("poll.ms");
    expect(pollMs).toEqual({
      name: "poll.ms",
      type: "LONG",
      hasDefault: true,
      defaultValue: 500,
      validator: null,
      importance: "LOW",
      documentation: "docs",
      group: null,
      orderInGroup: -1,
      width: "NONE",
      displayName: "poll.ms",
      dependents: [],
      recommender: null,
      internal: false,
    });
  });

  it("marks a key without default as required and a null default as optional", () => {
    const keys = connectorDef().configKeys();
    expect(keys.get("name")).toMatchObject({ hasDefault: false, defaultValue: null });
    expect(keys.get("key.converter")).toMatchObject({ hasDefault: true, defaultValue: null });
  });

  it("keeps the internal flag", () => {
    expect(new ConfigDef().define(key("x", ConfigType.STRING, { default: "", internal: true })).configKeys().get("x")!.internal).toBe(true);
  });

  it("refuses a name defined twice", () => {
    const def = connectorDef();
    const error = thrown(() => def.define(key("tasks.max", ConfigType.INT)));
    expect(error.message).toBe("Configuration tasks.max is defined twice.");
    expect(error.key).toBe("tasks.max");
  });

  it("checks the default against the type and the validator at definition time", () => {
    expect(thrown(() => new ConfigDef().define(key("n", ConfigType.INT, { default: "many" }))).message).toBe(
      "Invalid value many for configuration n: Not a number of type INT",
    );
    expect(thrown(() => new ConfigDef().define(key("n", ConfigType.INT, { default: 0, validator: Range.atLeast(1) }))).message).toBe(
      "Invalid value 0 for configuration n: Value must be at least 1",
    );
  });

  it("copies a base definition, which stays unchanged", () => {
    const base = connectorDef();
    const extended = new ConfigDef(base).define(key("topics", ConfigType.LIST, { default: "", group: "Common", orderInGroup: 5 }));
    expect(extended.names().at(-1)).toBe("topics");
    expect(base.names()).not.toContain("topics");
    expect(extended.groups()).toEqual(base.groups());
  });
});

describe("ConfigDef.parse", () => {
  const required = { name: "fs", "connector.class": "FileStreamSink" };

  it("parses every type and applies defaults", () => {
    const parsed = connectorDef().parse({ ...required, name: " fs ", "tasks.max": "4", transforms: "a, b", "errors.log.enable": "TRUE" });
    expect(Object.fromEntries(parsed)).toEqual({
      name: "fs",
      "connector.class": "FileStreamSink",
      "tasks.max": 4,
      "key.converter": null,
      transforms: ["a", "b"],
      "errors.retry.timeout": 0,
      "errors.tolerance": "none",
      "errors.log.enable": true,
    });
  });

  it("parses SHORT, DOUBLE and PASSWORD keys, and a password stays hidden", () => {
    const def = new ConfigDef()
      .define(key("rf", ConfigType.SHORT, { default: "3" }))
      .define(key("ratio", ConfigType.DOUBLE, { default: 0.5 }))
      .define(key("connection.password", ConfigType.PASSWORD, { importance: Importance.HIGH }));
    const parsed = def.parse({ rf: "-1", "connection.password": "s3cret" });
    expect(parsed.get("rf")).toBe(-1);
    expect(parsed.get("ratio")).toBe(0.5);
    const password = parsed.get("connection.password");
    expect(password).toBeInstanceOf(Password);
    expect((password as Password).value()).toBe("s3cret");
    expect(String(password)).toBe("[hidden]");
    expect(JSON.stringify(Object.fromEntries(parsed))).toBe('{"rf":-1,"ratio":0.5,"connection.password":"[hidden]"}');
  });

  it("throws Kafka's message for a missing required key, naming it", () => {
    const error = thrown(() => connectorDef().parse({ "connector.class": "FileStreamSink" }));
    expect(error.message).toBe(missing("name"));
    expect(error.key).toBe("name");
    expect(error.code).toBe("config.invalid_value");
  });

  it("throws for a bad value and for a value its validator refuses", () => {
    const message = (props: Record<string, string>) => thrown(() => connectorDef().parse({ ...required, ...props })).message;
    expect(message({ "tasks.max": "two" })).toBe("Invalid value two for configuration tasks.max: Not a number of type INT");
    expect(message({ "tasks.max": "0" })).toBe("Invalid value 0 for configuration tasks.max: Value must be at least 1");
    expect(message({ "errors.tolerance": "some" })).toBe("Invalid value some for configuration errors.tolerance: String must be one of: none, all");
  });

  it("ignores keys it does not define and treats undefined entries as absent", () => {
    const parsed = connectorDef().parse({ ...required, "tasks.max": undefined, file: "out.txt" });
    expect(parsed.get("tasks.max")).toBe(1);
    expect(parsed.has("file")).toBe(false);
  });

  it("refuses to parse when a dependent is not defined", () => {
    const def = new ConfigDef().define(key("parent", ConfigType.STRING, { default: "", dependents: ["child"] }));
    expect(thrown(() => def.parse({})).message).toBe("Some configurations in are referred in the dependents, but not defined: child");
  });

  it("validates a LIST with ValidList", () => {
    const def = new ConfigDef().define(key("modes", ConfigType.LIST, { default: ["a"], validator: ValidList.in("a", "b") }));
    expect(def.parse({ modes: "b,a" }).get("modes")).toEqual(["b", "a"]);
    expect(thrown(() => def.parse({ modes: "a,z" })).message).toBe("Invalid value z for configuration modes: String must be one of: a, b");
  });
});

/** `mode`'s choices depend on `connection.type`; `poll.interval.ms` is only shown for http. */
function dependentDef(): ConfigDef {
  const modes: Recommender = {
    validValues: (_name, config) => (config.get("connection.type") === "http" ? ["poll", "webhook"] : ["bulk", "incrementing", "timestamp"]),
    visible: () => true,
  };
  const onlyForHttp: Recommender = {
    validValues: () => [],
    visible: (_name, config) => config.get("connection.type") === "http",
  };
  const group = { group: "Connection", importance: Importance.HIGH };
  return new ConfigDef()
    .define(
      key("connection.type", ConfigType.STRING, {
        ...group,
        orderInGroup: 1,
        default: "jdbc",
        validator: ValidString.in("jdbc", "http"),
        dependents: ["mode", "poll.interval.ms"],
      }),
    )
    .define(key("mode", ConfigType.STRING, { ...group, orderInGroup: 2, recommender: modes }))
    .define(key("poll.interval.ms", ConfigType.LONG, { ...group, orderInGroup: 3, default: 5000, validator: Range.atLeast(1), recommender: onlyForHttp }));
}

describe("ConfigDef.validateAll", () => {
  it("reports a value for every key, in definition order, without throwing", () => {
    const results = connectorDef().validateAll({ name: "fs", "connector.class": "FileStreamSink", "unknown.key": "x" });
    expect([...results.keys()]).toEqual(connectorDef().names());
    expect(results.get("tasks.max")).toEqual({ name: "tasks.max", value: 1, recommendedValues: [], errors: [], visible: true });
    expect([...results.values()].every((value) => value.errors.length === 0)).toBe(true);
  });

  it("collects errors per key: missing required keys, parse errors, validator errors", () => {
    const results = connectorDef().validateAll({ "tasks.max": "0", "errors.tolerance": "some", "errors.log.enable": "maybe" });
    expect(results.get("name")).toEqual({ name: "name", value: null, recommendedValues: [], errors: [missing("name")], visible: true });
    expect(results.get("connector.class")!.errors).toEqual([missing("connector.class")]);
    expect(results.get("tasks.max")).toMatchObject({
      value: 0,
      errors: ["Invalid value 0 for configuration tasks.max: Value must be at least 1"],
    });
    expect(results.get("errors.tolerance")).toMatchObject({
      value: "some",
      errors: ["Invalid value some for configuration errors.tolerance: String must be one of: none, all"],
    });
    expect(results.get("errors.log.enable")).toMatchObject({
      value: null,
      errors: ["Invalid value maybe for configuration errors.log.enable: Expected value to be either true or false"],
    });
  });

  it("runs the validator on the null left by a parse error, as Kafka does", () => {
    const results = connectorDef().validateAll({ name: "fs", "connector.class": "X", "tasks.max": "abc" });
    expect(results.get("tasks.max")).toMatchObject({
      value: null,
      errors: [
        "Invalid value abc for configuration tasks.max: Not a number of type INT",
        "Invalid value null for configuration tasks.max: Value must be non-null",
      ],
    });
  });

  it("takes recommended values and visibility from the recommender, given the other keys", () => {
    const jdbc = dependentDef().validateAll({ mode: "bulk" });
    expect(jdbc.get("connection.type")).toEqual({ name: "connection.type", value: "jdbc", recommendedValues: [], errors: [], visible: true });
    expect(jdbc.get("mode")).toEqual({
      name: "mode",
      value: "bulk",
      recommendedValues: ["bulk", "incrementing", "timestamp"],
      errors: [],
      visible: true,
    });
    expect(jdbc.get("poll.interval.ms")).toEqual({ name: "poll.interval.ms", value: 5000, recommendedValues: [], errors: [], visible: false });

    const http = dependentDef().validateAll({ "connection.type": "http", "poll.interval.ms": "0" });
    expect(http.get("mode")).toEqual({ name: "mode", value: null, recommendedValues: ["poll", "webhook"], errors: [missing("mode")], visible: true });
    expect(http.get("poll.interval.ms")).toMatchObject({
      visible: true,
      errors: ["Invalid value 0 for configuration poll.interval.ms: Value must be at least 1"],
    });
  });

  it("gives recommenders the whole parsed config, with null for unparseable keys", () => {
    const seen: Array<ReadonlyMap<string, ParsedValue>> = [];
    const recorder: Recommender = {
      validValues: (_name, config) => {
        seen.push(new Map(config));
        return [];
      },
      visible: () => true,
    };
    const def = new ConfigDef()
      .define(key("child", ConfigType.STRING, { default: "", recommender: recorder }))
      .define(key("count", ConfigType.INT, { default: 1, dependents: ["child"] }));
    def.validateAll({ count: "lots" });
    expect(Object.fromEntries(seen[0])).toEqual({ child: "", count: null });
  });

  it("records a ConfigException from a recommender as an error and lets other errors through", () => {
    const failing = (error: Error) => {
      const recommender: Recommender = {
        validValues: () => {
          throw error;
        },
        visible: () => true,
      };
      return new ConfigDef().define(key("k", ConfigType.STRING, { default: "v", recommender }));
    };
    expect(failing(new ConfigException("Could not list tables")).validateAll({}).get("k")).toEqual({
      name: "k",
      value: "v",
      recommendedValues: [],
      errors: ["Could not list tables"],
      visible: true,
    });
    expect(() => failing(new TypeError("bug")).validateAll({})).toThrow(TypeError);
  });

  it("reports dependents that are not defined as invisible entries with an error", () => {
    const def = new ConfigDef().define(key("a", ConfigType.INT, { default: 1, dependents: ["b", "d"] })).define(key("b", ConfigType.INT));
    expect(def.validateAll({ b: "2" }).get("d")).toEqual({
      name: "d",
      value: null,
      recommendedValues: [],
      errors: ["d is referred in the dependents, but not defined."],
      visible: false,
    });
  });

  it("reports each error once for a key with two parents", () => {
    const def = new ConfigDef()
      .define(key("a", ConfigType.INT, { default: 1, dependents: ["b"] }))
      .define(key("b", ConfigType.INT))
      .define(key("d", ConfigType.INT, { default: 1, dependents: ["b"] }));
    expect(def.validateAll({}).get("b")!.errors).toEqual([missing("b")]);
  });

  it("validate() lists the same values in definition order", () => {
    expect(dependentDef().validate({}).map((value) => value.name)).toEqual(["connection.type", "mode", "poll.interval.ms"]);
  });
});
