import { messageOf } from "@/server/errors/tributary-error";
import { getLogger } from "@/server/logging/logger";
import { autoRestartPolicy, backoffDelay, type AutoRestartPolicy } from "@/server/runtime/herder/auto-restart-policy";
import type { ConfigChange, ConfigStore } from "@/server/storage/contracts/config-store";
import type { ConnectState } from "@/server/storage/contracts/status-store";

const log = getLogger("tributary.runtime.herder");

/** How many attempts (and give-ups) are remembered per connector. */
export const AUTO_RESTART_HISTORY = 50;

/** The timer seam: real time in production, a fake clock in unit tests. */
export interface AutoRestartClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Real time; its timers do not keep the process alive. */
export const SYSTEM_CLOCK: AutoRestartClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * What became of an attempt: `scheduled` (waiting for its delay), `restarting` (asked, no new
 * state yet), `running` / `failed` (the next state the instance reported), `cancelled` (a pause,
 * stop, config update, deletion or manual restart came first), `error` (the restart request
 * itself failed), `gave_up` (not an attempt: the limit was reached, `attempt` is how many were made).
 */
export type AutoRestartOutcome = "scheduled" | "restarting" | "running" | "failed" | "cancelled" | "error" | "gave_up";

/** One entry of a connector's auto-restart history. */
export interface AutoRestartAttempt {
  /** When the failure was seen, epoch ms. */
  at: number;
  /** The task, or null for the connector instance. */
  task: number | null;
  /** Its number among consecutive attempts, from 1. */
  attempt: number;
  delayMs: number;
  /** When the restart is (or was) due, epoch ms. */
  dueAt: number;
  /** The first line of the FAILED status's trace. */
  error: string;
  /** The trace's first lines (at most 12). */
  trace: string;
  outcome: AutoRestartOutcome;
  /** Why it was cancelled, or why the restart request failed. */
  detail?: string;
}

/** A connector's policy, pending restarts and recent attempts (newest first). */
export interface AutoRestartView {
  connector: string;
  policy: AutoRestartPolicy;
  pending: Array<{ task: number | null; attempt: number; dueAt: number }>;
  attempts: AutoRestartAttempt[];
}

/** How the scheduler restarts instances: the same Herder calls a REST restart makes. */
export interface AutoRestartActions {
  restartTask(connector: string, task: number): Promise<void>;
  restartConnector(connector: string): Promise<void>;
  /**
   * Whether this worker still runs the instance (task null: the connector); when a rebalance
   * moved it away, a pending restart is cancelled instead of restarting it where it now runs.
   * Always true when absent (standalone).
   */
  runsHere?(connector: string, task: number | null): boolean;
}

interface Instance {
  consecutive: number;
  runningSince?: number;
  gaveUp: boolean;
  timer?: unknown;
  pending?: AutoRestartAttempt;
  /** The attempt whose restart was asked and whose next state is not known yet. */
  awaiting?: AutoRestartAttempt;
}

interface Tracked {
  instances: Map<number, Instance>;
  history: AutoRestartAttempt[];
}

const CONNECTOR = -1;
const slot = (task: number | null) => task ?? CONNECTOR;
const taskOf = (key: number) => (key === CONNECTOR ? null : key);

function firstLines(trace: string, count: number): string {
  return trace.split("\n").slice(0, count).join("\n").slice(0, 4000);
}

/**
 * Restarts the FAILED connectors and tasks this worker runs, for connectors whose config enables
 * the auto-restart policy (auto-restart-policy.ts): consecutive attempt n waits
 * initial × 2^(n−1) ms, capped; after `max.attempts` consecutive attempts it gives up (recorded in
 * the history) until a manual restart or a config change. An instance that stayed RUNNING for
 * `backoff.max.ms` before failing again counts from 1 again.
 *
 * Fed by the herder with every state its Worker reports (so each worker of a cluster handles the
 * instances it runs) and with restarts the herder carries out; it listens to the config store
 * itself. It never fights the user: a pause, stop, config update or deletion cancels pending
 * restarts and resets the count; a restart it did not ask for resets the instance's count.
 *
 * Concurrency: single-threaded JS; callbacks may arrive in any order. Timers come from `clock`.
 * History lives in memory only, the last AUTO_RESTART_HISTORY entries per connector.
 */
