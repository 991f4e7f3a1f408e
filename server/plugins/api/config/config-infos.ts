import type { ConfigKey, ConfigValue } from "@/server/plugins/api/config/config-def";
import type { ConfigType, Importance, Width } from "@/server/plugins/api/config/config-types";
import { valueToString } from "@/server/plugins/api/config/typed-values";

/**
 * One key as the REST API shows it (Kafka's `ConfigKeyInfo`): items of
 * `GET /connector-plugins/{p}/config` and `definition` in the validate response. Field names are
 * the wire names; note `order`, never `order_in_group`.
 */
export interface ConfigKeyInfo {
  name: string;
  type: ConfigType;
  required: boolean;
  default_value: string | null;
  importance: Importance;
  documentation: string;
  group: string | null;
  order: number;
  width: Width;
  display_name: string;
  dependents: string[];
}

/** One validated value as the REST API shows it (Kafka's `ConfigValueInfo`), `value` in the validate response. */
export interface ConfigValueInfo {
  name: string;
  value: string | null;
  recommended_values: string[];
  errors: string[];
  visible: boolean;
}

/**
 * Maps a ConfigKey to its ConfigKeyInfo (Kafka's `AbstractHerder.convertConfigKey`). `required` is
 * true exactly when the key has no default, and `default_value` is then null; otherwise the default
 * is rendered as Kafka does: lists comma-joined, PASSWORD `[hidden]`, DOUBLE `1.0`, and a `null`
 * default stays null (not required). Plain data, safe to JSON.stringify.
 */
export function configKeyInfo(key: ConfigKey): ConfigKeyInfo {
  return {
    name: key.name,
    type: key.type,
    required: !key.hasDefault,
    default_value: key.hasDefault ? valueToString(key.defaultValue, key.type) : null,
    importance: key.importance,
    documentation: key.documentation,
    group: key.group,
    order: key.orderInGroup,
    width: key.width,
    display_name: key.displayName,
    dependents: [...key.dependents],
  };
}

/**
 * Maps a ConfigValue to its ConfigValueInfo (Kafka's `AbstractHerder.convertConfigValue`). The value
 * and each recommended value are rendered as strings: PASSWORD `[hidden]` (the only place the API
 * masks secrets), lists comma-joined, `null` stays null. Pass the key's `type` when known so DOUBLE
 * values print as Java does (`1.0`). A recommended value that is itself a list is comma-joined, ready
 * to paste into the field (Kafka would print Java's `[a, b]` there).
 */
export function configValueInfo(value: ConfigValue, type?: ConfigType): ConfigValueInfo {
  return {
    name: value.name,
    value: valueToString(value.value, type),
    recommended_values: value.recommendedValues.map((item) => valueToString(item, type) ?? "null"),
    errors: [...value.errors],
    visible: value.visible,
  };
}
