/**
 * The plugin API's configuration definition (Kafka's `ConfigDef` and friends), the one import
 * path for connectors, converters, transformations, predicates and the runtime:
 * `import { ConfigDef, ConfigType, Importance, Range } from "@/server/plugins/api/config-def"`.
 * The pieces live in `server/plugins/api/config/`.
 */
export { ConfigDef } from "@/server/plugins/api/config/config-def";
export type { ConfigKey, ConfigKeyDefinition, ConfigValue, Recommender } from "@/server/plugins/api/config/config-def";
export { ConfigException } from "@/server/plugins/api/config/config-exception";
export { ConfigType, Importance, Width } from "@/server/plugins/api/config/config-types";
export type { ParsedValue } from "@/server/plugins/api/config/config-types";
export { configKeyInfo, configValueInfo } from "@/server/plugins/api/config/config-infos";
export type { ConfigKeyInfo, ConfigValueInfo } from "@/server/plugins/api/config/config-infos";
export { Password } from "@/server/plugins/api/config/password";
export { parseValue, valueToString } from "@/server/plugins/api/config/typed-values";
export {
  CaseInsensitiveValidString,
  CompositeValidator,
  LambdaValidator,
  NonEmptyString,
  NonEmptyStringWithoutControlChars,
  NonNullValidator,
  Range,
  ValidList,
  ValidString,
} from "@/server/plugins/api/config/validators";
export type { Validator } from "@/server/plugins/api/config/validators";
