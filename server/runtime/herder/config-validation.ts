import { isSecretKey } from "@/server/config/worker-config";
import { TributaryError } from "@/server/errors/tributary-error";
import {
  ConfigDef,
  ConfigException,
  ConfigType,
  Importance,
  LambdaValidator,
  configKeyInfo,
  configValueInfo,
  type ConfigValue,
} from "@/server/plugins/api/config-def";
import { SinkConnector, type Connector } from "@/server/plugins/api/connector";
import type { ConfigInfos } from "@/server/runtime/herder/herder-types";
import type { PluginRegistry } from "@/server/runtime/plugins/plugin-registry";
import { referencedProviders, unknownProviderClass } from "@/server/runtime/config-providers/config-providers";
import { connectorConfigDef } from "@/server/runtime/plugins/connector-config-def";

/**
 * Kafka's `Map.toString()` form, used in two of Connect's validation messages. Invariant: values
 * of secret keys (passwords, tokens, JAAS configs) show as `[hidden]`, as Kafka's Password does,
 * so a refusal never echoes a secret.
 */
function javaMap(config: Readonly<Record<string, unknown>>): string {
  return `{${Object.entries(config).map(([k, v]) => `${k}=${isSecretKey(k) ? "[hidden]" : v}`).join(", ")}}`;
}

function knownPlugin(registry: PluginRegistry, kind: "transformation" | "predicate") {
  return LambdaValidator.with(
    (name, value) => {
      if (typeof value === "string" && !registry.find([kind], value)) throw ConfigException.invalid(name, value, `Class ${value} could not be found.`);
    },
    () => `a ${kind} class`,
  );
}

/**
 * Defines the keys of the transformation or predicate named by `config[prefix + "type"]` under
 * `prefix`, in `group` after the framework's keys, when the class is known.
 */
function definePluginKeys(target: ConfigDef, registry: PluginRegistry, kind: "transformation" | "predicate", prefix: string, config: Readonly<Record<string, string | null>>, group: string, firstOrder: number): void {
  const plugin = registry.find([kind], config[`${prefix}type`] ?? "");
  if (!plugin) return;
  const instance = new plugin.plugin() as { config?: () => ConfigDef };
  if (typeof instance.config !== "function") return;
  for (const key of instance.config().configKeys().values()) {
    const name = `${prefix}${key.name}`;
    if (target.configKeys().has(name)) continue;
    target.define({ ...key, name, default: key.hasDefault ? key.defaultValue : undefined, group, orderInGroup: firstOrder + (key.orderInGroup > 0 ? key.orderInGroup : 0), dependents: key.dependents.map((dependent) => `${prefix}${dependent}`) });
  }
}

/**
 * Adds `transforms.<alias>.*` and `predicates.<alias>.*` keys for the aliases the config names:
 * the framework's (`type`, `predicate`, `negate`) and, once the type is known, the plugin's own,
 * in the groups `Transforms: <alias>` and `Predicates: <alias>` (Kafka Connect's `enrich`).
 */
function enrich(def: ConfigDef, config: Readonly<Record<string, string | null>>, registry: PluginRegistry): ConfigDef {
  const aliases = (key: string) => (config[key] ?? "").split(",").map((alias) => alias.trim()).filter(Boolean);
  const predicateAliases = new Set(aliases("predicates"));
  const knownPredicate = LambdaValidator.with(
    (name, value) => {
      if (typeof value === "string" && value !== "" && !predicateAliases.has(value)) throw ConfigException.invalid(name, value, `Predicate ${value} is not one of the aliases in predicates`);
    },
    () => "an alias listed in predicates",
  );
  const enriched = new ConfigDef(def);
  for (const alias of new Set(aliases("transforms"))) {
    const group = `Transforms: ${alias}`;
    enriched
      .define({ name: `transforms.${alias}.type`, type: ConfigType.CLASS, validator: knownPlugin(registry, "transformation"), importance: Importance.HIGH, documentation: "The transformation's class.", group, orderInGroup: 0, displayName: "Transformation type for " + alias })
      .define({ name: `transforms.${alias}.predicate`, type: ConfigType.STRING, default: null, validator: knownPredicate, importance: Importance.MEDIUM, documentation: "The alias of a predicate: the transformation applies only to records it matches.", group, orderInGroup: 1, displayName: "Predicate for " + alias })
      .define({ name: `transforms.${alias}.negate`, type: ConfigType.BOOLEAN, default: false, importance: Importance.MEDIUM, documentation: "Apply the transformation to the records the predicate does not match instead.", group, orderInGroup: 2, displayName: "Negate predicate for " + alias });
    definePluginKeys(enriched, registry, "transformation", `transforms.${alias}.`, config, group, 3);
  }
  for (const alias of predicateAliases) {
    const group = `Predicates: ${alias}`;
    enriched.define({ name: `predicates.${alias}.type`, type: ConfigType.CLASS, validator: knownPlugin(registry, "predicate"), importance: Importance.HIGH, documentation: "The predicate's class.", group, orderInGroup: 0, displayName: "Predicate type for " + alias });
    definePluginKeys(enriched, registry, "predicate", `predicates.${alias}.`, config, group, 1);
  }
  return enriched;
}

