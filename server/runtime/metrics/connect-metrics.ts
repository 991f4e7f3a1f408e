import type { RuntimeEvent } from "@/server/runtime/events/event-hub";
import type { MetricSample } from "@/server/runtime/metrics/metric-definitions";
import { RebalanceMetrics } from "@/server/runtime/metrics/rebalance-metrics";
import { DEFAULT_SAMPLE_WINDOWS, StateTimer, type SampleWindows } from "@/server/runtime/metrics/sampled-stat";
import { SinkTaskMetrics, SourceTaskMetrics, type Clock, type TaskMetrics, type TaskTotals } from "@/server/runtime/metrics/task-metrics";

/** What the worker knows about a connector's plugin, for `connector-metrics`. */
export interface ConnectorDescription {
  type: "source" | "sink" | "unknown";
  className: string;
  version: string | undefined;
}

/** A connector as the metrics registry sees it: its last status, plugin and task states. */
export interface ConnectorView {
  name: string;
  /** The last status reported (RUNNING, FAILED, …), or null before any. */
  state: string | null;
  type: "source" | "sink" | "unknown";
  className: string | null;
  tasks: Array<{ task: number; state: string }>;
}

interface ConnectorEntry {
  state: string | null;
  description: ConnectorDescription | null;
}

interface Startups {
  attempts: number;
  successes: number;
  failures: number;
}

const TASK_STATES = ["running", "paused", "failed", "unassigned", "destroyed", "restarting"] as const;
const taskKey = (connector: string, task: number) => `${connector}\u0000${task}`;

/**
 * The live metrics of one worker, under Kafka Connect's groups (reference §9). Task loops get
 * their recording object from `sourceTask`/`sinkTask` when they are built and give it back with
 * `removeTask` when they are stopped; the worker records startups and describes connectors;
 * statuses, running and pause ratios and task counts come from the runtime's status events
 * (`observe`). Readers take a `snapshot()` (for /metrics) or `taskTotals()` (for the history).
 * Everything runs on Node's one thread: recording and reading never interleave.
 */
export class ConnectMetrics {
  readonly windows: SampleWindows;
  private readonly now: Clock;
  private readonly tasks = new Map<string, TaskMetrics>();
  private readonly connectors = new Map<string, ConnectorEntry>();
  private readonly taskStates = new Map<string, { connector: string; task: number; timer: StateTimer<string> }>();
  private readonly startups: { connector: Startups; task: Startups } = {
    connector: { attempts: 0, successes: 0, failures: 0 },
    task: { attempts: 0, successes: 0, failures: 0 },
  };

  private rebalance: RebalanceMetrics | undefined;

  constructor(options: { windows?: SampleWindows; now?: Clock } = {}) {
    this.windows = options.windows ?? DEFAULT_SAMPLE_WINDOWS;
    this.now = options.now ?? Date.now;
  }

  /** A fresh recording object for a source task being built; replaces one left from an earlier run. */
  sourceTask(connector: string, task: number): SourceTaskMetrics {
    const metrics = new SourceTaskMetrics(connector, task, this.windows, this.now);
    this.tasks.set(taskKey(connector, task), metrics);
    return metrics;
  }

  /** A fresh recording object for a sink task being built; replaces one left from an earlier run. */
  sinkTask(connector: string, task: number): SinkTaskMetrics {
    const metrics = new SinkTaskMetrics(connector, task, this.windows, this.now);
    this.tasks.set(taskKey(connector, task), metrics);
    return metrics;
  }

  /** The task was stopped (its loop has ended): its metrics are no longer reported. */
  removeTask(connector: string, task: number): void {
    this.tasks.delete(taskKey(connector, task));
  }

  /** The worker tried to start a connector; `succeeded` when it reached its target state. */
  recordConnectorStartup(succeeded: boolean): void {
    record(this.startups.connector, succeeded);
  }

  /** The worker tried to start a task; `succeeded` when its loop was built and started. */
  recordTaskStartup(succeeded: boolean): void {
    record(this.startups.task, succeeded);
  }

  /** Remembers the connector's plugin (type, class, version) for `connector-metrics`. */
  describeConnector(name: string, description: ConnectorDescription): void {
    this.connector(name).description = description;
  }

  /**
   * Follows the runtime's events: status changes drive connector and task statuses, the
   * running and pause ratios and the per-state task counts; a deleted connector is forgotten.
   */
  observe(event: RuntimeEvent): void {
    if (event.type === "connector") {
      if (event.change === "deleted") this.forget(event.connector);
      return;
    }
    if (event.type !== "status") return;
    if (event.task === null) {
      this.connector(event.connector).state = event.state;
      return;
    }
    this.connector(event.connector);
    const key = taskKey(event.connector, event.task);
    const entry = this.taskStates.get(key);
    if (entry) entry.timer.change(event.state, this.now());
    else this.taskStates.set(key, { connector: event.connector, task: event.task, timer: new StateTimer(event.state, this.now()) });
  }

