"use client";

import { useState, type MouseEvent } from "react";
import { formatAxisTime, formatMetric, formatTick, niceCeiling } from "@/components/metrics/format-metric";
import type { SeriesMetricInfo } from "@/server/contracts/metrics";

/** One line of a chart. */
export interface ChartLine {
  label: string;
  points: Array<[number, number]>;
}

/** Props of `LineChart`. */
export interface LineChartProps {
  lines: ChartLine[];
  /** The time axis, epoch ms. */
  from: number;
  to: number;
  /** Points further apart than 2.5 steps are not joined (no data in between). */
  stepMs: number;
  unit: SeriesMetricInfo["unit"];
  /** The chart's accessible description (what, over which range, latest and highest values). */
  description: string;
  /** Shown over the plot when no line has a point. */
  emptyMessage?: string;
  /** Moments to mark with a labelled vertical line (config versions: `v3`); those outside `from`–`to` are left out. */
  markers?: ReadonlyArray<{ at: number; label: string; title: string }>;
}

/** Markers closer than this fraction of the plot's width to the one before have their labels stacked below it. */
const MARKER_GAP = 0.05;

/** How a marker's label sits on its line: centred, or inside the plot near either edge. */
function edgeShift(fraction: number): string {
  if (fraction > 0.95) return "-translate-x-full";
  return fraction < 0.05 ? "" : "-translate-x-1/2";
}

/** `sorted` markers (by time), each with the row its label goes on, so labels of nearby markers do not cover each other. */
function stacked<M extends { at: number }>(sorted: readonly M[], fraction: (at: number) => number): Array<M & { row: number }> {
  const rows: Array<M & { row: number }> = [];
  for (const marker of sorted) {
    const previous = rows.at(-1);
    const near = previous !== undefined && fraction(marker.at) - fraction(previous.at) < MARKER_GAP;
    rows.push({ ...marker, row: near ? previous.row + 1 : 0 });
  }
  return rows;
}

/** Stroke and fill colours of the lines, in order (accent first). */
export const LINE_COLORS = [
  { stroke: "stroke-accent-500 dark:stroke-accent-400", fill: "fill-accent-500/10 dark:fill-accent-400/10", dot: "bg-accent-500 dark:bg-accent-400" },
  { stroke: "stroke-emerald-500", fill: "fill-emerald-500/10", dot: "bg-emerald-500" },
  { stroke: "stroke-amber-500", fill: "fill-amber-500/10", dot: "bg-amber-500" },
  { stroke: "stroke-sky-500", fill: "fill-sky-500/10", dot: "bg-sky-500" },
  { stroke: "stroke-rose-500", fill: "fill-rose-500/10", dot: "bg-rose-500" },
  { stroke: "stroke-violet-500", fill: "fill-violet-500/10", dot: "bg-violet-500" },
] as const;

const WIDTH = 1000;
const HEIGHT = 100;

/** Line segments of consecutive points, split where data is missing. */
function segments(points: Array<[number, number]>, maxGapMs: number): Array<Array<[number, number]>> {
  const result: Array<Array<[number, number]>> = [];
  let current: Array<[number, number]> = [];
  for (const point of points) {
    const previous = current[current.length - 1];
    if (previous && point[0] - previous[0] > maxGapMs) {
      result.push(current);
      current = [];
    }
    current.push(point);
  }
  if (current.length > 0) result.push(current);
  return result;
}

/**
 * A small SVG line chart of one or more lines over a time range, with a 0-based y axis rounded
 * up to a nice number, the start and end times, and a hover readout of the values nearest the
 * pointer. The plot stretches to its container's width; strokes keep their width.
 */
