import { describe, expect, it } from "vitest";
import { filterCommands, paletteCommands, RESULTS_PER_GROUP } from "@/components/palette/commands";
import type { ConnectorStateInfo, ExpandedConnectors } from "@/server/contracts/connect";

type State = ConnectorStateInfo["connector"]["state"];

const connector = (name: string, state: State, tasks: State[]): ExpandedConnectors[string] => ({
  status: { name, connector: { state, worker_id: "w" }, tasks: tasks.map((s, id) => ({ id, state: s, worker_id: "w" })), type: "source" },
  info: { name, config: { "connector.class": "FileStreamSource" }, tasks: [], type: "source" },
});

const pages = [
  { href: "/connectors", label: "Connectors", hint: "Every connector" },
  { href: "/connectors/new", label: "New connector", hint: "Create one" },
  { href: "/plugins", label: "Plugins", hint: "Installed plugins" },
];

const connectors: ExpandedConnectors = {
  "orders-source": connector("orders-source", "RUNNING", ["RUNNING", "FAILED"]),
  "paused-sink": connector("paused-sink", "PAUSED", ["PAUSED"]),
  "stopped-one": connector("stopped-one", "STOPPED", []),
};

const labels = (query: string) => filterCommands(paletteCommands(pages, connectors), query).map((command) => command.label);

describe("the command palette's commands", () => {
  it("leaves out the actions the user's role does not allow", () => {
    const commands = paletteCommands(pages, connectors, (action, name) => action !== "delete" && name === "orders-source");
    expect(commands.filter((c) => c.group === "Actions").map((c) => c.id)).toEqual(["pause:orders-source", "restart:orders-source"]);
  });

  it("offers pages, connectors with their health, and only the actions that change something", () => {
    const commands = paletteCommands(pages, connectors);
    expect(commands.find((c) => c.id === "connector:orders-source")).toMatchObject({ kind: "navigate", href: "/connectors/orders-source", hint: "Source · degraded: 1 of 2 tasks failed" });
    expect(commands.filter((c) => c.group === "Actions").map((c) => c.label)).toEqual([
      "Pause orders-source",
      "Restart orders-source",
      "Delete orders-source…",
      "Resume paused-sink",
      "Restart paused-sink",
      "Delete paused-sink…",
      "Pause stopped-one",
      "Resume stopped-one",
      "Delete stopped-one…",
    ]);
    expect(commands.find((c) => c.id === "pause:orders-source")).toMatchObject({ kind: "action", action: "pause", connector: "orders-source" });
    expect(paletteCommands(pages, { "a b": {} }).find((c) => c.group === "Connectors")).toMatchObject({ href: "/connectors/a%20b", hint: "Connector · unassigned: No status reported yet" });
  });

  it("lists pages and connectors but no actions until something is typed", () => {
    expect(labels("")).toEqual(["Connectors", "New connector", "Plugins", "orders-source", "paused-sink", "stopped-one"]);
  });

  it("matches every word in the label or section name, best matches first", () => {
    expect(labels("pause")).toEqual(["paused-sink", "Pause orders-source", "Pause stopped-one", "Resume paused-sink", "Restart paused-sink", "Delete paused-sink…"]);
    expect(labels("new")).toEqual(["New connector"]);
    expect(labels("delete sink")).toEqual(["Delete paused-sink…"]);
    expect(labels("actions orders")).toEqual(["Pause orders-source", "Restart orders-source", "Delete orders-source…"]);
    expect(labels("source")).toEqual(["orders-source", "Pause orders-source", "Restart orders-source", "Delete orders-source…"]);
    expect(labels("zzz")).toEqual([]);
  });

  it("shows at most a handful of results per section", () => {
    const many: ExpandedConnectors = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`c${String(i).padStart(2, "0")}`, connector(`c${i}`, "RUNNING", ["RUNNING"])]));
    const shown = filterCommands(paletteCommands(pages, many), "c");
    expect(shown.filter((c) => c.group === "Connectors")).toHaveLength(RESULTS_PER_GROUP);
    expect(shown.filter((c) => c.group === "Actions")).toHaveLength(RESULTS_PER_GROUP);
  });
});
