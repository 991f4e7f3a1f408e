import { addToChain, moveInChain, removeFromChain, type ChainKind } from "@/components/connector-form/config-chain";
import type { WizardStep } from "@/components/connector-form/config-fields";
import type { ImportedConfig } from "@/components/connector-form/config-import";
import { configFromJson, configJson } from "@/components/connector-form/config-json";
import type { InitialState } from "@/components/queries/connector-writes";
import type { ConnectorConfig } from "@/server/contracts/connect";

/** Whether the form or the JSON editor shows the config; both edit the same state. */
export type FormView = "form" | "json";

/**
 * Everything the create wizard and the edit form hold. `config` is the one source of truth
 * (`name` included, as `PUT /connectors/{c}/config` takes it); the JSON editor's text is kept
 * beside it only while it does not parse.
 */
export interface WizardState {
  steps: readonly WizardStep[];
  step: WizardStep;
  view: FormView;
  config: ConnectorConfig;
  /** Set when editing: the connector's name, which the form cannot change. */
  lockedName?: string;
  /** Keys the user has edited: their errors show at once. */
  touched: readonly string[];
  /** Steps the user tried to leave with errors (or imported into): all their errors show. */
  revealed: readonly WizardStep[];
  json: { text: string; error: string | null };
  /** Why the last switch back to the form was refused (the JSON does not parse), else null. */
  viewError: string | null;
  initialState: InitialState;
}

/** Everything that changes a `WizardState`; see `wizardReducer`. */
export type WizardAction =
  | { type: "choose-plugin"; className: string }
  | { type: "set"; key: string; value: string; keepEmpty?: boolean }
  | { type: "chain-add"; kind: ChainKind; alias: string; pluginClass: string }
  | { type: "chain-remove"; kind: ChainKind; alias: string }
  | { type: "chain-move"; kind: ChainKind; alias: string; offset: number }
  | { type: "import"; imported: ImportedConfig }
  | { type: "go"; step: WizardStep }
  | { type: "reveal"; step: WizardStep }
  | { type: "view"; view: FormView; isSecret: (key: string) => boolean }
  | { type: "edit-json"; text: string }
  | { type: "initial-state"; state: InitialState };

const CREATE_STEPS: readonly WizardStep[] = ["plugin", "settings", "pipeline", "errors", "review"];
const EDIT_STEPS: readonly WizardStep[] = ["settings", "pipeline", "errors", "review"];

/** The steps' names in the create wizard; the edit form calls its last step "Review changes". */
export const STEP_LABELS: Readonly<Record<WizardStep, string>> = {
  plugin: "Plugin",
  settings: "Settings",
  pipeline: "Converters & transforms",
  errors: "Error handling",
  review: "Review & create",
};

/** A new connector's wizard: every step, starting at the plugin catalogue, created as RUNNING by default. */
export function createWizardState(): WizardState {
  return { steps: CREATE_STEPS, step: "plugin", view: "form", config: {}, touched: [], revealed: [], json: { text: "{}", error: null }, viewError: null, initialState: "RUNNING" };
}

/** The edit form of connector `name`, prefilled with its current `config`; its errors all show, since it was saved before. */
export function editWizardState(name: string, config: Readonly<ConnectorConfig>): WizardState {
  return { ...createWizardState(), steps: EDIT_STEPS, step: "settings", config: { ...config, name }, lockedName: name, revealed: EDIT_STEPS };
}

/** Whether the user may open `step` now: the plugin step always, the others once a connector class is chosen. */
export function canVisit(state: WizardState, step: WizardStep): boolean {
  return state.steps.includes(step) && (step === "plugin" || Boolean(state.config["connector.class"]));
}

/** The step after (`offset` 1) or before (-1) the current one, or undefined at either end. */
export function stepBeside(state: WizardState, offset: 1 | -1): WizardStep | undefined {
  return state.steps[state.steps.indexOf(state.step) + offset];
}

function union<T>(list: readonly T[], more: readonly T[]): T[] {
  return [...new Set([...list, ...more])];
}

function withConfig(state: WizardState, config: ConnectorConfig, touchedKeys: readonly string[]): WizardState {
  return { ...state, config, touched: union(state.touched, touchedKeys) };
}

/**
 * The wizard's transitions, pure. Notable rules: setting a value to "" removes the key, so its
 * default applies (unless `keepEmpty`, for keys no ConfigDef describes); choosing another plugin keeps only the name; an import replaces the config,
 * shows all its errors and moves to the settings (or, without a class, the plugin) step; the
 * JSON editor's text replaces the config whenever it parses, and the form view cannot come back
 * while it does not; the name cannot change when editing.
 */
export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case "choose-plugin": {
      if (state.config["connector.class"] === action.className) return { ...state, step: "settings" };
      const name = state.config.name;
      return { ...state, config: { ...(name === undefined ? {} : { name }), "connector.class": action.className }, touched: [], revealed: [], step: "settings" };
    }
    case "set": {
      if (action.key === "name" && state.lockedName !== undefined) return state;
      const config = { ...state.config };
      if (action.value === "" && !action.keepEmpty) delete config[action.key];
      else config[action.key] = action.value;
      return withConfig(state, config, [action.key]);
    }
    case "chain-add":
      return withConfig(state, addToChain(state.config, action.kind, action.alias, action.pluginClass), [`${action.kind}.${action.alias}.type`]);
    case "chain-remove":
      return withConfig(state, removeFromChain(state.config, action.kind, action.alias), []);
    case "chain-move":
      return withConfig(state, moveInChain(state.config, action.kind, action.alias, action.offset), []);
    case "import": {
      const { config, initialState } = action.imported;
      const step = config["connector.class"] ? "settings" : "plugin";
      return { ...state, config, step, view: "form", touched: Object.keys(config), revealed: CREATE_STEPS, viewError: null, initialState: initialState ?? state.initialState };
    }
    case "go":
      return canVisit(state, action.step) ? { ...state, step: action.step } : state;
    case "reveal":
      return { ...state, revealed: union(state.revealed, [action.step]) };
    case "view":
      if (action.view === "json") return { ...state, view: "json", json: { text: configJson(state.config, action.isSecret), error: null }, viewError: null };
      if (state.json.error) return { ...state, viewError: `Fix the JSON first: ${state.json.error}` };
      return { ...state, view: "form", viewError: null };
    case "edit-json": {
      const result = configFromJson(action.text, state.config, state.lockedName);
      if (!result.ok) return { ...state, json: { text: action.text, error: result.error } };
      const { config, initialState } = result.imported;
      return { ...withConfig(state, config, Object.keys(config)), json: { text: action.text, error: null }, viewError: null, initialState: initialState ?? state.initialState };
    }
    case "initial-state":
      return { ...state, initialState: action.state };
  }
}
