import { ProcessSampler, type ProcessSample } from "@/server/console/metrics/process-sampler";
import type { MinuteRollup, RollupStore } from "@/server/console/metrics/rollup-store";
import { SecondWindow, seriesKey, type SeriesId } from "@/server/console/metrics/second-window";
import { bucketMeans, combineTasks, toPoints, type RawPoint } from "@/server/console/metrics/series-buckets";
import { TaskRates } from "@/server/console/metrics/task-rates";
import { FINE_WINDOW_MS, seriesMetricInfo, type ConnectorOverview, type LivePoint, type MetricSeries, type MetricsOverview, type MetricsQuery, type WorkerSeriesMetric } from "@/server/contracts/metrics";
import { messageOf } from "@/server/errors/tributary-error";
import { getLogger } from "@/server/logging/logger";
import type { EventHub } from "@/server/runtime/events/event-hub";
import type { ConnectMetrics } from "@/server/runtime/metrics/connect-metrics";

/** What a MetricsHistory is built from. */
export interface MetricsHistoryOptions {
  metrics: ConnectMetrics;
  /** Each second's points are published here as a `metrics` event. */
  events: EventHub;
  /** Where minutes are kept; null keeps only the last 15 minutes, in memory. */
  store: RollupStore | null;
  /** How long minutes are kept (`tributary.metrics.retention.ms`). */
  retentionMs: number;
  now?: () => number;
  process?: { sample(): ProcessSample; close(): void };
}

const WORKER = "";
const OVERVIEW_WINDOW_MS = 60_000;
const log = getLogger("tributary.console.metrics");

/**
 * The console's metric series: once a second it reads the tasks' totals and the process's
 * figures, keeps each series' one-second values for 15 minutes in memory, rolls them up per
 * minute into the database (pruned after the retention), and publishes the second's points on
 * the event stream. `series` answers chart queries from memory (ranges up to 15 minutes) or from
 * the rollups (longer ranges). Lifecycle: `start()` once, `stop()` flushes the current minute.
 */
