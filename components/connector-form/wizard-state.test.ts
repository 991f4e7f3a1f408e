import { describe, expect, it } from "vitest";
import { parseConnectorText } from "@/components/connector-form/config-import";
import { HIDDEN } from "@/components/connector-form/config-json";
import { canVisit, createWizardState, editWizardState, stepBeside, wizardReducer, type WizardAction, type WizardState } from "@/components/connector-form/wizard-state";

const SOURCE = "org.apache.kafka.connect.file.FileStreamSourceConnector";
const isSecret = (key: string) => key.endsWith("password");

function run(state: WizardState, ...actions: WizardAction[]): WizardState {
  return actions.reduce(wizardReducer, state);
}

describe("the connector wizard's state", () => {
  it("starts at the plugin step and cannot skip ahead before a plugin is chosen", () => {
    const state = createWizardState();
    expect(state.step).toBe("plugin");
    expect(canVisit(state, "settings")).toBe(false);
    expect(run(state, { type: "go", step: "review" }).step).toBe("plugin");
  });

  it("choosing a plugin sets connector.class and opens its settings; choosing another keeps only the name", () => {
    const chosen = run(createWizardState(), { type: "choose-plugin", className: SOURCE }, { type: "set", key: "name", value: "c" }, { type: "set", key: "file", value: "/tmp/in" });
    expect(chosen.step).toBe("settings");
    expect(chosen.config).toEqual({ "connector.class": SOURCE, name: "c", file: "/tmp/in" });
    const again = run(chosen, { type: "go", step: "plugin" }, { type: "choose-plugin", className: SOURCE });
    expect(again.config).toEqual(chosen.config);
    expect(run(chosen, { type: "choose-plugin", className: "FileStreamSink" }).config).toEqual({ name: "c", "connector.class": "FileStreamSink" });
  });

  it("records touched keys, and an emptied field removes its key so the default applies", () => {
    const state = run(createWizardState(), { type: "choose-plugin", className: SOURCE }, { type: "set", key: "tasks.max", value: "2" }, { type: "set", key: "tasks.max", value: "" });
    expect(state.config).not.toHaveProperty("tasks.max");
    expect(state.touched).toEqual(["tasks.max"]);
    expect(run(state, { type: "set", key: "consumer.override.client.rack", value: "", keepEmpty: true }).config["consumer.override.client.rack"]).toBe("");
  });

  it("walks the steps in order with next and back", () => {
    const state = run(createWizardState(), { type: "choose-plugin", className: SOURCE });
    expect(stepBeside(state, 1)).toBe("pipeline");
    expect(stepBeside(state, -1)).toBe("plugin");
    expect(stepBeside(run(state, { type: "go", step: "review" }), 1)).toBeUndefined();
  });

  it("adds, reorders and removes transforms through the config", () => {
    const state = run(
      createWizardState(),
      { type: "choose-plugin", className: SOURCE },
      { type: "chain-add", kind: "transforms", alias: "a", pluginClass: "InsertField$Value" },
      { type: "chain-add", kind: "transforms", alias: "b", pluginClass: "Filter" },
      { type: "chain-move", kind: "transforms", alias: "b", offset: -1 },
    );
    expect(state.config.transforms).toBe("b,a");
    expect(state.touched).toContain("transforms.a.type");
    expect(run(state, { type: "chain-remove", kind: "transforms", alias: "b" }).config).toEqual({ "connector.class": SOURCE, transforms: "a", "transforms.a.type": "InsertField$Value" });
  });

  it("an import replaces the config, shows all its errors and opens the settings, keeping its initial state", () => {
    const imported = parseConnectorText(JSON.stringify({ name: "p", config: { "connector.class": "FileStreamSource", topic: "t" }, initial_state: "PAUSED" }));
    const state = run(createWizardState(), { type: "import", imported });
    expect(state).toMatchObject({ step: "settings", view: "form", config: { name: "p", "connector.class": "FileStreamSource", topic: "t" }, initialState: "PAUSED" });
    expect(state.revealed).toContain("settings");
    expect(run(createWizardState(), { type: "import", imported: parseConnectorText("topic=t") }).step).toBe("plugin");
  });

  it("the JSON view edits the same config, masks secrets, and blocks the way back while its text is broken", () => {
    const start = run(createWizardState(), { type: "choose-plugin", className: SOURCE }, { type: "set", key: "db.password", value: "hunter2" });
    const json = run(start, { type: "view", view: "json", isSecret });
    expect(json.json.text).toContain(HIDDEN);
    expect(json.json.text).not.toContain("hunter2");

    const edited = run(json, { type: "edit-json", text: json.json.text.replace(`"${HIDDEN}"`, `"${HIDDEN}", "topic": "t"`) });
    expect(edited.config).toEqual({ "connector.class": SOURCE, "db.password": "hunter2", topic: "t" });

    const broken = run(edited, { type: "edit-json", text: "{ oops" }, { type: "view", view: "form", isSecret });
    expect(broken.view).toBe("json");
    expect(broken.viewError).toMatch(/Fix the JSON first/);
    expect(broken.config).toEqual(edited.config);

    const fixed = run(broken, { type: "edit-json", text: '{"connector.class": "FileStreamSource"}' }, { type: "view", view: "form", isSecret });
    expect(fixed).toMatchObject({ view: "form", viewError: null, config: { "connector.class": "FileStreamSource" } });
  });

  it("editing starts at the settings with all errors shown, and the name cannot change in the form or the JSON", () => {
    const state = editWizardState("orders", { "connector.class": SOURCE, topic: "t" });
    expect(state.steps).not.toContain("plugin");
    expect(state).toMatchObject({ step: "settings", config: { name: "orders", topic: "t" } });
    expect(state.revealed).toContain("errors");
    expect(run(state, { type: "set", key: "name", value: "other" }).config.name).toBe("orders");
    const renamed = run(state, { type: "view", view: "json", isSecret }, { type: "edit-json", text: '{"name": "other"}' });
    expect(renamed.json.error).toMatch(/cannot change/);
    expect(renamed.config.name).toBe("orders");
  });
});
