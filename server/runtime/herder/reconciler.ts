import { getLogger } from "@/server/logging/logger";
import type { AssignmentSource, Assignment } from "@/server/runtime/herder/assignment";
import { largerRestart, restartPlan, type RestartPlan } from "@/server/runtime/herder/restart-plan";
import type { StatusReporter } from "@/server/runtime/herder/status-reporter";
import type { Worker } from "@/server/runtime/worker/worker";
import type { TaskId } from "@/server/runtime/worker/worker-task";
import type { ConfigChange, ConfigStore, RestartRequest, StoredConnector } from "@/server/storage/contracts/config-store";
import type { StatusStore } from "@/server/storage/contracts/status-store";

/** What a Reconciler is built from. */
export interface ReconcilerOptions {
  /** Runs the instances; the reconciler is its only caller. */
  worker: Worker;
  configs: ConfigStore;
  statuses: StatusStore;
  assignment: AssignmentSource;
  reporter: StatusReporter;
  /**
   * Stores task configs a connector run here generated: a leader-only write in a cluster (the
   * seam forwards it), a plain config store write in standalone mode.
   */
  writeTaskConfigs(connector: string, taskConfigs: Record<string, string>[]): Promise<void>;
}

/** Work asked of one connector in one pass beyond matching the snapshot. */
interface Asked {
  restart?: RestartRequest;
  taskRestarts: number[];
  reconfigure: boolean;
  /** Its config was written again: the connector instance restarts, even with the same config (as in Kafka Connect). */
  updated: boolean;
  /** The store told of its removal (statuses are removed even if nothing ran here). */
  removed: boolean;
}

const NOTHING_ASKED: Asked = { taskRestarts: [], reconfigure: false, updated: false, removed: false };

const log = getLogger("tributary.runtime.herder");

/**
 * Makes the Worker run what the config store says this worker should (Kafka Connect's herder
 * tick): on every config change, assignment change, task restart or connector request for task
 * reconfiguration, it compares the store's snapshot (configs, task configs, target states) and
 * this worker's assignment with what the Worker holds, and starts, stops, pauses, resumes or
 * restarts connectors and tasks until they match. Restart requests the store announces while it
 * runs are carried out for the instances this worker owns (RESTARTING first), the larger of two
 * pending ones winning. A connector started or resumed here generates its task configs, written
 * through `writeTaskConfigs` when they changed; a task runs with the connector config and task
 * config it was started with, and is restarted when either changes.
 *
 * A pass looks at the connectors the changes since the last one named, so a change costs the
 * same with ten connectors or thousands; the first pass and one after an assignment change look
 * at every connector in the store or held by the Worker.
 *
 * Concurrency: one pass at a time; changes arriving during a pass are coalesced into the next.
 * Within a pass connectors are reconciled concurrently, each one's steps in order. A FAILED
 * instance is never restarted except by a restart request (an operator's, or one the
 * connector's auto-restart policy makes through the herder: auto-restart.ts).
 *
 * Invariant: a task's status is removed only after the task is stopped (its last report
 * written), and only once the task no longer exists in the store, so a removed connector or task
 * leaves no status behind and a live one never loses its own.
 */
export class Reconciler {
  private readonly restarts = new Map<string, RestartRequest>();
  private readonly taskRestarts = new Map<string, number[]>();
  private readonly reconfigure = new Set<string>();
  private readonly updated = new Set<string>();
  private readonly removed = new Set<string>();
  /** Connectors a change named since the last pass began; only they are reconciled unless `everything`. */
  private readonly touched = new Set<string>();
  /** Whether the next pass looks at every connector (the first pass, and after an assignment change). */
  private everything = true;
  private readonly subscriptions: Array<() => void> = [];
  private readonly idleWaiters: Array<() => void> = [];
  private dirty = true;
  private started = false;
  private stopped = false;
  private running: Promise<void> | null = null;

  constructor(private readonly options: ReconcilerOptions) {}

  /** Subscribes to the stores and the assignment and runs the first pass (which starts everything assigned). Call once. */
  start(): void {
    this.started = true;
    this.subscriptions.push(
      this.options.configs.subscribe((change) => this.onConfigChange(change)),
      this.options.assignment.subscribe(() => {
        this.everything = true;
        this.schedule();
      }),
    );
    this.schedule();
  }

