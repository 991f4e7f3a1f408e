import { messageOf } from "@/server/errors/tributary-error";
import { getLogger } from "@/server/logging/logger";
import type { ErrorHandlingConfig } from "@/server/runtime/errors/error-handling-config";
import type { ErrorReporter } from "@/server/runtime/errors/error-reporters";
import { RetryWithToleranceOperator, type ErrorHandlingMetrics } from "@/server/runtime/errors/retry-with-tolerance-operator";
import { sourceStack } from "@/server/runtime/stack-frames";
import type { TargetState } from "@/server/storage/contracts/config-store";
import type { ConnectState } from "@/server/storage/contracts/status-store";

/** `<connector>-<task>`, Kafka Connect's task id string. */
export interface TaskId {
  connector: string;
  task: number;
}

/** A task's error handling, as the Worker builds it from the connector's `errors.*` settings. */
export interface TaskErrorHandling {
  config: ErrorHandlingConfig;
  reporters: ErrorReporter[];
  metrics?: ErrorHandlingMetrics;
}

/** Receives the states a task goes through; the herder records them in the status store. */
export type TaskStatusListener = (id: TaskId, state: ConnectState, trace?: string) => void;

/** The text shown as a FAILED instance's `trace`: the error's stack (name, message, frames) and causes, frames at their source lines (see sourceStack). */
export function traceOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  let trace = error.stack ?? `${error.name}: ${error.message}`;
  let cause = error.cause;
  for (let depth = 0; cause instanceof Error && depth < 5; depth++, cause = cause.cause) {
    trace += `\nCaused by: ${cause.stack ?? `${cause.name}: ${cause.message}`}`;
  }
  return sourceStack(trace);
}

/**
 * What the source and sink task loops share: the target state (STARTED/PAUSED), the stop
 * request, status reporting and failure. Subclasses implement `execute()`, which runs until the
 * task is stopped or fails; `run()` wraps it and never rejects.
 *
 * Status rules (Kafka Connect's): RUNNING once started (or PAUSED if asked to start paused),
 * PAUSED/RUNNING on target changes, FAILED with the trace on an error (never restarted
 * automatically), UNASSIGNED after a clean stop.
 */
export abstract class WorkerTask {
  protected readonly log;
  protected targetState: TargetState;
  protected stopping = false;
  private failed = false;
  private resumeWaiters: Array<() => void> = [];
  private stopWaiters: Array<() => void> = [];
  private finished: Promise<void> | undefined;

  constructor(
    readonly id: TaskId,
    initialState: TargetState,
    private readonly onStatus: TaskStatusListener,
  ) {
    this.targetState = initialState;
    this.log = getLogger("tributary.runtime.task").child({ task: `${id.connector}-${id.task}` });
  }

  /** Starts the task loop; resolves when it has ended (stopped or failed). Call once. */
  run(): Promise<void> {
    this.finished ??= (async () => {
      try {
        await this.execute();
        if (!this.failed) this.onStatus(this.id, "UNASSIGNED");
      } catch (error) {
        if (this.stopping && !this.failed) this.onStatus(this.id, "UNASSIGNED");
        else this.fail(error);
      } finally {
        this.resumeWaiters.splice(0).forEach((wake) => wake());
      }
    })();
    return this.finished;
  }

  /** Asks the loop to stop; `awaitStop` waits for it. Idempotent. */
  stop(): void {
    if (this.stopping) return;
    this.stopping = true;
    this.resumeWaiters.splice(0).forEach((wake) => wake());
    this.stopWaiters.splice(0).forEach((wake) => wake());
    this.onStopRequested();
  }

  async awaitStop(): Promise<void> {
    await this.finished;
  }

  /** Applies a new target state (STARTED or PAUSED; STOPPED stops tasks through `stop`). */
  transitionTo(state: TargetState): void {
    if (state === this.targetState || this.failed || this.stopping) return;
    this.targetState = state;
    if (state === "PAUSED") {
      this.onPause();
      this.onStatus(this.id, "PAUSED");
    } else if (state === "STARTED") {
      this.onResume();
      this.resumeWaiters.splice(0).forEach((wake) => wake());
      this.onStatus(this.id, "RUNNING");
    }
  }

  get isFailed(): boolean {
    return this.failed;
  }

  protected abstract execute(): Promise<void>;
  protected onStopRequested(): void {}
  protected onPause(): void {}
  protected onResume(): void {}

  /** Reports RUNNING, or PAUSED when the task was asked to start paused. */
  protected reportStarted(): void {
    this.onStatus(this.id, this.targetState === "PAUSED" ? "PAUSED" : "RUNNING");
  }

  /** Marks the task FAILED with the error's trace and asks the loop to stop. */
  protected fail(error: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.log.error({ err: messageOf(error) }, "task failed");
    this.onStatus(this.id, "FAILED", traceOf(error));
    this.stop();
  }

  /** The task's error operator, sleeping on this task's clock and giving up when it stops. */
  protected createOperator(errors: TaskErrorHandling): RetryWithToleranceOperator {
    const clock = { now: () => Date.now(), sleep: (ms: number) => this.sleep(ms), isStopping: () => this.stopping, random: Math.random };
    return new RetryWithToleranceOperator(errors.config, errors.reporters, clock, errors.metrics);
  }

  /** Resolves when the task is resumed or stopped. */
  protected waitForResume(): Promise<void> {
    if (this.targetState !== "PAUSED" || this.stopping) return Promise.resolve();
    return new Promise((resolve) => this.resumeWaiters.push(resolve));
  }

  /** Resolves after `ms`, or at once when the task is asked to stop. */
  protected sleep(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        const index = this.stopWaiters.indexOf(done);
        if (index >= 0) this.stopWaiters.splice(index, 1);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.stopWaiters.push(done);
    });
  }
}
