import { TributaryError } from "@/server/errors/tributary-error";
import type { ErrorHandlingConfig } from "@/server/runtime/errors/error-handling-config";
import type { ErrorReporter } from "@/server/runtime/errors/error-reporters";
import type { ProcessingContext, Stage } from "@/server/runtime/errors/processing-context";

/**
 * The task-error-metrics a task's error handling records (reference §9, `task-error-metrics`).
 * Implementations must be cheap and synchronous; the operator calls them on the task's loop.
 */
export interface ErrorHandlingMetrics {
  /** Every failed attempt, retried or not (`total-record-failures`). */
  recordFailure(): void;
  recordRetry(): void;
  /** A record that failed for good (`total-record-errors`). */
  recordError(): void;
  recordSkipped(): void;
  recordErrorLogged(): void;
  recordDeadLetterQueueProduceRequest(): void;
  recordDeadLetterQueueProduceFailed(): void;
}

/** Metrics that go nowhere, for tasks built without a metrics registry (tests). */
export const NO_ERROR_METRICS: ErrorHandlingMetrics = {
  recordFailure() {},
  recordRetry() {},
  recordError() {},
  recordSkipped() {},
  recordErrorLogged() {},
  recordDeadLetterQueueProduceRequest() {},
  recordDeadLetterQueueProduceFailed() {},
};

/** The stages where any error may be tolerated; elsewhere only retriable ones are. */
const TOLERATES_ANY: ReadonlySet<Stage> = new Set(["TRANSFORMATION", "KEY_CONVERTER", "VALUE_CONVERTER", "HEADER_CONVERTER"]);
const BASE_DELAY_MS = 300;

/** What the operator needs from its task: time, sleeping that a stop interrupts, and whether the task is stopping. */
export interface OperatorClock {
  now(): number;
  sleep(ms: number): Promise<void>;
  isStopping(): boolean;
  random(): number;
}

/**
 * Fails the task from inside a stage: what tolerance `none`, an intolerable error or the circuit
 * breaker throw. Its message names the stage and class that failed; the cause is the original.
 */
export class ToleranceExceededError extends TributaryError {
  constructor(message: string, context: ProcessingContext, cause: unknown) {
    super("connect.error", `${message} (stage ${context.stage}, class ${context.executingClass})`, { cause });
    this.name = "ConnectException";
  }
}

const isRetriable = (error: unknown) => error instanceof TributaryError && error.retriable;

/**
 * Kafka Connect's RetryWithToleranceOperator: runs one stage of one record's pipeline, retries
 * a retriable failure with backoff until `errors.retry.timeout`, then either skips the record
 * (`errors.tolerance=all`: reporters run, `execute` returns null) or fails the task by throwing
 * ToleranceExceededError. One operator per task; called only from that task's loop.
 *
 * Deviation from Kafka Connect, so that no record is dropped silently: a record whose retries ran
 * out is subject to the tolerance like any other failure (Connect skips it even with `none`).
 * Tributary's circuit breaker (`tributary.errors.circuit.breaker.*`) fails the task when too many
 * records fail within its window, even with tolerance `all`.
 */
export class RetryWithToleranceOperator {
  private readonly failureTimes: number[] = [];

  constructor(
    private readonly config: ErrorHandlingConfig,
    private readonly reporters: readonly ErrorReporter[],
    private readonly clock: OperatorClock,
    private readonly metrics: ErrorHandlingMetrics = NO_ERROR_METRICS,
  ) {}

  /** Whether any reporter is configured (the ErrantRecordReporter exists only then). */
  get reporting(): boolean {
    return this.reporters.length > 0;
  }

  /**
   * Runs `operation` as `stage` of the context's record. Returns its result, or null when the
   * record failed and is skipped (then the context is failed and later stages return null at
   * once). Synchronous unless a retry is needed, then it returns a promise. Throws
   * ToleranceExceededError when the failure must fail the task.
   */
  execute<T>(context: ProcessingContext, stage: Stage, executingClass: string, operation: () => T): T | null | Promise<T | null> {
    if (context.failed) return null;
    context.stage = stage;
    context.executingClass = executingClass;
    try {
      return operation();
    } catch (error) {
      this.metrics.recordFailure();
      if (isRetriable(error) && this.config.retryTimeoutMs !== 0 && !this.clock.isStopping()) return this.retry(context, operation, error);
      this.fail(context, error);
      return null;
    }
  }

