/**
 * Distributed mode under failure, short versions of `npm run chaos`: three real worker processes
 * on the real broker, a FileStreamSource and a FileStreamSink over a growing file; the worker
 * running the source task is killed with SIGKILL mid-stream; then (on a broker of its own) the
 * broker is restarted mid-stream. Nothing may be lost, duplicates stay within one commit interval,
 * and the killed worker's task runs elsewhere within the session timeout plus the rebalance delay.
 */
import { afterEach, describe, expect, it } from "vitest";
import { kafkaBrokers, tempDir } from "@/scripts/test/integration";
import { brokerRestartTrial, killWorkerTrial } from "@/scripts/chaos/failover";
import { startBroker, stopBroker } from "@/scripts/kafka/local-kafka";

const cleanups: Array<() => void | Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** session.timeout.ms (10 s) + scheduled.rebalance.max.delay.ms (3 s), Tributary's defaults, and time to start the task. */
const FAILOVER_BOUND_MS = 10_000 + 3_000 + 7_000;

describe("distributed mode under failure", () => {
  it("kill -9 of the worker running the source: every line arrives, the task runs elsewhere within the session timeout and delay", async () => {
    const folder = tempDir("chaos");
    cleanups.push(folder.remove);
    const result = await killWorkerTrial({ brokers: kafkaBrokers(), dir: folder.dir, lines: 150_000, linesPerSecond: 25_000, log: console.log });
    console.log(JSON.stringify(result));
    expect(result.missing).toBe(0);
    expect(result.checksumMatches).toBe(true);
    expect(result.duplicates).toBeLessThanOrEqual(result.duplicateBound);
    expect(result.failoverMs).toBeLessThanOrEqual(FAILOVER_BOUND_MS);
  }, 240_000);

  it("a broker restart mid-stream loses nothing", async () => {
    const folder = tempDir("chaos-broker");
    cleanups.push(folder.remove);
    const broker = await startBroker({ name: "chaos-restart", port: "auto", log: () => undefined });
    cleanups.push(() => stopBroker("chaos-restart"));
    const restart = async () => {
      await stopBroker("chaos-restart");
      await startBroker({ name: "chaos-restart", port: broker.port, log: () => undefined });
    };
    const result = await brokerRestartTrial({ brokers: broker.bootstrap, dir: folder.dir, lines: 100_000, linesPerSecond: 20_000, restart, log: console.log });
    console.log(JSON.stringify(result));
    expect(result.missing).toBe(0);
    expect(result.checksumMatches).toBe(true);
  }, 360_000);
});
