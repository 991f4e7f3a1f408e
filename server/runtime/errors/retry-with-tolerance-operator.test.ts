import { describe, expect, it } from "vitest";
import { TributaryError } from "@/server/errors/tributary-error";
import { DataException } from "@/server/plugins/api/data/errors";
import { errorHandlingConfig } from "@/server/runtime/errors/error-handling-config";
import type { ErrorReporter } from "@/server/runtime/errors/error-reporters";
import { ProcessingContext, type RecordFailure } from "@/server/runtime/errors/processing-context";
import { RetryWithToleranceOperator, ToleranceExceededError } from "@/server/runtime/errors/retry-with-tolerance-operator";

class FakeClock {
  time = 1_000;
  sleeps: number[] = [];
  stopping = false;
  now = () => this.time;
  random = () => 0.5;
  isStopping = () => this.stopping;
  sleep = async (ms: number) => {
    this.sleeps.push(ms);
    this.time += ms;
  };
}

class CollectingReporter implements ErrorReporter {
  failures: RecordFailure[] = [];
  report(failure: RecordFailure) {
    this.failures.push(failure);
  }
  async flush() {}
  async close() {}
}

const retriable = (message = "busy") => new TributaryError("connect.retriable", message, { retriable: true });

function setup(settings: Record<string, string> = {}) {
  const clock = new FakeClock();
  const reporter = new CollectingReporter();
  const counts: Record<string, number> = {};
  const count = (name: string) => () => void (counts[name] = (counts[name] ?? 0) + 1);
  const metrics = {
    recordFailure: count("failures"),
    recordRetry: count("retries"),
    recordError: count("errors"),
    recordSkipped: count("skipped"),
    recordErrorLogged: count("logged"),
    recordDeadLetterQueueProduceRequest: count("dlqRequests"),
    recordDeadLetterQueueProduceFailed: count("dlqFailures"),
  };
  const operator = new RetryWithToleranceOperator(errorHandlingConfig(settings), [reporter], clock, metrics);
  return { clock, reporter, operator, counts, context: new ProcessingContext().reset(null, null) };
}

