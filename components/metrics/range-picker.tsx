"use client";

import { chartRanges } from "@/server/contracts/metrics";

/** One of the ranges the charts offer. */
export type ChartRange = (typeof chartRanges)[number];

const labels: Record<ChartRange, string> = { "5m": "5 min", "15m": "15 min", "1h": "1 hour", "24h": "24 hours", "7d": "7 days" };

/** A segmented control choosing the charts' time range; a radio group for assistive technology. */
export function RangePicker({ value, onChange, label = "Time range" }: { value: ChartRange; onChange: (range: ChartRange) => void; label?: string }) {
  return (
    <div role="radiogroup" aria-label={label} className="inline-flex rounded-md border border-zinc-200 bg-zinc-50 p-0.5 dark:border-zinc-700 dark:bg-zinc-900">
      {chartRanges.map((range) => (
        <button
          key={range}
          type="button"
          role="radio"
          aria-checked={value === range}
          aria-label={labels[range]}
          onClick={() => onChange(range)}
          className={`h-7 rounded px-2.5 text-xs font-medium transition-colors ${
            value === range
              ? "bg-white text-zinc-900 shadow-xs dark:bg-zinc-700 dark:text-zinc-50"
              : "text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"
          }`}
        >
          {range}
        </button>
      ))}
    </div>
  );
}
