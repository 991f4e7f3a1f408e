import type { PlaygroundStep } from "@/server/contracts/playground";

/** A Connect record as the playground shows it after a stage: data as JSON text, schemas by name. */
export type RecordView = NonNullable<PlaygroundStep["output"]>;

/** The parts of a record a stage may change, in the order they are shown. */
export type RecordField = "topic" | "partition" | "key" | "value" | "headers" | "timestamp";

/** One line of a line diff: kept, added by the later text, or removed from the earlier one. */
export interface DiffLine {
  text: string;
  change: "same" | "added" | "removed";
}

/** Above this many line pairs a diff is not computed: the whole new text shows as changed. */
const MAX_DIFF_CELLS = 1_000_000;

/** Data text as shown: JSON indented by two spaces when it parses, other text as it is, `null` for null. */
export function prettyData(text: string | null): string {
  if (text === null) return "null";
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** Headers as `key: value` lines, in order (a null value reads `null`). */
export function headerText(headers: RecordView["headers"]): string {
  return headers.map((header) => `${header.key}: ${header.value ?? "null"}`).join("\n");
}

/**
 * The lines of `after` marked against `before` by a longest-common-subsequence diff: lines of
 * both are `same`, lines only in `after` are `added`, lines only in `before` are `removed` and
 * placed where they were, before what replaced them. Texts too large to compare are `after` all marked added.
 */
export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before.split("\n");
  const b = after.split("\n");
  if (a.length * b.length > MAX_DIFF_CELLS) return b.map((text) => ({ text, change: "added" }));
  const common: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i][j] = a[i] === b[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
    }
  }
  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      lines.push({ text: b[j], change: "same" });
      i++;
      j++;
    } else if (i < a.length && (j === b.length || common[i + 1][j] >= common[i][j + 1])) {
      lines.push({ text: a[i], change: "removed" });
      i++;
    } else {
      lines.push({ text: b[j], change: "added" });
      j++;
    }
  }
  return lines;
}

/** The fields of `after` that differ from `before` (a key or value whose schema changed counts as changed); every field when there is no `before`. */
export function changedFields(before: RecordView | undefined, after: RecordView): Set<RecordField> {
  if (!before) return new Set<RecordField>(["topic", "partition", "key", "value", "headers", "timestamp"]);
  const changed = new Set<RecordField>();
  if (before.topic !== after.topic) changed.add("topic");
  if (before.partition !== after.partition) changed.add("partition");
  if (before.key !== after.key || before.keySchema !== after.keySchema) changed.add("key");
  if (before.value !== after.value || before.valueSchema !== after.valueSchema) changed.add("value");
  if (headerText(before.headers) !== headerText(after.headers)) changed.add("headers");
  if (before.timestamp !== after.timestamp) changed.add("timestamp");
  return changed;
}

/** The record a step received: the output of the nearest earlier step that has one, or undefined for the first. */
export function inputOf(steps: readonly PlaygroundStep[], index: number): RecordView | undefined {
  for (let i = index - 1; i >= 0; i--) {
    const output = steps[i].output;
    if (output) return output;
  }
  return undefined;
}
