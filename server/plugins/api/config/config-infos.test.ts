import { describe, expect, it } from "vitest";
import { TributaryError } from "@/server/errors/tributary-error";
import { ConfigDef, type Recommender } from "@/server/plugins/api/config/config-def";
import { configKeyInfo, configValueInfo } from "@/server/plugins/api/config/config-infos";
import { ConfigType, Importance, Width } from "@/server/plugins/api/config/config-types";
import { Password } from "@/server/plugins/api/config/password";
import { NonEmptyStringWithoutControlChars, Range } from "@/server/plugins/api/config/validators";

function keyInfo(def: ConfigDef, name: string) {
  return configKeyInfo(def.configKeys().get(name)!);
}

describe("configKeyInfo", () => {
  it("matches the reference's ConfigKeyInfo for tasks.max byte for byte", () => {
    const def = new ConfigDef().define({
      name: "tasks.max",
      type: ConfigType.INT,
      default: 1,
      validator: Range.atLeast(1),
      importance: Importance.HIGH,
      documentation: "...",
      group: "Common",
      orderInGroup: 3,
      width: Width.SHORT,
      displayName: "Tasks max",
    });
    expect(JSON.stringify(keyInfo(def, "tasks.max"))).toBe(
      '{"name":"tasks.max","type":"INT","required":false,"default_value":"1","importance":"HIGH","documentation":"...",' +
        '"group":"Common","order":3,"width":"SHORT","display_name":"Tasks max","dependents":[]}',
    );
  });

  it("shows a required key with required true and default_value null (the reference's `name` definition)", () => {
    const def = new ConfigDef().define({
      name: "name",
      type: ConfigType.STRING,
      validator: new NonEmptyStringWithoutControlChars(),
      importance: Importance.HIGH,
      documentation: "...",
      group: "Common",
      orderInGroup: 1,
      width: Width.MEDIUM,
      displayName: "Connector name",
    });
    expect(keyInfo(def, "name")).toEqual({
      name: "name",
      type: "STRING",
      required: true,
      default_value: null,
      importance: "HIGH",
      documentation: "...",
      group: "Common",
      order: 1,
      width: "MEDIUM",
      display_name: "Connector name",
      dependents: [],
    });
  });

  it("renders defaults as Kafka's strings", () => {
    const def = new ConfigDef()
      .define({ name: "key.converter", type: ConfigType.CLASS, default: null, importance: Importance.LOW, documentation: "d" })
      .define({ name: "transforms", type: ConfigType.LIST, default: "", importance: Importance.LOW, documentation: "d" })
      .define({ name: "hosts", type: ConfigType.LIST, default: ["a", "b"], importance: Importance.LOW, documentation: "d" })
      .define({ name: "secret", type: ConfigType.PASSWORD, default: "hunter2", importance: Importance.LOW, documentation: "d" })
      .define({ name: "ratio", type: ConfigType.DOUBLE, default: 1, importance: Importance.LOW, documentation: "d" })
      .define({ name: "errors.log.enable", type: ConfigType.BOOLEAN, default: "false", importance: Importance.LOW, documentation: "d" })
      .define({ name: "errors.retry.delay.max.ms", type: ConfigType.LONG, default: 60000, importance: Importance.LOW, documentation: "d" });
    const defaults = Object.fromEntries(def.names().map((name) => [name, keyInfo(def, name)]));
    expect(defaults["key.converter"]).toMatchObject({ required: false, default_value: null });
    expect(defaults.transforms).toMatchObject({ required: false, default_value: "" });
    expect(defaults.hosts.default_value).toBe("a,b");
    expect(defaults.secret.default_value).toBe("[hidden]");
    expect(JSON.stringify(defaults.secret)).not.toContain("hunter2");
    expect(defaults.ratio.default_value).toBe("1.0");
    expect(defaults["errors.log.enable"].default_value).toBe("false");
    expect(defaults["errors.retry.delay.max.ms"].default_value).toBe("60000");
  });

  it("shows no group as null and no order as -1, with the name as display name", () => {
    const def = new ConfigDef().define({ name: "x", type: ConfigType.STRING, default: "", importance: Importance.LOW, documentation: "d", dependents: ["y"] });
    expect(keyInfo(def, "x")).toMatchObject({ group: null, order: -1, width: "NONE", display_name: "x", dependents: ["y"] });
    expect(keyInfo(def, "x")).not.toHaveProperty("order_in_group");
  });
});

