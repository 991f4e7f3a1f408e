import { describe, expect, it } from "vitest";
import { catalogue, findPlugin, pluginClasses, simpleName } from "@/components/connector-form/plugin-lookup";
import type { PluginInfo } from "@/components/queries/plugins";

const plugins: PluginInfo[] = [
  { class: "org.apache.kafka.connect.file.FileStreamSinkConnector", type: "sink", version: "0.1.0", description: "Writes each record to a file" },
  { class: "io.confluent.kafka.connect.datagen.DatagenConnector", type: "source" },
  { class: "org.apache.kafka.connect.file.FileStreamSourceConnector", type: "source", description: "Reads lines from a file" },
  { class: "org.apache.kafka.connect.transforms.InsertField$Value", type: "transformation" },
  { class: "org.apache.kafka.connect.json.JsonConverter", type: "converter" },
  { class: "org.apache.kafka.connect.json.JsonConverter", type: "header_converter" },
  { class: "org.apache.kafka.connect.storage.SimpleHeaderConverter", type: "header_converter" },
];

describe("plugin lookup", () => {
  it("finds a connector by class, simple name or simple name without Connector", () => {
    for (const name of ["org.apache.kafka.connect.file.FileStreamSourceConnector", "FileStreamSourceConnector", "FileStreamSource"]) {
      expect(findPlugin(plugins, ["source", "sink"], name)?.type, name).toBe("source");
    }
    expect(findPlugin(plugins, ["source", "sink"], "FileStreamSink")?.type).toBe("sink");
    expect(findPlugin(plugins, ["source", "sink"], "JsonConverter")).toBeUndefined();
    expect(findPlugin(plugins, ["source", "sink"], "Nope")).toBeUndefined();
  });

  it("finds converters by their short names, and a class listed under two kinds once", () => {
    expect(findPlugin(plugins, ["converter", "header_converter"], "Json")?.class).toBe("org.apache.kafka.connect.json.JsonConverter");
    expect(findPlugin(plugins, ["header_converter"], "SimpleHeader")?.class).toBe("org.apache.kafka.connect.storage.SimpleHeaderConverter");
  });

  it("lists connectors for the catalogue, filtered by type and search, by simple name", () => {
    expect(catalogue(plugins, "all", "").map((plugin) => simpleName(plugin.class))).toEqual(["DatagenConnector", "FileStreamSinkConnector", "FileStreamSourceConnector"]);
    expect(catalogue(plugins, "sink", "").map((plugin) => plugin.type)).toEqual(["sink"]);
    expect(catalogue(plugins, "all", "LINES").map((plugin) => simpleName(plugin.class))).toEqual(["FileStreamSourceConnector"]);
    expect(catalogue(plugins, "source", "datagen")).toHaveLength(1);
  });

  it("lists the classes of one kind without repeats", () => {
    expect(pluginClasses(plugins, "header_converter")).toEqual(["org.apache.kafka.connect.json.JsonConverter", "org.apache.kafka.connect.storage.SimpleHeaderConverter"]);
    expect(pluginClasses(plugins, "predicate")).toEqual([]);
  });
});
