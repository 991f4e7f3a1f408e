import type { DlqFilter, DlqGroup } from "@/server/contracts/dlq";
import type { RecordSummary } from "@/server/console/dlq/dlq-index";

/** Whether an indexed record was replayed already (the ledger's answer for it). */
export type ReplayedCheck = (record: RecordSummary) => boolean;

/**
 * Whether `record` passes every field of `filter`: exact error class, stage, signature and
 * partition; timestamp in `[from, to)`; replayed or not. An empty filter passes everything.
 */
export function matchesFilter(record: RecordSummary, filter: DlqFilter, replayed: ReplayedCheck): boolean {
  if (filter.errorClass !== undefined && record.context.exceptionClass !== filter.errorClass) return false;
  if (filter.stage !== undefined && record.context.stage !== filter.stage) return false;
  if (filter.signature !== undefined && record.signature.id !== filter.signature) return false;
  if (filter.partition !== undefined && record.partition !== filter.partition) return false;
  if (filter.from !== undefined && record.timestamp < filter.from) return false;
  if (filter.to !== undefined && record.timestamp >= filter.to) return false;
  if (filter.replayed !== undefined && replayed(record) !== filter.replayed) return false;
  return true;
}

/** Newest first: higher offsets first, then lower partitions (offsets of one partition grow with arrival). */
function newestFirst(a: RecordSummary, b: RecordSummary): number {
  if (a.offset !== b.offset) return a.offset > b.offset ? -1 : 1;
  return a.partition - b.partition;
}

/** A page of records and the `before` that continues after it. */
export interface RecordPage {
  records: RecordSummary[];
  /** The lowest offset on the page when older records remain, else null. */
  next: bigint | null;
}

/**
 * One page of `records` (already filtered), newest first, with offsets below `before` (all when
 * undefined). A page holds `limit` records, plus any record of another partition at the same
 * offset as its last one, so paging by offset never skips a record.
 */
export function pageOf(records: readonly RecordSummary[], before: bigint | undefined, limit: number): RecordPage {
  const candidates = (before === undefined ? [...records] : records.filter((r) => r.offset < before)).sort(newestFirst);
  let end = Math.min(limit, candidates.length);
  while (end > 0 && end < candidates.length && candidates[end]!.offset === candidates[end - 1]!.offset) end++;
  const page = candidates.slice(0, end);
  return { records: page, next: end < candidates.length ? page.at(-1)!.offset : null };
}

/**
 * The records grouped by error signature, largest group first (then by most recent failure):
 * counts, how many were replayed, first and last record timestamps, the newest failure time
 * (records Tributary wrote say when they failed), one example message, and the connectors whose
 * failures the group holds.
 */
export function groupsOf(records: Iterable<RecordSummary>, replayed: ReplayedCheck): DlqGroup[] {
  const groups = new Map<string, DlqGroup & { connectorSet: Set<string> }>();
  for (const record of records) {
    const { signature } = record;
    let group = groups.get(signature.id);
    if (!group) {
      group = {
        signature: signature.id,
        exceptionClass: signature.exceptionClass,
        stage: signature.stage,
        template: signature.template,
        example: record.context.exceptionMessage,
        count: 0,
        replayed: 0,
        firstTimestamp: record.timestamp,
        lastTimestamp: record.timestamp,
        lastFailedAt: null,
        connectors: [],
        connectorSet: new Set(),
      };
      groups.set(signature.id, group);
    }
    group.count++;
    if (replayed(record)) group.replayed++;
    group.firstTimestamp = Math.min(group.firstTimestamp, record.timestamp);
    group.lastTimestamp = Math.max(group.lastTimestamp, record.timestamp);
    const failedAt = record.context.failedAt;
    if (failedAt !== null && (group.lastFailedAt === null || failedAt > group.lastFailedAt)) group.lastFailedAt = failedAt;
    if (record.context.connector !== null) group.connectorSet.add(record.context.connector);
  }
  return [...groups.values()]
    .map(({ connectorSet, ...group }) => ({ ...group, connectors: [...connectorSet].sort() }))
    .sort((a, b) => b.count - a.count || b.lastTimestamp - a.lastTimestamp);
}

/**
 * Coordinates, sorted and without duplicates, split into runs worth one read each: offsets of
 * one partition no more than `maxGap` apart share a run (so reading a run costs little more than
 * the records wanted), and a run spans at most `maxSpan` offsets (so a read stays small).
 */
export function readRuns(
  coordinates: ReadonlyArray<{ partition: number; offset: bigint }>,
  options: { maxGap?: bigint; maxSpan?: bigint } = {},
): Array<{ partition: number; offsets: bigint[] }> {
  const maxGap = options.maxGap ?? 64n;
  const maxSpan = options.maxSpan ?? 500n;
  const sorted = [...coordinates].sort((a, b) => a.partition - b.partition || (a.offset < b.offset ? -1 : a.offset > b.offset ? 1 : 0));
  const runs: Array<{ partition: number; offsets: bigint[] }> = [];
  for (const { partition, offset } of sorted) {
    const run = runs.at(-1);
    const last = run?.offsets.at(-1);
    if (run && run.partition === partition && last !== undefined && offset === last) continue;
    if (run && run.partition === partition && last !== undefined && offset - last <= maxGap && offset - run.offsets[0]! < maxSpan) run.offsets.push(offset);
    else runs.push({ partition, offsets: [offset] });
  }
  return runs;
}