describe("configValueInfo", () => {
  it("matches the reference's value for a missing required name", () => {
    const def = new ConfigDef().define({
      name: "name",
      type: ConfigType.STRING,
      validator: new NonEmptyStringWithoutControlChars(),
      importance: Importance.HIGH,
      documentation: "...",
    });
    const value = def.validateAll({}).get("name")!;
    expect(JSON.stringify(configValueInfo(value, "STRING"))).toBe(
      '{"name":"name","value":null,"recommended_values":[],"errors":["Missing required configuration \\"name\\" which has no default value."],"visible":true}',
    );
  });

  it("renders values as strings and hides passwords", () => {
    const topicsRecommender: Recommender = { validValues: () => [["a", "b"], "c"], visible: () => true };
    const hiddenTasks: Recommender = { validValues: () => [1, 2, 4], visible: () => false };
    const def = new ConfigDef()
      .define({ name: "connection.password", type: ConfigType.PASSWORD, importance: Importance.HIGH, documentation: "d" })
      .define({ name: "topics", type: ConfigType.LIST, default: "", importance: Importance.HIGH, documentation: "d", recommender: topicsRecommender })
      .define({ name: "tasks.max", type: ConfigType.INT, default: 1, importance: Importance.HIGH, documentation: "d", recommender: hiddenTasks })
      .define({ name: "ratio", type: ConfigType.DOUBLE, default: 2, importance: Importance.HIGH, documentation: "d" })
      .define({ name: "key.converter", type: ConfigType.CLASS, default: null, importance: Importance.LOW, documentation: "d" });
    const values = def.validateAll({ "connection.password": "hunter2", topics: "orders, payments" });
    const infos = Object.fromEntries(
      def.names().map((name) => [name, configValueInfo(values.get(name)!, def.configKeys().get(name)!.type)]),
    );

    expect(infos["connection.password"]).toEqual({ name: "connection.password", value: "[hidden]", recommended_values: [], errors: [], visible: true });
    expect(JSON.stringify(infos)).not.toContain("hunter2");
    expect(infos.topics).toMatchObject({ value: "orders,payments", recommended_values: ["a,b", "c"] });
    expect(infos["tasks.max"]).toEqual({ name: "tasks.max", value: "1", recommended_values: ["1", "2", "4"], errors: [], visible: false });
    expect(infos.ratio.value).toBe("2.0");
    expect(infos["key.converter"].value).toBeNull();
  });

  it("renders from the value itself when no type is given", () => {
    const info = configValueInfo({ name: "p", value: new Password("hunter2"), recommendedValues: [3], errors: ["e"], visible: true });
    expect(info).toEqual({ name: "p", value: "[hidden]", recommended_values: ["3"], errors: ["e"], visible: true });
  });
});

describe("the config-def entry point", () => {
  it("exports the whole API from one path", async () => {
    const api = await import("@/server/plugins/api/config-def");
    const def = new api.ConfigDef().define({
      name: "x",
      type: api.ConfigType.INT,
      default: 2,
      validator: api.Range.between(1, 3),
      importance: api.Importance.LOW,
      documentation: "d",
    });
    expect(api.configKeyInfo(def.configKeys().get("x")!).default_value).toBe("2");
    expect(new api.Password("p").toString()).toBe("[hidden]");
    expect(new api.ConfigException("m")).toBeInstanceOf(TributaryError);
  });
});
