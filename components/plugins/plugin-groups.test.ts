import { describe, expect, it } from "vitest";
import { groupConfigKeys, groupPlugins, shortName } from "@/components/plugins/plugin-groups";
import type { ConfigKeyInfo } from "@/components/queries/validation";

const plugins = [
  { class: "org.apache.kafka.connect.file.FileStreamSinkConnector", type: "sink", version: "0.1.0" },
  { class: "org.apache.kafka.connect.file.FileStreamSourceConnector", type: "source" },
  { class: "io.confluent.kafka.connect.datagen.DatagenConnector", type: "source", description: "Generates mock data" },
  { class: "org.apache.kafka.connect.transforms.InsertField$Value", type: "transformation" },
  { class: "org.apache.kafka.connect.json.JsonConverter", type: "converter" },
  { class: "org.apache.kafka.connect.json.JsonConverter", type: "header_converter" },
  { class: "org.apache.kafka.connect.transforms.predicates.TopicNameMatches", type: "predicate" },
  { class: "com.example.Thing", type: "config_provider" },
];

const key = (name: string, group: string | null, order: number): ConfigKeyInfo => ({
  name,
  type: "STRING",
  required: false,
  default_value: null,
  importance: "HIGH",
  documentation: "",
  group,
  order,
  width: "NONE",
  display_name: name,
  dependents: [],
});

describe("the plugins page's grouping", () => {
  it("groups by kind in page order, sorted by short name, other kinds last under their own name", () => {
    const groups = groupPlugins(plugins, "");
    expect(groups.map((group) => [group.title, group.plugins.map((plugin) => shortName(plugin.class))])).toEqual([
      ["Source connectors", ["DatagenConnector", "FileStreamSourceConnector"]],
      ["Sink connectors", ["FileStreamSinkConnector"]],
      ["Converters", ["JsonConverter"]],
      ["Header converters", ["JsonConverter"]],
      ["Transformations", ["InsertField$Value"]],
      ["Predicates", ["TopicNameMatches"]],
      ["config_provider", ["Thing"]],
    ]);
  });

  it("searches class names, descriptions and kinds with every word, and leaves empty groups out", () => {
    expect(groupPlugins(plugins, "FILESTREAM").map((group) => group.title)).toEqual(["Source connectors", "Sink connectors"]);
    expect(groupPlugins(plugins, "mock data")[0]!.plugins.map((plugin) => plugin.class)).toEqual(["io.confluent.kafka.connect.datagen.DatagenConnector"]);
    expect(groupPlugins(plugins, "json header").map((group) => group.title)).toEqual(["Header converters"]);
    expect(groupPlugins(plugins, "transformation")[0]!.plugins).toHaveLength(1);
    expect(groupPlugins(plugins, "nothing")).toEqual([]);
  });

  it("orders config keys by group as declared, then by their order in the group", () => {
    const groups = groupConfigKeys([key("b", "Common", 2), key("x", null, 1), key("a", "Common", 1), key("t", "Transforms", 1)]);
    expect(groups.map((group) => [group.group, group.keys.map((k) => k.name)])).toEqual([
      ["Common", ["a", "b"]],
      ["General", ["x"]],
      ["Transforms", ["t"]],
    ]);
  });
});
