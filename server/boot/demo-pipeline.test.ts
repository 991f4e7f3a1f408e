import { describe, expect, it } from "vitest";
import { createPluginRegistry } from "@/server/boot/runtime-factory";
import { demoPipeline } from "@/server/boot/demo-pipeline";
import { validateConnectorConfig } from "@/server/runtime/herder/config-validation";

describe("the first-start demo pipeline", () => {
  it("is a Datagen source and a file sink whose configs pass Connect's validation", () => {
    const demo = demoPipeline("/tmp/data", {});
    expect(demo.map((c) => c.name)).toEqual(["demo-pageviews", "demo-pageviews-file"]);
    expect(demo[1]!.config.file).toBe("/tmp/data/demo-pageviews.txt");
    const registry = createPluginRegistry();
    for (const { name, config } of demo) {
      const infos = validateConnectorConfig(registry, null, { ...config, name });
      expect(infos.configs.flatMap((c) => c.value.errors)).toEqual([]);
    }
  });

  it("is left out when TRIBUTARY_DEMO is off", () => {
    expect(demoPipeline("/tmp/data", { TRIBUTARY_DEMO: "off" })).toEqual([]);
  });
});
