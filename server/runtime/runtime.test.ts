import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TributaryError } from "@/server/errors/tributary-error";
import { Runtime } from "@/server/runtime/runtime";
import type { ClusterPort } from "@/server/runtime/ports";
import { MemoryWorkerProcessStore } from "@/server/storage/memory/worker-process-store";

/** A cluster whose answer the test decides; counts probes and closes. */
class FakeCluster implements ClusterPort {
  readonly bootstrap = "broker:9092";
  answer: () => Promise<{ clusterId: string; brokers: number }> = async () => ({ clusterId: "cluster-1", brokers: 1 });
  probes = 0;
  closed = 0;
  describeCluster() {
    this.probes++;
    return this.answer();
  }
  async close() {
    this.closed++;
  }
}

let cluster: FakeCluster;
let workers: MemoryWorkerProcessStore;

function runtime(): Runtime {
  return new Runtime({ mode: "standalone", workerId: "host:8083", version: "9.9.9", restUrl: "http://host:8083", cluster, workers, probeIntervalMs: 5000, probeTimeoutMs: 1000 });
}

beforeEach(() => {
  vi.useFakeTimers();
  cluster = new FakeCluster();
  workers = new MemoryWorkerProcessStore(() => new Date(Date.now()));
});
afterEach(() => vi.useRealTimers());

describe("Runtime", () => {
  it("is not ready before start and reports what it knows", () => {
    const health = runtime().health();
    expect(health).toMatchObject({ mode: "standalone", ready: false, workerId: "host:8083", kafka: { reachable: false, bootstrap: "broker:9092", clusterId: null, checkedAt: null } });
  });

  it("records its process, becomes ready and probes Kafka on a fixed interval", async () => {
    const rt = runtime();
    await rt.start();
    expect(rt.health().ready).toBe(true);
    expect(workers.records.get(rt.instance)).toMatchObject({ mode: "standalone", version: "9.9.9", restUrl: "http://host:8083", pid: process.pid, stoppedAt: null });
    await vi.advanceTimersByTimeAsync(0);
    expect(rt.health().kafka).toMatchObject({ reachable: true, clusterId: "cluster-1" });
    expect(cluster.probes).toBe(1);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(cluster.probes).toBe(4);
    await rt.stop();
  });

  it("reports Kafka unreachable with the reason and keeps the last cluster id", async () => {
    const rt = runtime();
    await rt.probeKafka();
    cluster.answer = () => Promise.reject(new TributaryError("kafka.connection", "Connection error: connect ECONNREFUSED", { retriable: true }));
    const kafka = await rt.probeKafka();
    expect(kafka).toMatchObject({ reachable: false, clusterId: "cluster-1", error: "Connection error: connect ECONNREFUSED" });
    expect(kafka.checkedAt).toBe(Date.now());
  });

  it("counts a probe that does not answer in time as a failure", async () => {
    const rt = runtime();
    cluster.answer = () => new Promise(() => {});
    const probe = rt.probeKafka();
    await vi.advanceTimersByTimeAsync(1000);
    expect(await probe).toMatchObject({ reachable: false, error: "no answer from broker:9092 within 1000 ms" });
  });

  it("stops once: records the stop, closes Kafka and probes no more", async () => {
    const rt = runtime();
    await rt.start();
    await vi.advanceTimersByTimeAsync(0);
    await rt.stop();
    await rt.stop();
    expect(workers.records.get(rt.instance)!.stoppedAt).not.toBeNull();
    expect(cluster.closed).toBe(1);
    expect(rt.health().ready).toBe(false);
    const probes = cluster.probes;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(cluster.probes).toBe(probes);
  });
});
