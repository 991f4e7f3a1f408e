import type { ConnectorOffset, ConnectorOffsetsView } from "@/server/contracts/connector-offsets";

/** One editable partition: its current offset and what the operator typed for it. */
export interface DraftRow {
  /** Stable identity: the partition map as JSON. */
  key: string;
  partition: Record<string, unknown>;
  /** The committed offset; null when the partition has none yet (a sink partition never read). */
  current: Record<string, unknown> | null;
  /** The new offset as typed: a JSON object for a source, a whole number for a sink. */
  text: string;
  /** Source only: remove this partition's offset (send `null`). */
  reset: boolean;
}

/** One line of a preview: a partition, its offset now and after the change. */
export interface PreviewLine {
  key: string;
  partition: string;
  from: string;
  to: string;
}

/** What the edited rows amount to: the PATCH entries, their preview, and a message per invalid row. */
export interface EditPlan {
  offsets: ConnectorOffset[];
  preview: PreviewLine[];
  errors: Record<string, string>;
}

/** What a partition or offset without a value shows. */
export const NONE = "none";

/** A flat map as JSON with its keys sorted, so two maps compare equal whatever their key order. */
function canonical(map: Record<string, unknown> | null): string {
  return JSON.stringify(map && Object.fromEntries(Object.entries(map).sort(([a], [b]) => a.localeCompare(b))));
}

function isPlainValue(value: unknown): boolean {
  return value === null || ["string", "number", "boolean"].includes(typeof value);
}

/** A partition for people: `orders · partition 0` for a sink, `filename=/tmp/in.txt` for a source. */
export function describePartition(partition: Record<string, unknown>): string {
  if (typeof partition.kafka_topic === "string" && partition.kafka_partition !== undefined) return `${partition.kafka_topic} · partition ${String(partition.kafka_partition)}`;
  return Object.entries(partition).map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`).join(", ");
}

/** An offset for people: a sink's number, a source's `key=value` pairs, or "none". */
export function describeOffset(offset: Record<string, unknown> | null): string {
  if (offset === null) return NONE;
  if (Object.keys(offset).length === 1 && "kafka_offset" in offset) return String(offset.kafka_offset);
  return describePartition(offset);
}

/**
 * The rows to edit: a source's partitions as Connect lists them (the offset as JSON), or every
 * partition of a sink's view, committed or not (the offset as a number, empty when none).
 */
export function draftRows(view: ConnectorOffsetsView): DraftRow[] {
  if (view.type === "sink") {
    return view.partitions.map((p) => {
      const partition = { kafka_topic: p.topic, kafka_partition: p.partition };
      return { key: JSON.stringify(partition), partition, current: p.committed === null ? null : { kafka_offset: p.committed }, text: p.committed === null ? "" : String(p.committed), reset: false };
    });
  }
  return view.offsets.map(({ partition, offset }) => ({ key: JSON.stringify(partition), partition, current: offset, text: offset === null ? "" : JSON.stringify(offset), reset: false }));
}

/** The new offset a row asks for (`undefined` for no change), or why its text is not valid. */
function parseRow(row: DraftRow, type: ConnectorOffsetsView["type"]): { offset: Record<string, unknown> | null | undefined } | { error: string } {
  if (row.reset) return { offset: row.current === null ? undefined : null };
  const text = row.text.trim();
  if (type === "sink") {
    if (text === "" && row.current === null) return { offset: undefined };
    if (!/^\d+$/.test(text)) return { error: "Enter a whole number, 0 or more: the offset of the next record to read." };
    return { offset: Number(text) === row.current?.kafka_offset ? undefined : { kafka_offset: Number(text) } };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { error: 'Enter the offset as a JSON object, like {"position": 0}.' };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed) || !Object.values(parsed).every(isPlainValue)) {
    return { error: 'Enter the offset as a JSON object of plain values (text, numbers, true or false), like {"position": 0}.' };
  }
  const offset = parsed as Record<string, unknown>;
  return { offset: canonical(offset) === canonical(row.current) ? undefined : offset };
}

/**
 * Turns edited rows into the entries of a `PATCH /connectors/{c}/offsets` body: only rows whose
 * offset changes, a reset row as `"offset": null`. Invalid rows are reported by key and left out.
 */
export function planEdits(rows: readonly DraftRow[], type: ConnectorOffsetsView["type"]): EditPlan {
  const plan: EditPlan = { offsets: [], preview: [], errors: {} };
  for (const row of rows) {
    const parsed = parseRow(row, type);
    if ("error" in parsed) {
      plan.errors[row.key] = parsed.error;
      continue;
    }
    if (parsed.offset === undefined) continue;
    plan.offsets.push({ partition: row.partition, offset: parsed.offset });
    plan.preview.push({ key: row.key, partition: describePartition(row.partition), from: describeOffset(row.current), to: parsed.offset === null ? `${NONE} (reset)` : describeOffset(parsed.offset) });
  }
  return plan;
}

/** The preview of a full reset: every partition that has an offset now loses it. */
export function resetPreview(rows: readonly DraftRow[]): PreviewLine[] {
  return rows
    .filter((row) => row.current !== null)
    .map((row) => ({ key: row.key, partition: describePartition(row.partition), from: describeOffset(row.current), to: `${NONE} (reset)` }));
}