  /**
   * Reports a record that failed outside `execute` (a failed produce, a sink task's errant
   * record), then applies the tolerance as Kafka Connect does: whatever the error, `none` throws
   * ToleranceExceededError (after reporting), `all` skips the record.
   */
  executeFailed(context: ProcessingContext, stage: Stage, executingClass: string, error: unknown): void {
    context.stage = stage;
    context.executingClass = executingClass;
    context.error = error;
    this.metrics.recordFailure();
    this.metrics.recordError();
    this.report(context);
    if (this.config.tolerance === "none") throw new ToleranceExceededError("Tolerance exceeded in error handler", context, error);
    this.tripCircuitBreaker(context, error);
    this.metrics.recordSkipped();
  }

  /** Prepares the reporters (creates the dead letter queue topic); call once before the first record. */
  async start(): Promise<void> {
    for (const reporter of this.reporters) await reporter.start?.();
  }

  /** Waits until every reported record is written (the DLQ) — before offsets move past them. */
  async flush(): Promise<void> {
    await Promise.all(this.reporters.map((reporter) => reporter.flush()));
  }

  /** Closes the reporters (their producers); call once when the task stops. */
  async close(): Promise<void> {
    await Promise.all(this.reporters.map((reporter) => reporter.close()));
  }

  private async retry<T>(context: ProcessingContext, operation: () => T, first: unknown): Promise<T | null> {
    const started = this.clock.now();
    const deadline = this.config.retryTimeoutMs < 0 ? Number.POSITIVE_INFINITY : started + this.config.retryTimeoutMs;
    let error = first;
    for (let attempt = 1; this.clock.now() < deadline && !this.clock.isStopping(); attempt++) {
      await this.clock.sleep(this.backoff(attempt, deadline));
      if (this.clock.isStopping()) break;
      this.metrics.recordRetry();
      try {
        return operation();
      } catch (next) {
        this.metrics.recordFailure();
        error = next;
        if (!isRetriable(next)) break;
      }
    }
    this.fail(context, error);
    return null;
  }

  /** `300 ms << (attempt-1)`; past `errors.retry.delay.max.ms` a random delay below it; never past the deadline. */
  private backoff(attempt: number, deadline: number): number {
    let delay = BASE_DELAY_MS * 2 ** (attempt - 1);
    if (delay > this.config.retryDelayMaxMs) delay = Math.floor(this.clock.random() * this.config.retryDelayMaxMs);
    return Math.max(0, Math.min(delay, deadline - this.clock.now()));
  }

  /** A record failed for good: it counts as an error whether it is skipped or fails the task, so the console's error figures show a task that failed on one. */
  private fail(context: ProcessingContext, error: unknown): void {
    context.error = error;
    this.metrics.recordError();
    if (!TOLERATES_ANY.has(context.stage) && !isRetriable(error)) throw new ToleranceExceededError("Unhandled exception in error handler", context, error);
    if (this.config.tolerance === "none") throw new ToleranceExceededError("Tolerance exceeded in error handler", context, error);
    this.tripCircuitBreaker(context, error);
    this.metrics.recordSkipped();
    this.report(context);
  }

  private report(context: ProcessingContext): void {
    const failure = context.failure();
    for (const reporter of this.reporters) reporter.report(failure);
  }

  private tripCircuitBreaker(context: ProcessingContext, error: unknown): void {
    const { circuitBreakerMaxFailures: max, circuitBreakerWindowMs: window } = this.config;
    if (max <= 0) return;
    const now = this.clock.now();
    this.failureTimes.push(now);
    while (this.failureTimes.length > 0 && this.failureTimes[0]! <= now - window) this.failureTimes.shift();
    if (this.failureTimes.length > max) {
      throw new ToleranceExceededError(`Circuit breaker open: ${this.failureTimes.length} records failed within ${window} ms, more than tributary.errors.circuit.breaker.max.failures=${max}`, context, error);
    }
  }
}