export class MetricsHistory {
  private readonly window = new SecondWindow(FINE_WINDOW_MS / 1000);
  private readonly rates = new TaskRates();
  private readonly now: () => number;
  private readonly process: { sample(): ProcessSample; close(): void };
  private minute: Map<string, MinuteRollup> = new Map();
  private currentMinute = -1;
  private lastSecond = -1;
  private lastTickAt: number | null = null;
  private writes: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly options: MetricsHistoryOptions) {
    this.now = options.now ?? Date.now;
    this.process = options.process ?? new ProcessSampler();
  }

  /** How long minutes are kept. */
  get retentionMs(): number {
    return this.options.retentionMs;
  }

  /** Samples once a second, just after each second starts. */
  start(): void {
    const schedule = () => {
      if (this.stopped) return;
      this.timer = setTimeout(() => {
        this.tick();
        schedule();
      }, 1005 - (this.now() % 1000));
      this.timer.unref();
    };
    schedule();
  }

  /** Stops sampling and writes the current minute so far. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.process.close();
    this.flush([...this.minute.values()]);
    this.minute = new Map();
    await this.writes;
  }

  /** Takes one sample for the second that just ended (at most one per second). Public for tests. */
  tick(): void {
    const now = this.now();
    const second = Math.floor(now / 1000) - 1;
    if (second <= this.lastSecond) return;
    const seconds = this.lastTickAt === null ? 1 : Math.max(0.001, (now - this.lastTickAt) / 1000);
    this.lastSecond = second;
    this.lastTickAt = now;
    const process = this.process.sample();
    const points: LivePoint[] = [
      ...this.rates.next(this.options.metrics.taskTotals(), seconds),
      ...workerPoints(process).map(([metric, value]) => ({ connector: null, task: null, metric, value })),
    ];
    const minute = Math.floor(second / 60);
    if (minute !== this.currentMinute) this.rollOver(minute);
    for (const point of points) {
      const id: SeriesId = { connector: point.connector ?? WORKER, task: point.task ?? -1, metric: point.metric };
      this.window.put(id, second, point.value);
      const key = seriesKey(id);
      const row = this.minute.get(key);
      if (row) {
        row.sum += point.value;
        row.max = Math.max(row.max, point.value);
        row.samples++;
      } else {
        this.minute.set(key, { ...id, minute, sum: point.value, max: point.value, samples: 1 });
      }
    }
    this.options.events.publish({ type: "metrics", at: second * 1000, points });
  }

  /** One chart's series for a validated query; see contracts/metrics.ts for the shape. */
  async series(query: MetricsQuery): Promise<MetricSeries> {
    const now = this.now();
    const from = Math.ceil((now - query.range) / query.step) * query.step;
    const connector = query.connector ?? WORKER;
    const task = typeof query.task === "number" ? query.task : undefined;
    const raw = query.range <= FINE_WINDOW_MS ? this.recentPoints(connector, query.metric, task, from, now) : await this.minutePoints(connector, query.metric, task, from);
    const info = seriesMetricInfo[query.metric];
    const means = [...raw].sort(([a], [b]) => a - b).map(([t, points]) => [t, bucketMeans(points, query.step, from)] as const);
    let series: MetricSeries["series"];
    if (query.connector === undefined) series = [{ task: null, points: means[0] ? toPoints(means[0][1]) : [] }];
    else if (query.task === undefined) series = [{ task: null, points: combineTasks(means.map(([, m]) => m), info.combine) }];
    else series = means.map(([t, m]) => ({ task: t, points: toPoints(m) }));
    if (task !== undefined && series.length === 0) series = [{ task, points: [] }];
    return { metric: query.metric, unit: info.unit, connector: query.connector ?? null, from, to: now, stepMs: query.step, series };
  }

  /** Every connector's current figures (rates over the last minute) and the process's latest. */
  overview(): MetricsOverview {
    const now = this.now();
    const to = Math.floor(now / 1000);
    const mean = (connector: string, metric: string, seconds: number) =>
      this.window.series(connector, metric).reduce((total, id) => {
        const points = this.window.read(id, to - seconds, to);
        return total + (points.length === 0 ? 0 : points.reduce((sum, [, v]) => sum + v, 0) / points.length);
      }, 0);
    const latest = (connector: string, metric: string): number | null => {
      const values = this.window.series(connector, metric).flatMap((id) => this.window.read(id, to - 5, to).slice(-1).map(([, v]) => v));
      return values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0);
    };
    const seconds = OVERVIEW_WINDOW_MS / 1000;
    const connectors: ConnectorOverview[] = this.options.metrics.connectorViews().map((view) => ({
      name: view.name,
      type: view.type,
      recordsIn: mean(view.name, "records-in", seconds),
      recordsOut: mean(view.name, "records-out", seconds),
      errors: mean(view.name, "errors", seconds),
      deadLetters: mean(view.name, "dead-letters", seconds),
      recentErrors: Math.round(this.window.series(view.name, "errors").reduce((total, id) => total + this.window.read(id, to - FINE_WINDOW_MS / 1000, to).reduce((sum, [, v]) => sum + v, 0), 0)),
      lag: latest(view.name, "lag"),
    }));
    return {
      at: now,
      windowMs: OVERVIEW_WINDOW_MS,
      connectors,
      worker: { cpu: latest(WORKER, "process-cpu"), memory: latest(WORKER, "process-memory"), eventLoopDelay: latest(WORKER, "event-loop-delay") },
    };
  }

  private recentPoints(connector: string, metric: string, task: number | undefined, from: number, now: number): Map<number, RawPoint[]> {
    const byTask = new Map<number, RawPoint[]>();
    for (const id of this.window.series(connector, metric)) {
      if (task !== undefined && id.task !== task) continue;
      byTask.set(id.task, this.window.read(id, Math.floor(from / 1000), Math.floor(now / 1000)).map(([second, value]) => ({ t: second * 1000, sum: value, count: 1 })));
    }
    return byTask;
  }

  private async minutePoints(connector: string, metric: string, task: number | undefined, from: number): Promise<Map<number, RawPoint[]>> {
    const fromMinute = Math.floor(from / 60_000);
    const stored = this.options.store ? await this.options.store.read({ connector, metric, task, from: fromMinute, to: this.currentMinute }) : [];
    const open = [...this.minute.values()].filter((row) => row.connector === connector && row.metric === metric && (task === undefined || row.task === task));
    const byTask = new Map<number, RawPoint[]>();
    for (const row of [...stored, ...open]) {
      const points = byTask.get(row.task) ?? [];
      points.push({ t: row.minute * 60_000, sum: row.sum, count: row.samples });
      byTask.set(row.task, points);
    }
    return byTask;
  }

  /** A new minute began: the finished one is written, old rows and idle series dropped. */
  private rollOver(minute: number): void {
    const finished = [...this.minute.values()];
    this.minute = new Map();
    this.currentMinute = minute;
    this.flush(finished);
    this.window.dropOlderThan(minute * 60 - FINE_WINDOW_MS / 1000);
    const store = this.options.store;
    if (store) {
      const before = Math.floor((minute * 60_000 - this.options.retentionMs) / 60_000);
      this.writes = this.writes.then(() => store.prune(before).then(() => undefined)).catch((error: unknown) => log.warn({ err: messageOf(error) }, "could not prune metric rollups"));
    }
  }

  private flush(rows: MinuteRollup[]): void {
    const store = this.options.store;
    if (!store || rows.length === 0) return;
    this.writes = this.writes.then(() => store.write(rows)).catch((error: unknown) => log.warn({ err: messageOf(error), rows: rows.length }, "could not write metric rollups"));
  }
}

function workerPoints(sample: ProcessSample): Array<[WorkerSeriesMetric, number]> {
  return [
    ["process-cpu", sample.cpu],
    ["process-memory", sample.rss],
    ["heap-used", sample.heapUsed],
    ["event-loop-delay", sample.eventLoopDelay],
  ];
}