export class AutoRestarter {
  private readonly tracked = new Map<string, Tracked>();
  /** Restarts this scheduler asked for and not yet seen by `restarted`, as `connector\0slot`. */
  private readonly own = new Set<string>();
  private readonly unsubscribe: () => void;
  private closed = false;

  constructor(
    private readonly configs: ConfigStore,
    private readonly actions: AutoRestartActions,
    private readonly clock: AutoRestartClock = SYSTEM_CLOCK,
  ) {
    this.unsubscribe = configs.subscribe((change) => this.onConfigChange(change));
  }

  /** A state this worker's connector instance reported. */
  connectorState(connector: string, state: ConnectState, trace?: string): void {
    this.onState(connector, null, state, trace);
  }

  /** A state a task this worker runs reported. */
  taskState(connector: string, task: number, state: ConnectState, trace?: string): void {
    this.onState(connector, task, state, trace);
  }

  /**
   * The herder is restarting `task` (null: the connector instance) of `connector`. Unless this
   * scheduler asked for it, it is the user's: pending restarts of the instance are cancelled and
   * its count starts again.
   */
  restarted(connector: string, task: number | null): void {
    if (this.own.delete(`${connector}\u0000${slot(task)}`)) return;
    const tracked = this.tracked.get(connector);
    const instance = tracked?.instances.get(slot(task));
    if (instance) this.reset(instance, "a manual restart");
  }

  /** The policy, pending restarts and recent attempts of `connector` (no pending ones, and no history, if never tracked). */
  view(connector: string): AutoRestartView {
    const tracked = this.tracked.get(connector);
    const pending = [...(tracked?.instances.entries() ?? [])]
      .filter(([, instance]) => instance.pending)
      .map(([key, instance]) => ({ task: taskOf(key), attempt: instance.pending!.attempt, dueAt: instance.pending!.dueAt }))
      .sort((a, b) => a.dueAt - b.dueAt);
    return { connector, policy: this.policyOf(connector) ?? autoRestartPolicy({}), pending, attempts: [...(tracked?.history ?? [])].reverse() };
  }

  /** Cancels every timer and stops listening; the herder calls it before stopping its worker. */
  close(): void {
    this.closed = true;
    this.unsubscribe();
    for (const tracked of this.tracked.values()) for (const instance of tracked.instances.values()) this.clearTimer(instance);
  }

  private policyOf(connector: string): AutoRestartPolicy | undefined {
    const stored = this.configs.snapshot().connectors.get(connector);
    return stored ? autoRestartPolicy(stored.config) : undefined;
  }

  private instanceOf(connector: string, task: number | null): { tracked: Tracked; instance: Instance } {
    let tracked = this.tracked.get(connector);
    if (!tracked) this.tracked.set(connector, (tracked = { instances: new Map(), history: [] }));
    let instance = tracked.instances.get(slot(task));
    if (!instance) tracked.instances.set(slot(task), (instance = { consecutive: 0, gaveUp: false }));
    return { tracked, instance };
  }

  private onState(connector: string, task: number | null, state: ConnectState, trace: string | undefined): void {
    if (this.closed) return;
    if (state !== "RUNNING" && state !== "FAILED" && !this.tracked.get(connector)?.instances.has(slot(task))) return;
    const { tracked, instance } = this.instanceOf(connector, task);
    if (state === "RUNNING") {
      instance.runningSince ??= this.clock.now();
      this.settle(instance, "running");
      return;
    }
    if (state === "RESTARTING") return;
    const stableSince = instance.runningSince;
    instance.runningSince = undefined;
    if (state !== "FAILED") return;
    this.settle(instance, "failed");
    this.onFailed(connector, task, tracked, instance, trace ?? "", stableSince);
  }

