import type { SeriesMetricInfo } from "@/server/contracts/metrics";

function compact(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${trim(value / 1e9)}G`;
  if (abs >= 1e6) return `${trim(value / 1e6)}M`;
  if (abs >= 1e3) return `${trim(value / 1e3)}k`;
  if (abs >= 10 || abs === 0) return String(Math.round(value));
  return trim(value);
}

const trim = (value: number) => (Math.abs(value) >= 100 ? String(Math.round(value)) : value.toFixed(1).replace(/\.0$/, ""));

/** A value in its unit, short enough for an axis label or a chart caption: `1.2k records/s`, `340 ms`, `1.5 GB`, `12%`. */
export function formatMetric(value: number, unit: SeriesMetricInfo["unit"]): string {
  switch (unit) {
    case "records/s":
      return `${compact(value)} records/s`;
    case "records":
      return `${compact(value)} records`;
    case "%":
      return `${trim(value)}%`;
    case "bytes":
      for (const [size, suffix] of [[1e9, "GB"], [1e6, "MB"], [1e3, "kB"]] as const) if (Math.abs(value) >= size) return `${trim(value / size)} ${suffix}`;
      return `${Math.round(value)} B`;
    case "ms":
      if (Math.abs(value) >= 60_000) return `${trim(value / 60_000)} min`;
      if (Math.abs(value) >= 1000) return `${trim(value / 1000)} s`;
      return `${trim(value)} ms`;
  }
}

/** The axis label of a value: the number alone for record counts and rates (the unit is in the caption). */
export function formatTick(value: number, unit: SeriesMetricInfo["unit"]): string {
  return unit === "records/s" || unit === "records" ? compact(value) : formatMetric(value, unit);
}

/** The smallest "nice" number (1, 2 or 5 × 10ⁿ) at or above `value`, for the top of an axis; 1 for 0. */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}

/** A time on the chart's axis: with seconds for ranges up to an hour, with the weekday beyond a day. */
export function formatAxisTime(epochMs: number, rangeMs: number): string {
  const date = new Date(epochMs);
  if (rangeMs > 86_400_000) return date.toLocaleString(undefined, { weekday: "short", hour: "2-digit", minute: "2-digit" });
  return date.toLocaleTimeString(undefined, rangeMs <= 3_600_000 ? { hour: "2-digit", minute: "2-digit", second: "2-digit" } : { hour: "2-digit", minute: "2-digit" });
}