export function LineChart({ lines, from, to, stepMs, unit, description, emptyMessage, markers = [] }: LineChartProps) {
  const [hover, setHover] = useState<number | null>(null);
  const span = Math.max(1, to - from);
  const top = niceCeiling(Math.max(0, ...lines.flatMap((line) => line.points.map(([, v]) => v))));
  const x = (t: number) => ((t - from) / span) * WIDTH;
  const y = (v: number) => HEIGHT - (Math.max(0, v) / top) * HEIGHT;
  const maxGap = stepMs * 2.5;
  const single = lines.length === 1;
  const marks = stacked(markers.filter((marker) => marker.at >= from && marker.at <= to).sort((a, b) => a.at - b.at), (t) => x(t) / WIDTH);

  const onMove = (event: MouseEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    setHover(from + ((event.clientX - box.left) / Math.max(1, box.width)) * span);
  };
  const readout =
    hover === null
      ? []
      : lines.flatMap((line, index) => {
          const nearest = line.points.reduce<[number, number] | null>((best, point) => (best === null || Math.abs(point[0] - hover) < Math.abs(best[0] - hover) ? point : best), null);
          return nearest && Math.abs(nearest[0] - hover) <= maxGap ? [{ label: line.label, index, point: nearest }] : [];
        });
  const at = readout[0]?.point[0];

  return (
    <div className="flex gap-2">
      <div aria-hidden="true" className="flex h-32 w-14 shrink-0 flex-col justify-between text-right text-[11px] leading-none text-zinc-500 tabular-nums dark:text-zinc-400">
        <span>{formatTick(top, unit)}</span>
        <span>{formatTick(top / 2, unit)}</span>
        <span>0</span>
      </div>
      <div className="min-w-0 flex-1">
        <div className="relative h-32" onMouseMove={onMove} onMouseLeave={() => setHover(null)}>
          <svg role="img" aria-label={description} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" className="absolute inset-0 size-full overflow-visible">
            {[0, 0.5, 1].map((f) => (
              <line key={f} x1={0} x2={WIDTH} y1={HEIGHT * f} y2={HEIGHT * f} vectorEffect="non-scaling-stroke" className="stroke-zinc-200 dark:stroke-zinc-800" strokeWidth={1} />
            ))}
            {lines.map((line, index) =>
              segments(line.points, maxGap).map((segment, part) => {
                const color = LINE_COLORS[index % LINE_COLORS.length]!;
                const path = segment.map(([t, v], i) => `${i === 0 ? "M" : "L"}${x(t).toFixed(1)},${y(v).toFixed(2)}`).join("");
                const lone = segment.length === 1 ? `M${x(segment[0]![0]).toFixed(1)},${y(segment[0]![1]).toFixed(2)}h2` : "";
                return (
                  <g key={`${index}-${part}`}>
                    {single && segment.length > 1 ? <path d={`${path}L${x(segment[segment.length - 1]![0]).toFixed(1)},${HEIGHT}L${x(segment[0]![0]).toFixed(1)},${HEIGHT}Z`} className={`${color.fill} stroke-none`} /> : null}
                    <path d={lone || path} vectorEffect="non-scaling-stroke" strokeWidth={1.75} strokeLinejoin="round" strokeLinecap="round" className={`${color.stroke} fill-none`} />
                  </g>
                );
              }),
            )}
            {marks.map((marker) => (
              <line key={marker.label} x1={x(marker.at)} x2={x(marker.at)} y1={0} y2={HEIGHT} vectorEffect="non-scaling-stroke" className="stroke-amber-500 dark:stroke-amber-400" strokeWidth={1.5} />
            ))}
            {at !== undefined ? <line x1={x(at)} x2={x(at)} y1={0} y2={HEIGHT} vectorEffect="non-scaling-stroke" className="stroke-zinc-400 dark:stroke-zinc-500" strokeWidth={1} strokeDasharray="3 3" /> : null}
          </svg>
          {marks.map((marker) => (
            <span
              key={marker.label}
              title={marker.title}
              className={`absolute rounded bg-amber-100 ${edgeShift(x(marker.at) / WIDTH)} px-1 text-[10px] leading-4 font-medium text-amber-900 dark:bg-amber-900/60 dark:text-amber-100`}
              style={{ left: `${(x(marker.at) / WIDTH) * 100}%`, top: `${marker.row * 1.05 - 0.25}rem` }}
            >
              {marker.label}
            </span>
          ))}
          {emptyMessage && lines.every((line) => line.points.length === 0) ? (
            <p className="absolute inset-0 flex items-center justify-center text-xs text-zinc-500 dark:text-zinc-400">{emptyMessage}</p>
          ) : null}
          {at !== undefined ? (
            <div
              aria-hidden="true"
              className="pointer-events-none absolute top-1 z-10 rounded-md border border-zinc-200 bg-white/95 px-2 py-1 text-xs whitespace-nowrap shadow-sm dark:border-zinc-700 dark:bg-zinc-900/95"
              style={x(at) > WIDTH / 2 ? { right: `${100 - (x(at) / WIDTH) * 100 + 1}%` } : { left: `${(x(at) / WIDTH) * 100 + 1}%` }}
            >
              <div className="text-zinc-500 dark:text-zinc-400">{formatAxisTime(at, span)}</div>
              {readout.map(({ label, index, point }) => (
                <div key={label} className="flex items-center gap-1.5 text-zinc-800 tabular-nums dark:text-zinc-200">
                  {!single ? <span className={`size-2 rounded-full ${LINE_COLORS[index % LINE_COLORS.length]!.dot}`} /> : null}
                  {!single ? `${label}: ` : null}
                  {formatMetric(point[1], unit)}
                </div>
              ))}
            </div>
          ) : null}
        </div>
        <div aria-hidden="true" className="mt-1.5 flex justify-between text-[11px] text-zinc-500 tabular-nums dark:text-zinc-400">
          <span>{formatAxisTime(from, span)}</span>
          <span>{formatAxisTime(to, span)}</span>
        </div>
      </div>
    </div>
  );
}
