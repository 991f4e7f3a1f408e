import type { StatusEvent } from "@/server/contracts/events";

/** How many changes per connector the console keeps, as many as the server remembers. */
export const CHANGES_KEPT = 50;

/** One state change as the card shows it: the event and the subject's state before it, when known. */
export interface StateTransition {
  event: StatusEvent;
  /** The same connector's or task's previous state in the list; null for its first change there. */
  from: string | null;
}

function same(a: StatusEvent, b: StatusEvent): boolean {
  return a.task === b.task && a.state === b.state && a.at === b.at && a.workerId === b.workerId;
}

/**
 * `known` and `incoming` merged: duplicates (same subject, state, worker and time) once, in time
 * order (ties keep arrival order), only the last `limit`. For merging live events into the
 * fetched history, where the same change can arrive both ways. Returns a new array.
 */
export function mergeChanges(known: readonly StatusEvent[], incoming: readonly StatusEvent[], limit = CHANGES_KEPT): StatusEvent[] {
  const merged = [...known];
  for (const event of incoming) if (!merged.some((existing) => same(existing, event))) merged.push(event);
  return merged
    .map((event, index) => ({ event, index }))
    .sort((a, b) => a.event.at - b.event.at || a.index - b.index)
    .map(({ event }) => event)
    .slice(-limit);
}

/**
 * The changes newest first, each with the previous state of its connector or task. A report that
 * repeats the subject's previous one (same state, worker and trace) is no transition and is left out.
 */
export function transitions(changes: readonly StatusEvent[]): StateTransition[] {
  const last = new Map<number | null, StatusEvent>();
  const result: StateTransition[] = [];
  for (const event of changes) {
    const previous = last.get(event.task);
    if (previous && previous.state === event.state && previous.workerId === event.workerId && previous.trace === event.trace) continue;
    result.push({ event, from: previous?.state ?? null });
    last.set(event.task, event);
  }
  return result.reverse();
}
