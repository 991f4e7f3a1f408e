import { isSecretKey } from "@/components/connectors/connector-config";
import type { ChainKind } from "@/components/connector-form/config-chain";
import type { ConfigInfos, ConfigKeyInfo, ConfigValueInfo } from "@/components/queries/validation";
import type { ConnectorConfig } from "@/server/contracts/connect";

/**
 * The wizard's steps: choose a plugin, its settings, converters and transforms ("pipeline"),
 * error handling, then review. Editing an existing connector skips "plugin".
 */
export type WizardStep = "plugin" | "settings" | "pipeline" | "errors" | "review";

/** The connector keys that pick a converter; their own settings live under `<key>.`. */
export const CONVERTER_KEYS = ["key.converter", "value.converter", "header.converter"] as const;

/** One defined key of the validate answer: its ConfigDef entry and its validated value. */
export interface ConfigField {
  definition: ConfigKeyInfo;
  value: ConfigValueInfo;
}

/** The fields of one ConfigDef group; `name` is null for the plugin's own keys, which declare no group. */
export interface FieldGroup {
  name: string | null;
  fields: ConfigField[];
}

/** A key with errors from the validate answer, and the step whose form shows it. */
export interface ConfigProblem {
  key: string;
  errors: string[];
  step: WizardStep;
}

const ALIAS_GROUP = /^(Transforms|Predicates): /;
const CHAIN_PREFIXES = ["transforms.", "predicates.", ...CONVERTER_KEYS.map((key) => `${key}.`)];

/**
 * The step whose form shows a defined key, or null for the keys the wizard renders itself
 * (`name`, first on the settings step; `connector.class`, the `transforms` and `predicates`
 * lists, each alias's `type`) and for the
 * converters' `*.plugin.version` pins (one version of each converter is installed).
 */
export function stepOfKey(definition: ConfigKeyInfo): Exclude<WizardStep, "plugin" | "review"> | null {
  const { name, group } = definition;
  if (name === "connector.class" || name === "transforms" || name === "predicates" || name === "name") return null;
  if (CONVERTER_KEYS.some((key) => name === `${key}.plugin.version`)) return null;
  if ((CONVERTER_KEYS as readonly string[]).includes(name)) return "pipeline";
  const alias = group?.match(ALIAS_GROUP);
  if (group && alias) return name === `${alias[1]!.toLowerCase()}.${group.slice(alias[0].length)}.type` ? null : "pipeline";
  if (group === "Error Handling" || group === "Auto restart") return "errors";
  return "settings";
}

function fields(infos: ConfigInfos): ConfigField[] {
  return infos.configs.flatMap((entry) => (entry.definition ? [{ definition: entry.definition, value: entry.value }] : []));
}

const byOrder = (a: ConfigField, b: ConfigField) => a.definition.order - b.definition.order;

/**
 * The visible fields a step's form shows ("settings" or "errors"), by ConfigDef group: the
 * plugin's own keys (group null) first, then the groups in the answer's order; fields by their
 * order in the group, then as the answer lists them (the ConfigDef's definition order). Alias groups (`Transforms: <alias>`) are left to `aliasFields`.
 */
export function fieldGroups(infos: ConfigInfos, step: "settings" | "errors"): FieldGroup[] {
  const shown = fields(infos).filter((field) => field.value.visible && stepOfKey(field.definition) === step && !ALIAS_GROUP.test(field.definition.group ?? ""));
  const names = [null, ...infos.groups, ...shown.map((field) => field.definition.group)];
  return [...new Set(names)]
    .map((name) => ({ name, fields: shown.filter((field) => field.definition.group === name).sort(byOrder) }))
    .filter((group) => group.fields.length > 0);
}

/** The visible fields of one transform or predicate alias (group `Transforms: <alias>`), without its `type`. */
export function aliasFields(infos: ConfigInfos, kind: ChainKind, alias: string): ConfigField[] {
  const group = `${kind === "transforms" ? "Transforms" : "Predicates"}: ${alias}`;
  return fields(infos)
    .filter((field) => field.value.visible && field.definition.group === group && field.definition.name !== `${kind}.${alias}.type`)
    .sort(byOrder);
}

/** The field of one defined key, if the answer defines it. */
export function fieldOf(infos: ConfigInfos, key: string): ConfigField | undefined {
  return fields(infos).find((field) => field.definition.name === key);
}

/** The step that shows a key's errors: its form's step; keys with no definition, and the lists, go to settings and pipeline. */
function problemStep(key: string, definition: ConfigKeyInfo | null): WizardStep {
  if (!definition) return CHAIN_PREFIXES.some((prefix) => key.startsWith(prefix)) ? "pipeline" : "settings";
  if (definition.name === "connector.class") return "plugin";
  if (definition.name === "name") return "settings";
  return stepOfKey(definition) ?? "pipeline";
}

/**
 * A key's messages as the console shows them: one message per bad value. Kafka Connect follows a
 * value that does not parse with "Invalid value null … must be non-null" (its validator then sees
 * null); that echo is left out whenever another message explains the value.
 */
export function shownErrors(errors: readonly string[]): string[] {
  return errors.length > 1 ? errors.filter((error) => !error.startsWith("Invalid value null for configuration ")) : [...errors];
}

/** Every key with errors in the answer, with its messages as shown and the step to fix it on, in the answer's order. */
export function configProblems(infos: ConfigInfos): ConfigProblem[] {
  return infos.configs
    .filter((entry) => entry.value.errors.length > 0 && (entry.definition === null || entry.value.visible))
    .map((entry) => ({ key: entry.value.name, errors: shownErrors(entry.value.errors), step: problemStep(entry.value.name, entry.definition) }));
}

/** Whether a key holds a secret: declared PASSWORD by its ConfigDef, or named like one (`isSecretKey`). */
export function secretKeyTest(infos: ConfigInfos | undefined): (key: string) => boolean {
  const passwords = new Set(infos ? fields(infos).filter((field) => field.definition.type === "PASSWORD").map((field) => field.definition.name) : []);
  return (key) => passwords.has(key) || isSecretKey(key);
}

function definedKeys(infos: ConfigInfos): Set<string> {
  return new Set(fields(infos).map((field) => field.definition.name));
}

/** Keys of `config` under `prefix` that the answer does not define (a converter's or an alias's own settings), in config order. */
export function undefinedKeysUnder(config: Readonly<ConnectorConfig>, infos: ConfigInfos, prefix: string): string[] {
  const defined = definedKeys(infos);
  return Object.keys(config).filter((key) => key.startsWith(prefix) && !defined.has(key));
}

/**
 * Keys of `config` the answer does not define and no converter or alias owns (client overrides,
 * topic creation groups, a plugin's undeclared keys): the settings step lists them as they are.
 */
export function otherKeys(config: Readonly<ConnectorConfig>, infos: ConfigInfos): string[] {
  const defined = definedKeys(infos);
  return Object.keys(config).filter((key) => !defined.has(key) && !CHAIN_PREFIXES.some((prefix) => key.startsWith(prefix)));
}

/**
 * Whether a group's section starts expanded: Common (tasks.max and the like) always; any other
 * when it has a required field, a field with a value in `config`, or a field with errors. Others
 * (optional and untouched) start collapsed.
 */
export function groupStartsOpen(group: FieldGroup, config: Readonly<ConnectorConfig>): boolean {
  return group.name === "Common" || group.fields.some((field) => field.definition.required || config[field.definition.name] !== undefined || field.value.errors.length > 0);
}
