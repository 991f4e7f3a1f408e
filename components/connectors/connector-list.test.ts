import { describe, expect, it } from "vitest";
import { connectorRows, filterRows, naturalCompare, NO_FILTER, pluginName, sortRows } from "@/components/connectors/connector-list";
import { healthCounts } from "@/server/contracts/connector-health";
import type { ExpandedConnectors } from "@/server/contracts/connect";

type State = "RUNNING" | "FAILED" | "PAUSED" | "STOPPED";

function entry(name: string, type: "source" | "sink", state: State, tasks: State[], config: Record<string, string>): ExpandedConnectors[string] {
  return {
    status: {
      name,
      connector: { state, worker_id: "w" },
      tasks: tasks.map((s, id) => ({ id, state: s, worker_id: "w", ...(s === "FAILED" ? { trace: `Error: EISDIR ${name}\n    at read` } : {}) })),
      type,
    },
    info: { name, config: { name, ...config }, tasks: [], type },
  };
}

const connectors: ExpandedConnectors = {
  "orders-sink": entry("orders-sink", "sink", "RUNNING", ["RUNNING", "FAILED"], { "connector.class": "org.apache.kafka.connect.file.FileStreamSinkConnector", topics: "orders" }),
  "users-source": entry("users-source", "source", "RUNNING", ["RUNNING"], { "connector.class": "FileStreamSource", topic: "users" }),
  "broken": entry("broken", "source", "RUNNING", ["FAILED"], { "connector.class": "FileStreamSource", topic: "lines" }),
  "archive": entry("archive", "sink", "STOPPED", [], { "connector.class": "FileStreamSink", topics: "orders,users" }),
  "idle": entry("idle", "source", "PAUSED", ["PAUSED"], { "connector.class": "io.confluent.kafka.connect.datagen.DatagenConnector", "kafka.topic": "pageviews" }),
  "no-status": {},
};

describe("the connectors list", () => {
  it("derives each row's type, plugin, health, task counts, topics and first failure line", () => {
    const rows = connectorRows(connectors);
    expect(rows.find((row) => row.name === "orders-sink")).toEqual({
      name: "orders-sink",
      type: "sink",
      pluginClass: "org.apache.kafka.connect.file.FileStreamSinkConnector",
      health: "degraded",
      reason: "1 of 2 tasks failed",
      running: 1,
      failed: 1,
      tasks: 2,
      topics: ["orders"],
      failure: "Error: EISDIR orders-sink",
    });
    expect(rows.find((row) => row.name === "no-status")).toMatchObject({ type: "unknown", pluginClass: null, health: "unassigned", tasks: 0, failure: null });
    expect(pluginName("org.apache.kafka.connect.file.FileStreamSinkConnector")).toBe("FileStreamSinkConnector");
    expect(pluginName(null)).toBe("—");
  });

  it("puts failed connectors first, then degraded, and sorts by name within a health", () => {
    expect(sortRows(connectorRows(connectors)).map((row) => row.name)).toEqual(["broken", "orders-sink", "no-status", "idle", "archive", "users-source"]);
  });

  it("sorts names in natural order: numbers by value, case aside, and two names never tie", () => {
    const names = ["sct-10", "sct-2", "sct-1", "sct-0", "Sct-3", "sct-100", "a", "sct-02"];
    expect([...names].sort(naturalCompare)).toEqual(["a", "sct-0", "sct-1", "sct-02", "sct-2", "Sct-3", "sct-10", "sct-100"]);
    expect(naturalCompare("x-1", "X-1")).not.toBe(0);
    const many = connectorRows(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`sct-${i}`, connectors.archive!])));
    expect(sortRows(many, "name").map((row) => row.name).slice(0, 4)).toEqual(["sct-0", "sct-1", "sct-2", "sct-3"]);
  });

  it("sorts by name alone, or by throughput with the busiest first and names breaking ties", () => {
    const rows = connectorRows(connectors);
    expect(sortRows(rows, "name").map((row) => row.name)).toEqual(["archive", "broken", "idle", "no-status", "orders-sink", "users-source"]);
    const rates = new Map([["idle", 5], ["users-source", 900], ["broken", 5]]);
    expect(sortRows(rows, "throughput", rates).map((row) => row.name)).toEqual(["users-source", "broken", "idle", "archive", "no-status", "orders-sink"]);
  });

  it("searches names, plugin classes and topics with every word, case-insensitively", () => {
    const rows = connectorRows(connectors);
    const names = (query: string) => filterRows(rows, { ...NO_FILTER, query }).map((row) => row.name).sort();
    expect(names("ORDERS")).toEqual(["archive", "orders-sink"]);
    expect(names("datagen")).toEqual(["idle"]);
    expect(names("sink users")).toEqual(["archive"]);
    expect(names("  ")).toHaveLength(6);
    expect(names("nothing-like-this")).toEqual([]);
  });

  it("filters by health and by type, together with the search", () => {
    const rows = connectorRows(connectors);
    expect(filterRows(rows, { ...NO_FILTER, health: "failed" }).map((row) => row.name)).toEqual(["broken"]);
    expect(filterRows(rows, { ...NO_FILTER, type: "sink" }).map((row) => row.name).sort()).toEqual(["archive", "orders-sink"]);
    expect(filterRows(rows, { query: "orders", health: "stopped", type: "sink" }).map((row) => row.name)).toEqual(["archive"]);
    expect(filterRows(rows, { query: "", health: "healthy", type: "sink" })).toEqual([]);
  });

  it("counts rows per health for the filter", () => {
    expect(healthCounts(connectorRows(connectors))).toEqual({ failed: 1, degraded: 1, unassigned: 1, paused: 1, stopped: 1, healthy: 1 });
  });
});
