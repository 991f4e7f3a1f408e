import { describe, expect, it } from "vitest";
import {
  aliasFields,
  configProblems,
  fieldGroups,
  groupStartsOpen,
  otherKeys,
  secretKeyTest,
  shownErrors,
  stepOfKey,
  undefinedKeysUnder,
} from "@/components/connector-form/config-fields";
import type { ConfigInfos, ConfigKeyInfo } from "@/components/queries/validation";

type Entry = ConfigInfos["configs"][number];

function entry(name: string, group: string | null, order: number, extra: Partial<ConfigKeyInfo> & { errors?: string[]; visible?: boolean } = {}): Entry {
  const { errors = [], visible = true, ...definition } = extra;
  return {
    definition: { name, type: "STRING", required: false, default_value: null, importance: "HIGH", documentation: "", group, order, width: "NONE", display_name: name, dependents: [], ...definition },
    value: { name, value: null, recommended_values: [], errors, visible },
  };
}

/** A validate answer shaped like FileStreamSink's, with one transform alias and a DLQ key. */
const infos: ConfigInfos = {
  name: "FileStreamSink",
  error_count: 2,
  groups: ["Common", "Transforms", "Predicates", "Error Handling", "Transforms: mask"],
  configs: [
    entry("file", null, -1),
    entry("name", "Common", 1, { required: true, errors: ["Missing required configuration \"name\" which has no default value."] }),
    entry("connector.class", "Common", 2, { required: true }),
    entry("tasks.max", "Common", 3, { type: "INT", default_value: "1" }),
    entry("key.converter", "Common", 4, { type: "CLASS" }),
    entry("transforms", "Transforms", 1, { type: "LIST" }),
    entry("predicates", "Predicates", 1, { type: "LIST" }),
    entry("errors.tolerance", "Error Handling", 3, { default_value: "none" }),
    entry("errors.retry.timeout", "Error Handling", 1, { type: "LONG", default_value: "0" }),
    entry("errors.deadletterqueue.topic.name", "Error Handling", 7),
    entry("topics", "Common", 4, { type: "LIST" }),
    entry("secret.thing", null, 2, { type: "PASSWORD" }),
    entry("hidden.thing", null, 3, { visible: false, errors: ["not shown"] }),
    entry("transforms.mask.type", "Transforms: mask", 0, { type: "CLASS", required: true }),
    entry("transforms.mask.fields", "Transforms: mask", 3, { type: "LIST", errors: ["Missing required configuration \"transforms.mask.fields\""] }),
    entry("transforms.mask.predicate", "Transforms: mask", 1),
    { definition: null, value: { name: "consumer.override.group.id", value: "g", recommended_values: [], errors: ["The 'None' policy does not allow 'group.id' to be overridden"], visible: true } },
  ],
};

describe("the wizard's view of a validate answer", () => {
  it("puts each key on its step, and leaves the keys the wizard renders itself to it", () => {
    const stepOf = (name: string) => stepOfKey(infos.configs.find((each) => each.value.name === name)!.definition!);
    expect(stepOf("file")).toBe("settings");
    expect(stepOf("tasks.max")).toBe("settings");
    expect(stepOf("key.converter")).toBe("pipeline");
    expect(stepOf("transforms.mask.fields")).toBe("pipeline");
    expect(stepOf("errors.deadletterqueue.topic.name")).toBe("errors");
    const autoRestart = { ...infos.configs.find((each) => each.value.name === "errors.tolerance")!.definition!, name: "tributary.auto.restart.enabled", group: "Auto restart" };
    expect(stepOfKey(autoRestart)).toBe("errors");
    for (const name of ["name", "connector.class", "transforms", "predicates", "transforms.mask.type"]) expect(stepOf(name), name).toBeNull();
  });

  it("groups the settings step with the plugin's own keys first and fields by their order, hiding invisible ones (the name has a field of its own, first)", () => {
    expect(fieldGroups(infos, "settings").map((group) => [group.name, group.fields.map((field) => field.definition.name)])).toEqual([
      [null, ["file", "secret.thing"]],
      ["Common", ["tasks.max", "topics"]],
    ]);
  });

  it("shows one message per bad value: Kafka's follow-on 'Invalid value null' is left out when another message explains it", () => {
    const parse = "Invalid value abc for configuration tasks.max: Not a number of type INT";
    const echo = "Invalid value null for configuration tasks.max: Value must be non-null";
    expect(shownErrors([parse, echo])).toEqual([parse]);
    expect(shownErrors([echo])).toEqual([echo]);
  });

  it("groups the error handling step in ConfigDef order", () => {
    expect(fieldGroups(infos, "errors").map((group) => group.fields.map((field) => field.definition.name))).toEqual([
      ["errors.retry.timeout", "errors.tolerance", "errors.deadletterqueue.topic.name"],
    ]);
  });

  it("gives an alias its own fields, type left out", () => {
    expect(aliasFields(infos, "transforms", "mask").map((field) => field.definition.name)).toEqual(["transforms.mask.predicate", "transforms.mask.fields"]);
    expect(aliasFields(infos, "predicates", "mask")).toEqual([]);
  });

  it("lists problems with the step to fix them on, including keys with no definition, not invisible ones", () => {
    expect(configProblems(infos).map(({ key, step }) => [key, step])).toEqual([
      ["name", "settings"],
      ["transforms.mask.fields", "pipeline"],
      ["consumer.override.group.id", "settings"],
    ]);
  });

  it("treats PASSWORD keys and secret-looking names as secrets", () => {
    const isSecret = secretKeyTest(infos);
    expect(isSecret("secret.thing")).toBe(true);
    expect(isSecret("connection.password")).toBe(true);
    expect(isSecret("file")).toBe(false);
    expect(secretKeyTest(undefined)("sasl.jaas.config")).toBe(true);
  });

  it("finds the undefined keys under a prefix, and the other undefined keys for the settings step", () => {
    const config = {
      name: "c",
      file: "/tmp/x",
      "value.converter": "org.apache.kafka.connect.json.JsonConverter",
      "value.converter.schemas.enable": "false",
      "transforms.mask.fields": "a",
      "transforms.mask.replacement": "x",
      "consumer.override.max.poll.records": "10",
    };
    expect(undefinedKeysUnder(config, infos, "value.converter.")).toEqual(["value.converter.schemas.enable"]);
    expect(undefinedKeysUnder(config, infos, "transforms.mask.")).toEqual(["transforms.mask.replacement"]);
    expect(otherKeys(config, infos)).toEqual(["value.converter", "consumer.override.max.poll.records"]);
  });

  it("opens a group that is required, filled in or in error, and collapses an untouched optional one", () => {
    const [own, common] = fieldGroups(infos, "settings");
    expect(groupStartsOpen(common!, {})).toBe(true);
    expect(groupStartsOpen(own!, {})).toBe(false);
    expect(groupStartsOpen(own!, { file: "/tmp/x" })).toBe(true);
  });
});