/**
 * Validates a connector config as Kafka Connect's `AbstractHerder.validateConnectorConfig` does
 * and builds the ConfigInfos answer. `pluginName` (the validate path's plugin) is only
 * cross-checked against `connector.class`. Throws `request.invalid` (400) when the config names
 * no connector class or a different one than the path, `plugin.not_found` (400 here: Kafka
 * answers 500) for an unknown class; otherwise always answers, errors included per key.
 * `providers` are the worker's `config.providers` names: a `${name:…}` reference to another name
 * is an error on its key, as is a `config.providers.<n>.class` naming a class Tributary does not have.
 */
export function validateConnectorConfig(
  registry: PluginRegistry,
  pluginName: string | null,
  config: Readonly<Record<string, string | null>>,
  overridePolicy: OverridePolicy = "All",
  providers: readonly string[] = [],
): ConfigInfos {
  const className = config["connector.class"];
  if (!className) throw new TributaryError("request.invalid", `Connector config ${javaMap(config)} contains no connector type`);
  if (pluginName !== null) {
    const withoutSuffix = (name: string) => (name.endsWith("Connector") && name !== "Connector" ? name.slice(0, -"Connector".length) : name);
    if (!withoutSuffix(className).endsWith(withoutSuffix(pluginName))) throw new TributaryError("request.invalid", `Included connector type ${className} does not match request type ${pluginName}`);
  }
  const plugin = registry.find(["source", "sink"], className);
  if (!plugin) {
    const available = registry.list(["source", "sink"]).map((p) => p.className).join(", ");
    throw new TributaryError("config.invalid", `Failed to find any class that implements Connector and which name matches ${className}, available connectors are: ${available}`);
  }
  const connector = new plugin.plugin() as Connector;
  const def = enrich(connectorConfigDef(registry, plugin, connector, "framework-first", config), config, registry);
  const props: Record<string, string> = {};
  const nulls: string[] = [];
  for (const [key, value] of Object.entries(config)) {
    if (value === null) nulls.push(key);
    else props[key] = value;
  }
  const values = def.validateAll(props);
  for (const key of nulls) values.get(key)?.errors.push("Null value can not be supplied as the configuration value.");
  connector.validate(props, values);
  checkConverterClasses(registry, props, values);
  const providerErrors = configProviderErrors(props, providers);
  if (connector instanceof SinkConnector) checkSinkTopics(props, values);
  const topicCreation = connector instanceof SinkConnector ? [] : topicCreationErrors(props);
  const configs: ConfigInfos["configs"] = [...def.configKeys().values()].map((key) => ({ definition: configKeyInfo(key), value: configValueInfo(values.get(key.name)!, key.type) }));
  for (const key of nulls) {
    if (!def.configKeys().has(key)) configs.push({ definition: null, value: { name: key, value: null, recommended_values: [], errors: ["Null value can not be supplied as the configuration value."], visible: true } });
  }
  for (const [key, error] of [...overrideErrors(props, overridePolicy, connector instanceof SinkConnector), ...topicCreation, ...providerErrors]) {
    configs.push({ definition: null, value: { name: key, value: props[key] ?? null, recommended_values: [], errors: [error], visible: true } });
  }
  return {
    name: className,
    error_count: configs.reduce((sum, entry) => sum + entry.value.errors.length, 0),
    groups: def.groups(),
    configs,
  };
}

/**
 * Source topic creation: once any `topic.creation.*` key is set, the default group's
 * `replication.factor` and `partitions` are required; each group's values must be -1 (the
 * broker's default) or positive integers.
 */
function topicCreationErrors(props: Readonly<Record<string, string>>): Array<[string, string]> {
  const keys = Object.keys(props).filter((key) => key.startsWith("topic.creation.") && key !== "topic.creation.groups");
  if (keys.length === 0) return [];
  const errors: Array<[string, string]> = [];
  for (const required of ["topic.creation.default.replication.factor", "topic.creation.default.partitions"]) {
    if (props[required] === undefined) errors.push([required, `Missing required configuration "${required}" which has no default value.`]);
  }
  for (const key of keys.filter((k) => /\.(replication\.factor|partitions)$/.test(k))) {
    const value = props[key]!;
    if (!/^(-1|[1-9]\d*)$/.test(value.trim())) errors.push([key, `Invalid value ${value} for configuration ${key}: Value must be -1 (the broker's default) or a positive integer`]);
  }
  return errors;
}

/** The worker's `connector.client.config.override.policy`. */
export type OverridePolicy = "All" | "None" | "Principal";

const PRINCIPAL_KEYS = new Set(["sasl.jaas.config", "sasl.mechanism", "security.protocol"]);

