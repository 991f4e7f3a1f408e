import { z } from "zod";

/**
 * The console's metric series (`GET /api/console/metrics`, live `metrics` events), shared by the
 * server and the charts. Connector series are kept per task, one value a second; the worker's
 * own series (connector and task absent) describe the process.
 */

/** Series of a connector's tasks. */
export const connectorSeriesMetrics = ["records-in", "records-out", "errors", "dead-letters", "lag", "batch-time", "record-age"] as const;
/** Series of the worker process. */
export const workerSeriesMetrics = ["process-cpu", "process-memory", "heap-used", "event-loop-delay"] as const;

export type ConnectorSeriesMetric = (typeof connectorSeriesMetrics)[number];
export type WorkerSeriesMetric = (typeof workerSeriesMetrics)[number];
export type SeriesMetric = ConnectorSeriesMetric | WorkerSeriesMetric;

/** How a series reads, and how a connector's tasks combine into one line (`sum`, `mean` or `max`). */
export interface SeriesMetricInfo {
  label: string;
  unit: "records/s" | "records" | "ms" | "%" | "bytes";
  combine: "sum" | "mean" | "max";
}

/** Every series' label, unit and task aggregation. */
export const seriesMetricInfo: Record<SeriesMetric, SeriesMetricInfo> = {
  "records-in": { label: "Records in", unit: "records/s", combine: "sum" },
  "records-out": { label: "Records out", unit: "records/s", combine: "sum" },
  errors: { label: "Errors", unit: "records/s", combine: "sum" },
  "dead-letters": { label: "Dead letters", unit: "records/s", combine: "sum" },
  lag: { label: "Consumer lag", unit: "records", combine: "sum" },
  "batch-time": { label: "Batch time", unit: "ms", combine: "mean" },
  "record-age": { label: "Newest record age", unit: "ms", combine: "max" },
  "process-cpu": { label: "CPU", unit: "%", combine: "sum" },
  "process-memory": { label: "Memory (RSS)", unit: "bytes", combine: "sum" },
  "heap-used": { label: "Heap used", unit: "bytes", combine: "sum" },
  "event-loop-delay": { label: "Event-loop delay (p99)", unit: "ms", combine: "max" },
};

/** One-second values are kept in memory this long; older data comes from per-minute rollups. */
export const FINE_WINDOW_MS = 15 * 60_000;
/** The most points one series answer may hold. */
export const MAX_POINTS = 1000;
/** The ranges the console's picker offers. */
export const chartRanges = ["5m", "15m", "1h", "24h", "7d"] as const;

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Milliseconds of a duration like `90s`, `15m`, `1h`, `7d`; null when it is not one. */
export function parseDuration(text: string): number | null {
  const match = /^(\d{1,6})(s|m|h|d)$/.exec(text.trim());
  return match ? Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS] : null;
}

/** A duration in the largest unit that divides it exactly (`3600000` → `1h`). */
export function formatDuration(ms: number): string {
  for (const unit of ["d", "h", "m"] as const) if (ms % UNIT_MS[unit] === 0) return `${ms / UNIT_MS[unit]}${unit}`;
  return `${Math.round(ms / 1000)}s`;
}

const NICE_STEP_MINUTES = [1, 2, 5, 10, 15, 30, 60, 120, 240, 360, 720, 1440];

/** The step a range is charted with when the request names none: 1 s up to 15 minutes, else whole minutes, about 300 points. */
export function defaultStepMs(rangeMs: number): number {
  if (rangeMs <= FINE_WINDOW_MS) return Math.max(1000, Math.ceil(rangeMs / MAX_POINTS / 1000) * 1000);
  const minutes = NICE_STEP_MINUTES.find((m) => rangeMs / (m * 60_000) <= 300) ?? 1440;
  return minutes * 60_000;
}

const duration = (name: string) =>
  z
    .string()
    .transform((text, ctx) => {
      const ms = parseDuration(text);
      if (ms === null || ms === 0) {
        ctx.addIssue({ code: "custom", message: `${name} must be a duration like 30s, 15m, 1h or 7d, got "${text}"` });
        return z.NEVER;
      }
      return ms;
    });

/**
 * The query of `GET /api/console/metrics`: `metric`, `connector` (for connector series, never
 * for worker ones), `task` (a task number, or `all` for one series per task; absent: the tasks
 * combined), `range` (default 15m) and `step` (default from the range). Steps are whole seconds
 * within the last 15 minutes and whole minutes beyond; at most 1000 points.
 */
