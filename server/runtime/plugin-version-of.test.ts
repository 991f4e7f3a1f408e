import { describe, expect, it } from "vitest";
import { createPluginRegistry } from "@/server/boot/runtime-factory";
import { connectorPluginVersion, stateInfoWithVersions, taskStateWithVersion } from "@/server/runtime/plugin-version-of";

describe("plugin versions in statuses", () => {
  const registry = createPluginRegistry();
  const info = {
    name: "c",
    connector: { state: "RUNNING" as const, worker_id: "w:8083" },
    tasks: [{ id: 0, state: "FAILED" as const, worker_id: "w:8083", trace: "boom" }],
    type: "source" as const,
  };

  it("finds the running plugin's version by class name or alias, and none for an unknown class", () => {
    expect(connectorPluginVersion(registry, { "connector.class": "FileStreamSource" })).toMatch(/^\d+\.\d+\.\d+/);
    expect(connectorPluginVersion(registry, { "connector.class": "org.example.Missing" })).toBeUndefined();
  });

  it("puts the version on the connector and every task, and leaves it out when unknown", () => {
    expect(stateInfoWithVersions(info, "4.1.0")).toEqual({
      ...info,
      connector: { ...info.connector, version: "4.1.0" },
      tasks: [{ ...info.tasks[0], version: "4.1.0" }],
    });
    expect(stateInfoWithVersions(info, undefined)).toEqual(info);
    expect("version" in taskStateWithVersion(info.tasks[0]!, undefined)).toBe(false);
  });
});