  /** Cumulative counts of every running task, for the metrics history. */
  taskTotals(): TaskTotals[] {
    return [...this.tasks.values()].map((metrics) => metrics.totals());
  }

  /** Every connector known to this worker with its last status, plugin and task states, by name. */
  connectorViews(): ConnectorView[] {
    return [...this.connectors.entries()]
      .map(([name, entry]) => ({
        name,
        state: entry.state,
        type: entry.description?.type ?? this.typeFromTasks(name),
        className: entry.description?.className ?? null,
        tasks: [...this.taskStates.values()].filter((t) => t.connector === name).map((t) => ({ task: t.task, state: t.timer.current })).sort((a, b) => a.task - b.task),
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Kafka Connect's `connect-worker-rebalance-metrics`, reported from the first call on (a distributed worker's group side calls it). */
  rebalanceMetrics(): RebalanceMetrics {
    this.rebalance ??= new RebalanceMetrics(this.now);
    return this.rebalance;
  }

  /** Every metric's current reading, group by group. */
  snapshot(): MetricSample[] {
    const now = this.now();
    const samples: MetricSample[] = [];
    for (const [name, entry] of this.connectors) {
      const tags = { connector: name };
      if (entry.state) samples.push({ group: "connector-metrics", name: "status", tags, value: entry.state.toLowerCase() });
      if (entry.description) {
        samples.push({ group: "connector-metrics", name: "connector-type", tags, value: entry.description.type });
        samples.push({ group: "connector-metrics", name: "connector-class", tags, value: entry.description.className });
        if (entry.description.version) samples.push({ group: "connector-metrics", name: "connector-version", tags, value: entry.description.version });
      }
    }
    for (const { connector, task, timer } of this.taskStates.values()) {
      const tags = { connector, task: String(task) };
      samples.push({ group: "connector-task-metrics", name: "status", tags, value: timer.current.toLowerCase() });
      samples.push({ group: "connector-task-metrics", name: "running-ratio", tags, value: timer.ratio("RUNNING", now) });
      samples.push({ group: "connector-task-metrics", name: "pause-ratio", tags, value: timer.ratio("PAUSED", now) });
    }
    for (const metrics of this.tasks.values()) samples.push(...metrics.samples());
    samples.push(...this.workerSamples());
    if (this.rebalance) samples.push(...this.rebalance.samples());
    return samples;
  }

  private workerSamples(): MetricSample[] {
    const group = "connect-worker-metrics" as const;
    const states = [...this.taskStates.values()];
    const active = [...this.connectors.values()].filter((entry) => entry.state !== null && entry.state !== "UNASSIGNED");
    const samples: MetricSample[] = [
      { group, name: "connector-count", tags: {}, value: active.length },
      { group, name: "task-count", tags: {}, value: states.filter((t) => t.timer.current !== "UNASSIGNED").length },
    ];
    for (const what of ["connector", "task"] as const) {
      const { attempts, successes, failures } = this.startups[what];
      samples.push(
        { group, name: `${what}-startup-attempts-total`, tags: {}, value: attempts },
        { group, name: `${what}-startup-success-total`, tags: {}, value: successes },
        { group, name: `${what}-startup-success-percentage`, tags: {}, value: attempts === 0 ? 0 : successes / attempts },
        { group, name: `${what}-startup-failure-total`, tags: {}, value: failures },
        { group, name: `${what}-startup-failure-percentage`, tags: {}, value: attempts === 0 ? 0 : failures / attempts },
      );
    }
    for (const name of this.connectors.keys()) {
      const mine = states.filter((t) => t.connector === name);
      samples.push({ group, name: "connector-total-task-count", tags: { connector: name }, value: mine.length });
      for (const state of TASK_STATES) {
        samples.push({ group, name: `connector-${state}-task-count`, tags: { connector: name }, value: mine.filter((t) => t.timer.current.toLowerCase() === state).length });
      }
    }
    return samples;
  }

  private connector(name: string): ConnectorEntry {
    let entry = this.connectors.get(name);
    if (!entry) {
      entry = { state: null, description: null };
      this.connectors.set(name, entry);
    }
    return entry;
  }

  private typeFromTasks(name: string): "source" | "sink" | "unknown" {
    for (const metrics of this.tasks.values()) if (metrics.connector === name) return metrics.type;
    return "unknown";
  }

  private forget(name: string): void {
    this.connectors.delete(name);
    for (const [key, entry] of this.taskStates) if (entry.connector === name) this.taskStates.delete(key);
    for (const [key, metrics] of this.tasks) if (metrics.connector === name) this.tasks.delete(key);
  }
}

function record(startups: Startups, succeeded: boolean): void {
  startups.attempts++;
  if (succeeded) startups.successes++;
  else startups.failures++;
}
