import { type ConfigDef, ConfigType, Importance } from "@/server/plugins/api/config-def";
import type { Field } from "@/server/plugins/api/data/schema";
import type { Struct } from "@/server/plugins/api/data/struct";

/** The key of the `replace.null.with.default` option several SMTs share. */
export const REPLACE_NULL_WITH_DEFAULT = "replace.null.with.default";

/** Adds `replace.null.with.default` (BOOLEAN, default true) to `def` and returns it. */
export function defineReplaceNullWithDefault(def: ConfigDef): ConfigDef {
  return def.define({
    name: REPLACE_NULL_WITH_DEFAULT,
    type: ConfigType.BOOLEAN,
    default: true,
    importance: Importance.MEDIUM,
    documentation:
      "When a struct field is null and its schema has a default value, read the default (true) or keep the null (false).",
  });
}

/**
 * A struct field's value the way an SMT with `replace.null.with.default` reads it: the schema's
 * default in place of null when `replaceNullWithDefault`, else exactly what was set.
 */
export function fieldValue(struct: Struct, field: string | Field, replaceNullWithDefault: boolean): unknown {
  return replaceNullWithDefault ? struct.get(field) : struct.getWithoutDefault(field);
}
