"use client";

import { useNow } from "./use-now";

const absolute = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

/** Renders `ms` (a duration in milliseconds) as the largest sensible unit: "42 s", "5 min", "3 h 10 min", "2 d 4 h". */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 24) return min % 60 ? `${h} h ${min % 60} min` : `${h} h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} d ${h % 24} h` : `${d} d`;
}

/**
 * A `<time>` for an epoch-ms instant. `relative` shows "12 s ago" with the full date as a
 * tooltip and ticks every second; otherwise the local date and time. Locale and time zone are
 * the browser's, so render it only for data fetched in the browser, not in server markup.
 */
export function Timestamp({ epochMs, relative = false }: { epochMs: number; relative?: boolean }) {
  const now = useNow();
  const date = new Date(epochMs);
  const full = absolute.format(date);
  return (
    <time dateTime={date.toISOString()} title={full}>
      {relative ? `${formatDuration(now - epochMs)} ago` : full}
    </time>
  );
}