/**
 * `producer.override.*`, `consumer.override.*` and `admin.override.*` keys the policy refuses,
 * for the clients this connector uses (sources: producer and admin; sinks: consumer, and
 * producer and admin when they have a DLQ), with Connect's message.
 */
function overrideErrors(props: Readonly<Record<string, string>>, policy: OverridePolicy, sink: boolean): Array<[string, string]> {
  if (policy === "All") return [];
  const dlq = sink && (props["errors.deadletterqueue.topic.name"] ?? "").trim() !== "";
  const used = new Set(sink ? ["consumer", ...(dlq ? ["producer", "admin"] : [])] : ["producer", "admin"]);
  return Object.keys(props).flatMap((key): Array<[string, string]> => {
    const match = /^(producer|consumer|admin)\.override\.(.+)$/.exec(key);
    if (!match || !used.has(match[1]!)) return [];
    if (policy === "Principal" && PRINCIPAL_KEYS.has(match[2]!)) return [];
    return [[key, `The '${policy}' policy does not allow '${match[2]}' to be overridden in the connector configuration.`]];
  });
}

const CONVERTER_KINDS = { "key.converter": "converter", "value.converter": "converter", "header.converter": "header_converter" } as const;

/**
 * `key.converter`, `value.converter` and `header.converter` must name an installed converter of
 * their kind, as `connector.class` must name a connector: otherwise the config is refused at
 * create and update (and validate reports it) instead of every task failing when it starts.
 */
function checkConverterClasses(registry: PluginRegistry, props: Readonly<Record<string, string>>, values: Map<string, ConfigValue>): void {
  for (const [key, kind] of Object.entries(CONVERTER_KINDS)) {
    const name = props[key]?.trim();
    if (!name || registry.find([kind], name)) continue;
    const available = registry.list([kind]).map((plugin) => plugin.className).join(", ");
    values.get(key)?.errors.push(ConfigException.invalid(key, name, `Class ${name} could not be found; the installed ${kind === "converter" ? "converters" : "header converters"} are ${available}.`).message);
  }
}

/**
 * Config provider problems, per key: a reference to a provider the worker does not configure
 * (it would reach the connector unresolved), and a `config.providers.<n>.class` Tributary does
 * not have. Messages name the reference or class, never a value.
 */
function configProviderErrors(props: Readonly<Record<string, string>>, providers: readonly string[]): Array<[string, string]> {
  const errors: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(props)) {
    if (/^config\.providers\.[^.]+\.class$/.test(key)) {
      const problem = unknownProviderClass(key, value);
      if (problem) errors.push([key, problem]);
    }
    for (const name of new Set(referencedProviders(value))) {
      if (providers.includes(name)) continue;
      const configured = providers.length > 0 ? `config.providers=${providers.join(",")}` : "no config.providers";
      errors.push([key, `The value of ${key} refers to the config provider '${name}', which this worker does not have (${configured}): add it to the worker's config.providers with its config.providers.${name}.class.`]);
    }
  }
  return errors;
}

/** Sinks: exactly one of `topics` and `topics.regex` (a valid regular expression), and never consume the DLQ topic. */
function checkSinkTopics(props: Readonly<Record<string, string>>, values: Map<string, ConfigValue>): void {
  const topics = (props.topics ?? "").split(",").map((t) => t.trim()).filter(Boolean);
  const regex = props["topics.regex"] ?? "";
  const error = (key: string, message: string) => values.get(key)?.errors.push(message);
  if (topics.length > 0 && regex) {
    const message = "Must configure one of topics or topics.regex, not both";
    error("topics", message);
    error("topics.regex", message);
  } else if (topics.length === 0 && !regex) {
    const message = "Must configure one of topics or topics.regex";
    error("topics", message);
    error("topics.regex", message);
  }
  const dlq = (props["errors.deadletterqueue.topic.name"] ?? "").trim();
  if (dlq && topics.includes(dlq)) error("errors.deadletterqueue.topic.name", `The DLQ topic '${dlq}' may not be included in the list of topics ('topics=${props.topics}') consumed by the connector`);
  let pattern: RegExp | undefined;
  try {
    pattern = regex ? new RegExp(`^(?:${regex})$`) : undefined;
  } catch {
    // The ConfigDef's validator already reported topics.regex as not a regular expression.
  }
  if (dlq && pattern?.test(dlq)) error("errors.deadletterqueue.topic.name", `The DLQ topic '${dlq}' may not be included in the regex matching the topics ('topics.regex=${regex}') consumed by the connector`);
}

/**
 * The 400 message Connect gives when a create or update is refused for validation errors.
 */
export function invalidConfigMessage(infos: ConfigInfos): string {
  const messages = infos.configs.flatMap((entry) => entry.value.errors);
  return `Connector configuration is invalid and contains the following ${messages.length} error(s):\n${messages.join("\n")}\nYou can also find the above list of errors at the endpoint \`/connector-plugins/{connectorType}/config/validate\``;
}
