import { beforeEach, describe, expect, it } from "vitest";
import { AutoRestarter, type AutoRestartClock } from "@/server/runtime/herder/auto-restart";
import { autoRestartPolicy, backoffDelay } from "@/server/runtime/herder/auto-restart-policy";
import { MemoryConfigStore } from "@/server/storage/memory/config-store";

/** A clock whose time moves only when the test says so, firing due timers in order. */
class FakeClock implements AutoRestartClock {
  private time = 1_000_000;
  private nextId = 1;
  private readonly timers = new Map<number, { due: number; run: () => void }>();

  now(): number {
    return this.time;
  }

  setTimeout(run: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { due: this.time + ms, run });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  /** Moves time on by `ms`, running each timer that falls due, and lets the promises they start settle. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      const next = [...this.timers.entries()].filter(([, t]) => t.due <= end).sort((a, b) => a[1].due - b[1].due)[0];
      if (!next) break;
      this.timers.delete(next[0]);
      this.time = next[1].due;
      next[1].run();
      await flush();
    }
    this.time = end;
  }

  get pending(): number {
    return this.timers.size;
  }
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

const TRACE = "org.apache.kafka.connect.errors.ConnectException: boom\n\tat task.start (task.ts:1)";

describe("the auto-restart policy", () => {
  it("reads defaults when the keys are absent, and doubles the delay up to the cap", () => {
    expect(autoRestartPolicy({})).toEqual({ enabled: false, maxAttempts: 10, backoffInitialMs: 5000, backoffMaxMs: 300_000 });
    const policy = autoRestartPolicy({ "tributary.auto.restart.enabled": "TRUE", "tributary.auto.restart.backoff.initial.ms": "100", "tributary.auto.restart.backoff.max.ms": "500" });
    expect(policy.enabled).toBe(true);
    expect([1, 2, 3, 4, 5, 60].map((n) => backoffDelay(policy, n))).toEqual([100, 200, 400, 500, 500, 500]);
  });
});

describe("AutoRestarter", () => {
  let configs: MemoryConfigStore;
  let clock: FakeClock;
  let restarts: string[];
  let restarter: AutoRestarter;

  const policy = (extra: Record<string, string> = {}) => ({
    "connector.class": "FileStreamSink",
    "tributary.auto.restart.enabled": "true",
    "tributary.auto.restart.backoff.initial.ms": "1000",
    "tributary.auto.restart.backoff.max.ms": "4000",
    "tributary.auto.restart.max.attempts": "3",
    ...extra,
  });

  beforeEach(async () => {
    configs = new MemoryConfigStore();
    clock = new FakeClock();
    restarts = [];
    restarter = new AutoRestarter(
      configs,
      {
        restartTask: async (connector, task) => {
          restarts.push(`${connector}-${task}@${clock.now()}`);
          restarter.restarted(connector, task);
        },
        restartConnector: async (connector) => {
          restarts.push(`${connector}@${clock.now()}`);
          await configs.putRestartRequest(connector, { onlyFailed: false, includeTasks: false });
        },
      },
      clock,
    );
    await configs.putConnectorConfig("c", policy());
  });

  it("does nothing for a connector without the policy", async () => {
    await configs.putConnectorConfig("off", { "connector.class": "FileStreamSink" });
    restarter.taskState("off", 0, "FAILED", TRACE);
    await clock.advance(3_600_000);
    expect(restarts).toEqual([]);
    expect(restarter.view("off")).toMatchObject({ policy: { enabled: false }, pending: [], attempts: [] });
  });

  it("doubles the delay between consecutive attempts up to the cap, then gives up after max attempts", async () => {
    const start = clock.now();
    restarter.taskState("c", 0, "FAILED", TRACE);
    expect(restarter.view("c").pending).toEqual([{ task: 0, attempt: 1, dueAt: start + 1000 }]);
    await clock.advance(1000);
    expect(restarts).toEqual([`c-0@${start + 1000}`]);
    restarter.taskState("c", 0, "RESTARTING");
    restarter.taskState("c", 0, "FAILED", TRACE);
    await clock.advance(2000);
    restarter.taskState("c", 0, "FAILED", TRACE);
    await clock.advance(4000);
    expect(restarts).toEqual([`c-0@${start + 1000}`, `c-0@${start + 3000}`, `c-0@${start + 7000}`]);
    restarter.taskState("c", 0, "FAILED", TRACE);
    await clock.advance(3_600_000);
    expect(restarts).toHaveLength(3);
    const view = restarter.view("c");
    expect(view.pending).toEqual([]);
    expect(view.attempts.map((a) => [a.attempt, a.delayMs, a.outcome])).toEqual([
      [3, 0, "gave_up"],
      [3, 4000, "failed"],
      [2, 2000, "failed"],
      [1, 1000, "failed"],
    ]);
    expect(view.attempts[0]).toMatchObject({ task: 0, error: "org.apache.kafka.connect.errors.ConnectException: boom" });
    expect(view.attempts[1]!.trace).toContain("task.start");
  });

  it("caps the delay with no attempt limit (max.attempts=0)", async () => {
    await configs.putConnectorConfig("c", policy({ "tributary.auto.restart.max.attempts": "0" }));
    for (let i = 0; i < 6; i++) {
      restarter.taskState("c", 0, "FAILED", TRACE);
      await clock.advance(4000);
    }
    expect(restarter.view("c").attempts.map((a) => a.delayMs)).toEqual([4000, 4000, 4000, 4000, 2000, 1000]);
  });

  it("records the outcome RUNNING and counts from 1 again once the task stayed RUNNING for the cap", async () => {
    restarter.taskState("c", 0, "FAILED", TRACE);
    await clock.advance(1000);
    restarter.taskState("c", 0, "RUNNING");
    expect(restarter.view("c").attempts[0]!.outcome).toBe("running");
    await clock.advance(1000);
    restarter.taskState("c", 0, "FAILED", TRACE);
    expect(restarter.view("c").pending[0]!.attempt).toBe(2);
    await clock.advance(2000);
    restarter.taskState("c", 0, "RUNNING");
    await clock.advance(4000);
    restarter.taskState("c", 0, "FAILED", TRACE);
    expect(restarter.view("c").pending).toEqual([{ task: 0, attempt: 1, dueAt: clock.now() + 1000 }]);
  });

  it("restarts a FAILED connector instance through a restart request, which does not reset its count", async () => {
    restarter.connectorState("c", "FAILED", TRACE);
    await clock.advance(1000);
    restarter.connectorState("c", "FAILED", TRACE);
    expect(restarts).toHaveLength(1);
    expect(restarter.view("c").pending).toEqual([{ task: null, attempt: 2, dueAt: clock.now() + 2000 }]);
  });

  it("cancels a pending restart and resets the count on pause, stop, config update and deletion", async () => {
    const cancelled = async (action: () => Promise<void>, why: string) => {
      restarter.taskState("c", 0, "FAILED", TRACE);
      expect(clock.pending).toBe(1);
      await action();
      expect(clock.pending).toBe(0);
      expect(restarter.view("c").attempts[0]).toMatchObject({ outcome: "cancelled", detail: `cancelled by ${why}` });
    };
    await cancelled(() => configs.putTargetState("c", "PAUSED"), "the connector was paused");
    await configs.putTargetState("c", "STARTED");
    await cancelled(() => configs.putTargetState("c", "STOPPED"), "the connector was stopped");
    await configs.putTargetState("c", "STARTED");
    await cancelled(() => configs.putConnectorConfig("c", policy({ file: "/tmp/other" })), "a config update");
    restarter.taskState("c", 0, "FAILED", TRACE);
    await configs.removeConnector("c");
    expect(clock.pending).toBe(0);
    await clock.advance(3_600_000);
    expect(restarts).toEqual([]);
    expect(restarter.view("c").attempts).toEqual([]);
  });

  it("starts counting again after a manual restart, even once it gave up", async () => {
    await configs.putConnectorConfig("c", policy({ "tributary.auto.restart.max.attempts": "1" }));
    restarter.taskState("c", 0, "FAILED", TRACE);
    await clock.advance(1000);
    restarter.taskState("c", 0, "FAILED", TRACE);
    expect(restarter.view("c").attempts[0]!.outcome).toBe("gave_up");
    restarter.restarted("c", 0);
    restarter.taskState("c", 0, "FAILED", TRACE);
    expect(restarter.view("c").pending).toEqual([{ task: 0, attempt: 1, dueAt: clock.now() + 1000 }]);
    restarter.restarted("c", 0);
    expect(restarter.view("c").pending).toEqual([]);
    expect(restarter.view("c").attempts[0]).toMatchObject({ outcome: "cancelled", detail: "cancelled by a manual restart" });
  });

  it("a manual restart request of the connector and its tasks resets every instance's count", async () => {
    await configs.putTaskConfigs("c", [{}, {}]);
    restarter.taskState("c", 1, "FAILED", TRACE);
    await configs.putRestartRequest("c", { onlyFailed: true, includeTasks: true });
    expect(clock.pending).toBe(0);
    expect(restarter.view("c").attempts[0]!.outcome).toBe("cancelled");
  });

  it("cancels a pending restart of an instance a rebalance moved to another worker", async () => {
    let here = true;
    const moving = new AutoRestarter(configs, { restartTask: async (c, t) => void restarts.push(`${c}-${t}`), restartConnector: async () => undefined, runsHere: () => here }, clock);
    restarter.close();
    moving.taskState("c", 0, "FAILED", TRACE);
    here = false;
    await clock.advance(1000);
    expect(restarts).toEqual([]);
    expect(moving.view("c").attempts[0]).toMatchObject({ outcome: "cancelled", detail: "cancelled by a rebalance: another worker runs it now" });
    moving.close();
  });

  it("tries again later when the restart request itself fails, and stops all timers on close", async () => {
    const failing = new AutoRestarter(configs, { restartTask: async () => Promise.reject(new Error("rebalance in progress")), restartConnector: async () => undefined }, clock);
    restarter.close();
    failing.taskState("c", 0, "FAILED", TRACE);
    await clock.advance(1000);
    expect(failing.view("c").attempts.map((a) => [a.attempt, a.outcome, a.detail])).toEqual([
      [2, "scheduled", undefined],
      [1, "error", "rebalance in progress"],
    ]);
    failing.close();
    expect(clock.pending).toBe(0);
  });
});