describe("RetryWithToleranceOperator", () => {
  it("returns the stage's result synchronously when it succeeds", () => {
    const { operator, context } = setup();
    expect(operator.execute(context, "VALUE_CONVERTER", "C", () => 42)).toBe(42);
    expect(context.failed).toBe(false);
  });

  it("fails the task with tolerance none, naming the stage and class, the cause kept, and counts the record error", () => {
    const { operator, context, reporter, counts } = setup();
    const cause = new DataException("Converting byte[] to Kafka Connect data failed");
    let thrown: unknown;
    try {
      operator.execute(context, "VALUE_CONVERTER", "org.apache.kafka.connect.json.JsonConverter", () => {
        throw cause;
      });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ToleranceExceededError);
    expect((thrown as Error).message).toBe("Tolerance exceeded in error handler (stage VALUE_CONVERTER, class org.apache.kafka.connect.json.JsonConverter)");
    expect((thrown as Error).cause).toBe(cause);
    expect(reporter.failures).toHaveLength(0);
    expect(counts).toMatchObject({ failures: 1, errors: 1 });
  });

  it("skips the record with tolerance all: null, reported once, later stages skipped", () => {
    const { operator, context, reporter, counts } = setup({ "errors.tolerance": "all" });
    const result = operator.execute(context, "KEY_CONVERTER", "K", () => {
      throw new DataException("bad key");
    });
    expect(result).toBeNull();
    expect(context.failed).toBe(true);
    let ran = false;
    expect(operator.execute(context, "VALUE_CONVERTER", "V", () => (ran = true))).toBeNull();
    expect(ran).toBe(false);
    expect(reporter.failures).toEqual([expect.objectContaining({ stage: "KEY_CONVERTER", executingClass: "K" })]);
    expect(counts).toMatchObject({ failures: 1, errors: 1, skipped: 1 });
  });

  it("never tolerates a non-retriable error outside converters and transforms", () => {
    const { operator, context } = setup({ "errors.tolerance": "all" });
    expect(() =>
      operator.execute(context, "TASK_POLL", "T", () => {
        throw new Error("boom");
      }),
    ).toThrow("Unhandled exception in error handler (stage TASK_POLL, class T)");
  });

  it("retries a retriable failure with 300 ms doubling backoff until it passes", async () => {
    const { operator, context, clock, counts } = setup({ "errors.retry.timeout": "10000" });
    let attempts = 0;
    const result = operator.execute(context, "TRANSFORMATION", "X", () => {
      attempts++;
      if (attempts < 4) throw retriable();
      return "done";
    });
    expect(result).toBeInstanceOf(Promise);
    expect(await result).toBe("done");
    expect(clock.sleeps).toEqual([300, 600, 1200]);
    expect(counts).toMatchObject({ failures: 3, retries: 3 });
  });

  it("gives up at errors.retry.timeout and then applies the tolerance", async () => {
    const none = setup({ "errors.retry.timeout": "1000" });
    const always = () => {
      throw retriable();
    };
    await expect(none.operator.execute(none.context, "VALUE_CONVERTER", "V", always)).rejects.toThrow("Tolerance exceeded in error handler");
    expect(none.clock.sleeps).toEqual([300, 600, 100]);
    expect(none.clock.time).toBe(2_000);

    const all = setup({ "errors.retry.timeout": "1000", "errors.tolerance": "all" });
    expect(await all.operator.execute(all.context, "VALUE_CONVERTER", "V", always)).toBeNull();
    expect(all.reporter.failures).toHaveLength(1);
  });

  it("waits a random delay below errors.retry.delay.max.ms once the doubling passes it", async () => {
    const { operator, context, clock } = setup({ "errors.retry.timeout": "-1", "errors.retry.delay.max.ms": "1000", "errors.tolerance": "all" });
    let attempts = 0;
    await operator.execute(context, "VALUE_CONVERTER", "V", () => {
      if (++attempts < 5) throw retriable();
      return 1;
    });
    expect(clock.sleeps).toEqual([300, 600, 500, 500]);
  });

  it("does not retry with the default errors.retry.timeout of 0, nor once the task stops", async () => {
    const noRetry = setup({ "errors.tolerance": "all" });
    expect(noRetry.operator.execute(noRetry.context, "VALUE_CONVERTER", "V", () => { throw retriable(); })).toBeNull();
    expect(noRetry.clock.sleeps).toEqual([]);

    const stopping = setup({ "errors.retry.timeout": "-1", "errors.tolerance": "all" });
    let attempts = 0;
    const result = stopping.operator.execute(stopping.context, "VALUE_CONVERTER", "V", () => {
      attempts++;
      stopping.clock.stopping = attempts >= 2;
      throw retriable();
    });
    expect(await result).toBeNull();
    expect(attempts).toBe(2);
  });

  it("reports a failure from outside a stage, then fails the task with tolerance none", () => {
    const { operator, reporter } = setup();
    const context = new ProcessingContext().reset(null, null);
    expect(() => operator.executeFailed(context, "TASK_PUT", "Sink", new Error("row rejected"))).toThrow("Tolerance exceeded in error handler (stage TASK_PUT, class Sink)");
    expect(reporter.failures).toEqual([expect.objectContaining({ stage: "TASK_PUT" })]);
  });

  it("opens the circuit breaker when more than N records fail within the window, even with tolerance all", () => {
    const { operator, clock } = setup({ "errors.tolerance": "all", "tributary.errors.circuit.breaker.max.failures": "2", "tributary.errors.circuit.breaker.window.ms": "1000" });
    const failOnce = () =>
      operator.execute(new ProcessingContext().reset(null, null), "VALUE_CONVERTER", "V", () => {
        throw new DataException("bad");
      });
    failOnce();
    failOnce();
    clock.time += 1_000;
    failOnce();
    failOnce();
    expect(() => failOnce()).toThrow(/^Circuit breaker open: 3 records failed within 1000 ms, more than tributary.errors.circuit.breaker.max.failures=2/);
  });
});
