import { ConfigException } from "@/server/plugins/api/config-def";
import type { Field, Schema } from "@/server/plugins/api/data/schema";
import type { Struct } from "@/server/plugins/api/data/struct";
import { fieldValue } from "@/server/plugins/transforms/replace-null-with-default";
import { requireMapOrNull, requireStructOrNull, type SchemalessMap } from "@/server/plugins/transforms/requirements";

/** How a field path is read (KIP-821's `field.syntax.version`): V1 a plain name, V2 dotted with backtick quoting. */
export type FieldSyntaxVersion = "V1" | "V2";

/** The `field.syntax.version` key's name, default and valid values. */
export const FIELD_SYNTAX_VERSION = { name: "field.syntax.version", default: "V1", values: ["V1", "V2"] } as const;

/** `text`'s case-insensitive version. @throws ConfigException for anything but V1 or V2. */
export function fieldSyntaxVersion(text: string): FieldSyntaxVersion {
  const version = text.toUpperCase();
  if (version === "V1" || version === "V2") return version;
  throw ConfigException.invalid(FIELD_SYNTAX_VERSION.name, text, "String must be one of (case insensitive): V1, V2");
}

function incompleteBacktick(path: string, at: number): ConfigException {
  return new ConfigException(`Incomplete backtick pair in path: [${path}], consider adding a backslash before backtick at position ${at} to escape it`);
}

/**
 * V2 steps: split on dots, except inside a step that starts with a backtick, which runs to the
 * next backtick followed by a dot (or ending the path); `\`` before such a backtick keeps it in
 * the name. A trailing dot adds an empty last step.
 */
function parseV2(path: string): string[] {
  const steps: string[] = [];
  let i = 0;
  while (i < path.length) {
    if (path[i] !== "`") {
      const dot = path.indexOf(".", i);
      steps.push(dot === -1 ? path.slice(i) : path.slice(i, dot));
      i = dot === -1 ? path.length : dot + 1;
      continue;
    }
    const opening = i;
    let start = i + 1;
    let name = "";
    let search = start;
    for (;;) {
      const closing = path.indexOf("`", search);
      if (closing === -1) throw incompleteBacktick(path, opening);
      const escaped = path[closing - 1] === "\\";
      if (closing === path.length - 1) {
        if (escaped) throw incompleteBacktick(path, opening);
        steps.push(name + path.slice(start, closing));
        i = path.length;
        break;
      }
      if (path[closing + 1] !== ".") {
        search = closing + 1;
        continue;
      }
      if (escaped) {
        name += path.slice(start, closing - 1) + "`";
        start = search = closing + 1;
        continue;
      }
      steps.push(name + path.slice(start, closing));
      i = closing + 2;
      break;
    }
  }
  if (path.endsWith(".")) steps.push("");
  return steps;
}

/**
 * A path to one field inside a Struct or schemaless map (Kafka's `SingleFieldPath`): with V1 the
 * whole text is one field name; with V2 `a.b.c` walks nested fields and `` `a.b`.c `` quotes a
 * name that contains dots. Immutable.
 */
export class SingleFieldPath {
  /** The field names walked, outermost first; never empty. */
  readonly steps: readonly string[];

  /** @throws ConfigException for a V2 path with an unmatched backtick. */
  constructor(
    readonly text: string,
    version: FieldSyntaxVersion,
  ) {
    this.steps = version === "V1" ? [text] : parseV2(text);
  }

  /** The field the path names in a STRUCT schema, or null when a step is missing. */
  fieldFrom(schema: Schema): Field | null {
    let current: Schema = schema;
    for (const step of this.steps.slice(0, -1)) {
      const field = current.type === "STRUCT" ? current.field(step) : null;
      if (field === null) return null;
      current = field.schema;
    }
    return current.type === "STRUCT" ? current.field(this.steps.at(-1)!) : null;
  }

  /** The value at the path in a Struct; null when a step is missing or null. */
  valueFromStruct(struct: Struct, replaceNullWithDefault: boolean): unknown {
    let current: Struct | null = struct;
    for (const step of this.steps.slice(0, -1)) {
      if (current.schema.field(step) === null) return null;
      current = requireStructOrNull(fieldValue(current, step, replaceNullWithDefault), "nested field access");
      if (current === null) return null;
    }
    const last = this.steps.at(-1)!;
    return current.schema.field(last) === null ? null : fieldValue(current, last, replaceNullWithDefault);
  }

  /** The value at the path in a schemaless map; null when a step is missing or null. */
  valueFromMap(map: SchemalessMap): unknown {
    let current: SchemalessMap | null = map;
    for (const step of this.steps.slice(0, -1)) {
      current = requireMapOrNull(current.get(step), "nested field access");
      if (current === null) return null;
    }
    return current.get(this.steps.at(-1)!) ?? null;
  }
}