export const metricsQuerySchema = z
  .object({
    metric: z.enum([...connectorSeriesMetrics, ...workerSeriesMetrics], {
      error: () => `metric must be one of ${[...connectorSeriesMetrics, ...workerSeriesMetrics].join(", ")}`,
    }),
    connector: z.string().min(1, "connector must not be empty").optional(),
    task: z
      .string()
      .regex(/^(\d{1,6}|all)$/, "task must be a task number (0, 1, …) or all")
      .transform((t) => (t === "all" ? ("all" as const) : Number(t)))
      .optional(),
    range: duration("range").default(FINE_WINDOW_MS),
    step: duration("step").optional(),
  })
  .superRefine((query, ctx) => {
    const forConnector = (connectorSeriesMetrics as readonly string[]).includes(query.metric);
    if (forConnector && query.connector === undefined) ctx.addIssue({ code: "custom", path: ["connector"], message: `metric ${query.metric} is a connector series: name the connector with connector=<name>` });
    if (!forConnector && (query.connector !== undefined || query.task !== undefined)) ctx.addIssue({ code: "custom", path: ["connector"], message: `metric ${query.metric} is a worker series: leave out connector and task` });
    if (query.step === undefined) return;
    const unit = query.range > FINE_WINDOW_MS ? 60_000 : 1000;
    if (query.step % unit !== 0) {
      ctx.addIssue({ code: "custom", path: ["step"], message: unit === 60_000 ? "step must be whole minutes for ranges over 15m (older data is kept per minute)" : "step must be whole seconds" });
    } else if (query.range / query.step > MAX_POINTS) {
      ctx.addIssue({ code: "custom", path: ["step"], message: `range/step gives ${Math.ceil(query.range / query.step)} points, more than ${MAX_POINTS}: use a larger step` });
    }
  })
  .transform((query) => ({ ...query, step: query.step ?? defaultStepMs(query.range) }));

/** A validated series query. */
export type MetricsQuery = z.output<typeof metricsQuerySchema>;

/** `[epoch ms at the start of the step, value]`; steps without data are left out. */
export const seriesPointSchema = z.tuple([z.number(), z.number()]);

/** The body of `GET /api/console/metrics`: one series, or one per task with `task=all`. */
export const metricSeriesSchema = z.object({
  metric: z.enum([...connectorSeriesMetrics, ...workerSeriesMetrics]),
  unit: z.string(),
  connector: z.string().nullable(),
  from: z.number(),
  to: z.number(),
  stepMs: z.number(),
  /** task null: the connector's tasks combined (or the worker's series). */
  series: z.array(z.object({ task: z.number().nullable(), points: z.array(seriesPointSchema) })),
});

export type MetricSeries = z.infer<typeof metricSeriesSchema>;

/** One second's value of one series, as pushed live (connector and task null for worker series). */
export const livePointSchema = z.object({
  connector: z.string().nullable(),
  task: z.number().nullable(),
  metric: z.enum([...connectorSeriesMetrics, ...workerSeriesMetrics]),
  value: z.number(),
});

export type LivePoint = z.infer<typeof livePointSchema>;

/**
 * A connector's current figures on the overview (rates averaged over `windowMs`). Its health is
 * not here: the console derives it from the connector's status (server/contracts/connector-health.ts),
 * the one source every screen reads.
 */
export const connectorOverviewSchema = z.object({
  name: z.string(),
  type: z.enum(["source", "sink", "unknown"]),
  recordsIn: z.number(),
  recordsOut: z.number(),
  errors: z.number(),
  deadLetters: z.number(),
  /** Errors counted in the last 15 minutes. */
  recentErrors: z.number(),
  lag: z.number().nullable(),
});

/** The body of `GET /api/console/metrics/overview`: every connector's figures and the worker's. */
export const metricsOverviewSchema = z.object({
  at: z.number(),
  windowMs: z.number(),
  connectors: z.array(connectorOverviewSchema),
  worker: z.object({ cpu: z.number().nullable(), memory: z.number().nullable(), eventLoopDelay: z.number().nullable() }),
});

export type ConnectorOverview = z.infer<typeof connectorOverviewSchema>;
export type MetricsOverview = z.infer<typeof metricsOverviewSchema>;