  /**
   * Resolves once every change made before this call has been acted on, and the statuses the
   * instances reported meanwhile are stored: no pass is running and none is due. Before
   * `start()` it waits for the first pass; after `stop()` it resolves at once.
   */
  settled(): Promise<void> {
    if (this.stopped || (this.started && !this.running && !this.dirty)) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops and starts one task this worker owns (RESTARTING in between); resolves when done. */
  restartTask(id: TaskId): Promise<void> {
    this.taskRestarts.set(id.connector, [...(this.taskRestarts.get(id.connector) ?? []), id.task]);
    this.touched.add(id.connector);
    this.schedule();
    return this.settled();
  }

  /** Stops reacting to changes and waits for a running pass; the Worker is left to its owner to stop. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.subscriptions.splice(0).forEach((unsubscribe) => unsubscribe());
    await this.running;
    this.idleWaiters.splice(0).forEach((wake) => wake());
  }

  private onConfigChange(change: ConfigChange): void {
    if (change.kind === "restart") {
      const request = this.options.configs.snapshot().restartRequests.get(change.connector);
      const pending = this.restarts.get(change.connector);
      if (request) this.restarts.set(change.connector, pending ? largerRestart(pending, request) : request);
    }
    if (change.kind === "connector-updated") this.updated.add(change.connector);
    if (change.kind === "connector-removed") this.removed.add(change.connector);
    this.touched.add(change.connector);
    this.schedule();
  }

  private requestReconfiguration(connector: string): void {
    this.reconfigure.add(connector);
    this.touched.add(connector);
    this.schedule();
  }

  private schedule(): void {
    this.dirty = true;
    if (!this.started || this.stopped || this.running) return;
    this.running = this.loop();
  }

  private async loop(): Promise<void> {
    while (this.dirty && !this.stopped) {
      this.dirty = false;
      await this.pass();
      await this.options.reporter.drained();
    }
    this.running = null;
    this.idleWaiters.splice(0).forEach((wake) => wake());
  }

  private async pass(): Promise<void> {
    const asked = new Map<string, Asked>();
    const ask = (name: string) => asked.get(name) ?? asked.set(name, { ...NOTHING_ASKED }).get(name)!;
    for (const [name, request] of this.restarts) ask(name).restart = request;
    for (const [name, tasks] of this.taskRestarts) ask(name).taskRestarts = tasks;
    for (const name of this.reconfigure) ask(name).reconfigure = true;
    for (const name of this.updated) ask(name).updated = true;
    for (const name of this.removed) ask(name).removed = true;
    for (const pending of [this.restarts, this.taskRestarts, this.reconfigure, this.updated, this.removed]) pending.clear();
    const { worker } = this.options;
    const assignment = this.options.assignment.current();
    const everything = this.everything;
    this.everything = false;
    const touched = [...this.touched];
    this.touched.clear();
    const names = everything
      ? new Set([...this.options.configs.snapshot().connectors.keys(), ...asked.keys(), ...worker.connectorNames(), ...worker.taskIds().map((id) => id.connector)])
      : new Set([...touched, ...asked.keys()]);
    await Promise.all(
      [...names].map((name) =>
        this.reconcileConnector(name, assignment, asked.get(name) ?? NOTHING_ASKED).catch((error: unknown) =>
          log.error({ connector: name, err: String(error) }, "could not reconcile connector"),
        ),
      ),
    );
  }

  private async reconcileConnector(name: string, assignment: Assignment, asked: Asked): Promise<void> {
    const { worker, statuses } = this.options;
    const stopped: TaskId[] = [];
    const stopTasks = (ids: TaskId[]) => {
      stopped.push(...ids);
      return worker.stopTasks(ids);
    };
    const desired = this.options.configs.snapshot().connectors.get(name);
    const plan: RestartPlan =
      desired && asked.restart ? restartPlan(asked.restart, statuses.snapshot().get(name), desired.taskConfigs.length) : { connector: false, tasks: [] };
    const restartTasks = new Set([...plan.tasks, ...asked.taskRestarts]);
    await stopTasks(worker.taskIds(name).filter((id) => restartTasks.has(id.task) || !this.taskMatches(id, desired, assignment)));

    const ownsConnector = desired !== undefined && assignment.ownsConnector(name);
    const held = worker.connectorConfig(name);
    if (held && (!ownsConnector || !sameStrings(held, desired.config) || plan.connector || asked.updated)) await worker.stopConnector(name);
    if (!desired) {
      if (held || stopped.length > 0 || asked.removed) await statuses.removeConnector(name);
      return;
    }
    if (ownsConnector) await this.reconcileConnectorInstance(desired, plan.connector, asked.reconfigure);

    const current = this.options.configs.snapshot().connectors.get(name);
    if (!current) return;
    await stopTasks(worker.taskIds(name).filter((id) => !this.taskMatches(id, current, assignment)));
    const count = current.taskConfigs.length;
    if (stopped.some((id) => id.task >= count)) await statuses.removeTasks(name, count);
    if (current.targetState === "STOPPED") return;
    for (const [task, taskConfig] of current.taskConfigs.entries()) {
      const id = { connector: name, task };
      if (!assignment.ownsTask(id)) continue;
      if (worker.taskConfigsOf(id)) {
        worker.setTaskTargetState(id, current.targetState);
        continue;
      }
      if (restartTasks.has(task)) this.options.reporter.task(id, "RESTARTING");
      worker.startTask(id, current.config, taskConfig, current.targetState);
    }
  }

  /**
   * Brings the owned connector instance to its target. A connector it starts (RESTARTING first
   * when restarted) starts STARTED unless STOPPED, so it generates its task configs, and is then
   * paused if its target is PAUSED; a held one just moves to its target, generating task configs
   * when it resumed from STOPPED or asked to. A STOPPED connector's task configs are emptied if
   * any were written after the stop.
   */
  private async reconcileConnectorInstance(desired: Readonly<StoredConnector>, restarted: boolean, reconfigure: boolean): Promise<void> {
    const { worker } = this.options;
    const name = desired.name;
    const wasStarted = worker.isConnectorStarted(name);
    const starting = !worker.connectorConfig(name);
    if (starting) {
      if (restarted) this.options.reporter.connector(name, "RESTARTING");
      await worker.startConnector(name, desired.config, desired.targetState === "STOPPED" ? "STOPPED" : "STARTED", () => this.requestReconfiguration(name));
    } else {
      await worker.setConnectorTargetState(name, desired.targetState);
    }
    if (desired.targetState === "STOPPED" && desired.taskConfigs.length > 0) await this.options.writeTaskConfigs(name, []);
    if (worker.isConnectorStarted(name) && (starting || !wasStarted || reconfigure)) await this.regenerateTaskConfigs(name, desired.config);
    if (starting && desired.targetState === "PAUSED") await worker.setConnectorTargetState(name, "PAUSED");
  }

  /** Asks the started connector for task configs and writes them when they differ from the stored ones; a failure fails the connector. */
  private async regenerateTaskConfigs(name: string, config: Readonly<Record<string, string>>): Promise<void> {
    let generated: Record<string, string>[];
    try {
      generated = await this.options.worker.generateTaskConfigs(name, config);
    } catch (error) {
      await this.options.worker.failConnector(name, error);
      return;
    }
    const stored = this.options.configs.snapshot().connectors.get(name);
    if (stored && !sameTaskConfigs(stored.taskConfigs, generated)) await this.options.writeTaskConfigs(name, generated);
  }

  /** Whether the held task `id` is what the store wants this worker to run. */
  private taskMatches(id: TaskId, desired: Readonly<StoredConnector> | undefined, assignment: Assignment): boolean {
    const held = this.options.worker.taskConfigsOf(id);
    const taskConfig = desired?.taskConfigs[id.task];
    if (!held || !desired || !taskConfig || desired.targetState === "STOPPED" || !assignment.ownsTask(id)) return false;
    return sameStrings(held.connectorConfig, desired.config) && sameStrings(held.taskConfig, taskConfig);
  }
}

function sameStrings(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && a[key] === b[key]);
}

function sameTaskConfigs(a: ReadonlyArray<Readonly<Record<string, string>>>, b: ReadonlyArray<Readonly<Record<string, string>>>): boolean {
  return a.length === b.length && a.every((config, task) => sameStrings(config, b[task]!));
}
