import type { DlqFilter } from "@/server/contracts/dlq";

/** What the inbox shows, kept in the URL so a view can be linked and survives a reload. */
export interface InboxState {
  filter: DlqFilter;
  /** The page: records below this offset (undefined: the newest page). */
  before?: string;
  /** The record opened in the detail panel. */
  record?: { partition: number; offset: string };
}

const OFFSET = /^\d{1,19}$/;
const COUNT = /^\d{1,15}$/;

/**
 * The inbox state in `params` (`errorClass`, `stage`, `signature`, `partition`, `from`, `to`,
 * `replayed`, `before`, `record=<partition>-<offset>`). Values that do not parse are ignored,
 * so a hand-edited URL still opens the inbox.
 */
export function inboxStateFrom(params: URLSearchParams): InboxState {
  const filter: DlqFilter = {};
  const text = (key: string) => params.get(key)?.trim() || undefined;
  const count = (key: string) => (COUNT.test(params.get(key) ?? "") ? Number(params.get(key)) : undefined);
  if (text("errorClass")) filter.errorClass = text("errorClass");
  if (text("stage")) filter.stage = text("stage");
  if (text("signature")) filter.signature = text("signature");
  if (count("partition") !== undefined) filter.partition = count("partition");
  if (count("from") !== undefined) filter.from = count("from");
  if (count("to") !== undefined) filter.to = count("to");
  if (params.get("replayed") === "true" || params.get("replayed") === "false") filter.replayed = params.get("replayed") === "true";
  const state: InboxState = { filter };
  const before = params.get("before");
  if (before && OFFSET.test(before)) state.before = before;
  const record = /^(\d{1,9})-(\d{1,19})$/.exec(params.get("record") ?? "");
  if (record) state.record = { partition: Number(record[1]), offset: record[2]! };
  return state;
}

/** The query string (with `?`) of `topic`'s inbox in `state`; the inverse of inboxStateFrom. */
export function inboxSearch(topic: string, state: InboxState): string {
  const params = new URLSearchParams({ topic });
  const { filter } = state;
  if (filter.errorClass !== undefined) params.set("errorClass", filter.errorClass);
  if (filter.stage !== undefined) params.set("stage", filter.stage);
  if (filter.signature !== undefined) params.set("signature", filter.signature);
  if (filter.partition !== undefined) params.set("partition", String(filter.partition));
  if (filter.from !== undefined) params.set("from", String(filter.from));
  if (filter.to !== undefined) params.set("to", String(filter.to));
  if (filter.replayed !== undefined) params.set("replayed", String(filter.replayed));
  if (state.before !== undefined) params.set("before", state.before);
  if (state.record) params.set("record", `${state.record.partition}-${state.record.offset}`);
  return `?${params}`;
}

/** Whether the filter narrows anything. */
export function isFiltered(filter: DlqFilter): boolean {
  return Object.values(filter).some((value) => value !== undefined);
}

/** The last segment of a Java class name: `org.apache.kafka.connect.errors.DataException` → `DataException`. */
export function shortClassName(name: string | null): string {
  if (name === null) return "—";
  return name.slice(name.lastIndexOf(".") + 1);
}
