import type { Password } from "@/server/plugins/api/config/password";

/**
 * The value types a ConfigDef key can declare, under Kafka's names (`ConfigDef.Type`). Each is
 * also the string the REST API shows in ConfigKeyInfo's `type`.
 */
export const ConfigType = {
  BOOLEAN: "BOOLEAN",
  STRING: "STRING",
  INT: "INT",
  SHORT: "SHORT",
  LONG: "LONG",
  DOUBLE: "DOUBLE",
  LIST: "LIST",
  CLASS: "CLASS",
  PASSWORD: "PASSWORD",
} as const;
/** One of ConfigType's names. */
export type ConfigType = (typeof ConfigType)[keyof typeof ConfigType];

/** How likely a user is to need to change a key (`ConfigDef.Importance`); shown by the console. */
export const Importance = { HIGH: "HIGH", MEDIUM: "MEDIUM", LOW: "LOW" } as const;
/** One of Importance's names. */
export type Importance = (typeof Importance)[keyof typeof Importance];

/** The width of the input a UI should render for a key (`ConfigDef.Width`). */
export const Width = { NONE: "NONE", SHORT: "SHORT", MEDIUM: "MEDIUM", LONG: "LONG" } as const;
/** One of Width's names. */
export type Width = (typeof Width)[keyof typeof Width];

/**
 * A parsed config value, by type: BOOLEAN `boolean`; INT, SHORT, LONG and DOUBLE `number`
 * (LONG only within ±Number.MAX_SAFE_INTEGER); STRING and CLASS `string` (a class name or
 * alias, resolved by the plugin registry, not here); LIST `string[]`; PASSWORD `Password`.
 * `null` is a key whose default is null, or one that failed to parse during validation.
 */
export type ParsedValue = boolean | number | string | readonly string[] | Password | null;