  private onFailed(connector: string, task: number | null, tracked: Tracked, instance: Instance, trace: string, stableSince?: number): void {
    const policy = this.policyOf(connector);
    if (!policy?.enabled || instance.pending || instance.gaveUp) return;
    const now = this.clock.now();
    if (stableSince !== undefined && now - stableSince >= policy.backoffMaxMs) instance.consecutive = 0;
    const error = trace.split("\n")[0]!.slice(0, 500);
    if (policy.maxAttempts > 0 && instance.consecutive >= policy.maxAttempts) {
      instance.gaveUp = true;
      this.record(tracked, { at: now, task, attempt: instance.consecutive, delayMs: 0, dueAt: now, error, trace: firstLines(trace, 12), outcome: "gave_up" });
      log.warn({ connector, task, attempts: instance.consecutive }, "auto restart gave up");
      return;
    }
    const attempt = instance.consecutive + 1;
    const delayMs = backoffDelay(policy, attempt);
    const entry: AutoRestartAttempt = { at: now, task, attempt, delayMs, dueAt: now + delayMs, error, trace: firstLines(trace, 12), outcome: "scheduled" };
    this.record(tracked, entry);
    instance.pending = entry;
    instance.timer = this.clock.setTimeout(() => void this.fire(connector, task, instance, entry, trace), delayMs);
  }

  private async fire(connector: string, task: number | null, instance: Instance, entry: AutoRestartAttempt, trace: string): Promise<void> {
    instance.timer = undefined;
    if (this.closed || instance.gaveUp) return;
    if (this.actions.runsHere && !this.actions.runsHere(connector, task)) {
      this.reset(instance, "a rebalance: another worker runs it now");
      return;
    }
    instance.pending = undefined;
    instance.consecutive = entry.attempt;
    entry.outcome = "restarting";
    instance.awaiting = entry;
    const key = `${connector}\u0000${slot(task)}`;
    this.own.add(key);
    log.info({ connector, task, attempt: entry.attempt }, "auto restart");
    try {
      if (task === null) await this.actions.restartConnector(connector);
      else await this.actions.restartTask(connector, task);
    } catch (error) {
      this.own.delete(key);
      if (instance.awaiting !== entry) return;
      instance.awaiting = undefined;
      entry.outcome = "error";
      entry.detail = messageOf(error);
      const tracked = this.tracked.get(connector);
      if (tracked && tracked.instances.get(slot(task)) === instance) this.onFailed(connector, task, tracked, instance, trace);
    }
  }

  private onConfigChange(change: ConfigChange): void {
    const tracked = this.tracked.get(change.connector);
    if (!tracked) return;
    if (change.kind === "connector-removed") {
      for (const instance of tracked.instances.values()) this.clearTimer(instance);
      this.tracked.delete(change.connector);
      return;
    }
    const cancelAll = (why: string) => {
      for (const instance of tracked.instances.values()) this.reset(instance, why);
    };
    if (change.kind === "connector-updated") cancelAll("a config update");
    if (change.kind === "target-state") {
      const target = this.configs.snapshot().connectors.get(change.connector)?.targetState;
      if (target === "PAUSED" || target === "STOPPED") cancelAll(`the connector was ${target === "PAUSED" ? "paused" : "stopped"}`);
    }
    if (change.kind === "restart") {
      const request = this.configs.snapshot().restartRequests.get(change.connector);
      this.restarted(change.connector, null);
      if (request?.includeTasks) for (const key of tracked.instances.keys()) if (key !== CONNECTOR) this.restarted(change.connector, key);
    }
  }

  /** Forgets the instance's count, and cancels its pending restart saying `why`. */
  private reset(instance: Instance, why: string): void {
    if (instance.pending) {
      instance.pending.outcome = "cancelled";
      instance.pending.detail = `cancelled by ${why}`;
    }
    this.clearTimer(instance);
    instance.consecutive = 0;
    instance.gaveUp = false;
    instance.awaiting = undefined;
  }

  private clearTimer(instance: Instance): void {
    if (instance.timer !== undefined) this.clock.clearTimeout(instance.timer);
    instance.timer = undefined;
    instance.pending = undefined;
  }

  private settle(instance: Instance, outcome: "running" | "failed"): void {
    if (!instance.awaiting) return;
    instance.awaiting.outcome = outcome;
    instance.awaiting = undefined;
  }

  private record(tracked: Tracked, entry: AutoRestartAttempt): void {
    tracked.history.push(entry);
    if (tracked.history.length > AUTO_RESTART_HISTORY) tracked.history.splice(0, tracked.history.length - AUTO_RESTART_HISTORY);
  }
}
