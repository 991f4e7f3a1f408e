import { afterEach, describe, expect, it } from "vitest";
import { DistributedHerder } from "@/server/runtime/herder/distributed-herder";
import type { ForwardToLeader, LeaderRequest } from "@/server/runtime/herder/leadership";
import { FakeGroup } from "@/server/runtime/distributed/testing/fake-group";
import { FakeKafkaClients } from "@/server/runtime/worker/testing/fake-kafka";
import { ScriptedPlugins, scriptedRegistry, STRING_CONVERTERS } from "@/server/runtime/worker/testing/scripted-plugins";
import { MemoryConfigStore } from "@/server/storage/memory/config-store";
import { MemoryOffsetStore } from "@/server/storage/memory/offset-store";
import { MemoryStatusStore } from "@/server/storage/memory/status-store";

const herders: DistributedHerder[] = [];
afterEach(async () => {
  for (const herder of herders.splice(0)) await herder.stop();
});

/** A cluster of workers on shared in-memory stores (standing in for the internal topics) and a fake group; leader-only requests are forwarded in process. */
function cluster(size: number, maxDelayMs = 0) {
  ScriptedPlugins.reset();
  const group = new FakeGroup();
  const stores = { configs: new MemoryConfigStore(), statuses: new MemoryStatusStore(), offsets: new MemoryOffsetStore() };
  const byUrl = new Map<string, DistributedHerder>();
  const forwarder = (url: string): ForwardToLeader => ((request: LeaderRequest) => dispatch(byUrl.get(url)!, request)) as ForwardToLeader;
  const workers = Array.from({ length: size }, (_, i) => {
    const clients = new FakeKafkaClients();
    const url = `http://w${i + 1}:8083`;
    const herder = new DistributedHerder({
      workerId: `w${i + 1}:8083`,
      restUrl: url,
      registry: scriptedRegistry(),
      ...stores,
      startStores: async () => {
        await stores.configs.start();
        await stores.statuses.start();
      },
      admin: clients.admin(),
      member: group.member(`w${i + 1}`),
      scheduledRebalanceMaxDelayMs: maxDelayMs,
      worker: { workerConfig: STRING_CONVERTERS, clients, offsetFlushIntervalMs: 1000 },
      forwarder,
    });
    byUrl.set(url, herder);
    herders.push(herder);
    return herder;
  });
  return { group, stores, workers };
}

function dispatch(herder: DistributedHerder, request: LeaderRequest): Promise<unknown> {
  switch (request.op) {
    case "putConnectorConfig":
      return herder.putConnectorConfig(request.name, request.config, { allowReplace: request.allowReplace, initialState: request.initialState });
    case "putTaskConfigs":
      return herder.putTaskConfigs(request.name, request.taskConfigs);
    case "restartTask":
      return herder.restartTask(request.name, request.task);
    case "deleteConnector":
      return herder.deleteConnector(request.name);
    case "clusterView":
      return herder.clusterView();
    default:
      throw new Error(`not forwarded in this test: ${request.op}`);
  }
}

/** Polls `check` (on real timers) until it holds; a check that throws has not held yet. */
async function eventually(check: () => Promise<boolean> | boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await Promise.resolve().then(check).catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const source = { "connector.class": "ScriptedSource", "tasks.max": "3" };

/** Three started workers running connector `src`'s 3 tasks, and the task w2 runs. */
async function runningOnThree(maxDelayMs: number) {
  const { workers, group } = cluster(3, maxDelayMs);
  for (const worker of workers) await worker.prepare();
  await Promise.all(workers.map((worker) => worker.start()));
  await workers[0]!.putConnectorConfig("src", source, { allowReplace: false });
  await eventually(async () => (await workers[0]!.connectorStatus("src")).tasks.filter((task) => task.state === "RUNNING").length === 3, "3 running tasks");
  const lost = (await workers[0]!.connectorStatus("src")).tasks.find((task) => task.worker_id === "w2:8083")!;
  return { workers, group, lost };
}

describe("DistributedHerder", () => {
  it("auto-restarts a FAILED task on the worker that runs it, which alone records the attempt", async () => {
    const { workers } = cluster(2);
    for (const worker of workers) await worker.prepare();
    await Promise.all(workers.map((worker) => worker.start()));
    const policy = { "tributary.auto.restart.enabled": "true", "tributary.auto.restart.backoff.initial.ms": "20", "tributary.auto.restart.backoff.max.ms": "40" };
    await workers[0]!.putConnectorConfig("src", { ...source, "tasks.max": "2", ...policy }, { allowReplace: false });
    await eventually(async () => (await workers[0]!.connectorStatus("src")).tasks.filter((task) => task.state === "RUNNING").length === 2, "2 running tasks");
    const onW2 = (await workers[0]!.connectorStatus("src")).tasks.find((task) => task.worker_id === "w2:8083")!;
    ScriptedPlugins.sourceTasks.filter((task) => task.props["task.index"] === String(onW2.id)).at(-1)!.failPoll(new Error("boom"));
    await eventually(async () => (await workers[1]!.autoRestarts("src")).attempts[0]?.outcome === "running", "the automatic restart on w2");
    expect((await workers[0]!.taskStatus("src", onW2.id)).state).toBe("RUNNING");
    expect((await workers[1]!.autoRestarts("src")).attempts).toMatchObject([{ task: onW2.id, attempt: 1, delayMs: 20, error: expect.stringContaining("boom") }]);
    expect((await workers[0]!.autoRestarts("src")).attempts).toEqual([]);
  });

  it("runs a connector created on a follower, its tasks spread over the workers, each on exactly one", async () => {
    const { workers, stores } = cluster(3);
    for (const worker of workers) await worker.prepare();
    await Promise.all(workers.map((worker) => worker.start()));
    await workers[2]!.putConnectorConfig("src", source, { allowReplace: false });
    await eventually(async () => {
      const status = await workers[0]!.connectorStatus("src");
      return status.connector.state === "RUNNING" && status.tasks.length === 3 && status.tasks.every((task) => task.state === "RUNNING");
    }, "the connector and its 3 tasks to run");
    const status = await workers[1]!.connectorStatus("src");
    expect(new Set(status.tasks.map((task) => task.worker_id))).toEqual(new Set(["w1:8083", "w2:8083", "w3:8083"]));
    expect(stores.configs.snapshot().connectors.get("src")!.taskConfigs).toHaveLength(3);
  });

  it("moves a vanished worker's tasks to the others and reports them running there", async () => {
    const { workers, group, lost } = await runningOnThree(0);

    group.vanish("w2");
    await eventually(async () => {
      const moved = (await workers[0]!.connectorStatus("src")).tasks.find((task) => task.id === lost.id)!;
      return moved.state === "RUNNING" && moved.worker_id !== "w2:8083";
    }, "the vanished worker's task to run elsewhere");
    const status = await workers[2]!.connectorStatus("src");
    expect(status.tasks.map((task) => task.worker_id).every((id) => id !== "w2:8083")).toBe(true);
  });

  it("shows a vanished worker's tasks UNASSIGNED, not RUNNING, while they wait out the rebalance delay", async () => {
    const { workers, group, lost } = await runningOnThree(60_000);

    group.vanish("w2");
    await eventually(async () => (await workers[2]!.connectorStatus("src")).tasks.find((task) => task.id === lost.id)!.state === "UNASSIGNED", "the lost task to read UNASSIGNED");
    const status = await workers[0]!.connectorStatus("src");
    expect(status.tasks.filter((task) => task.state === "RUNNING").map((task) => task.worker_id).sort()).toEqual(["w1:8083", "w3:8083"]);
  });

  it("restarts a task on the worker that runs it when another worker is asked", async () => {
    const { workers, stores } = cluster(3);
    for (const worker of workers) await worker.prepare();
    await Promise.all(workers.map((worker) => worker.start()));
    await workers[0]!.putConnectorConfig("src", source, { allowReplace: false });
    await eventually(async () => (await workers[0]!.connectorStatus("src")).tasks.filter((task) => task.state === "RUNNING").length === 3, "3 running tasks");
    const target = (await workers[0]!.connectorStatus("src")).tasks.find((task) => task.worker_id === "w2:8083")!;
    const seen: string[] = [];
    stores.statuses.subscribe((change) => {
      if (change.connector === "src" && change.task === target.id) seen.push(`${change.status?.state}@${change.status?.workerId}`);
    });

    await workers[2]!.restartTask("src", target.id);
    await eventually(() => seen.includes("RUNNING@w2:8083"), "the task to restart on w2");
    expect(seen.every((entry) => entry.endsWith("@w2:8083"))).toBe(true);
    expect(seen[seen.length - 1]).toBe("RUNNING@w2:8083");
    expect(seen.length).toBeGreaterThan(1);
  });

  it("lists the cluster's workers and their work from the leader, asked on any worker", async () => {
    const { workers } = cluster(3);
    for (const worker of workers) await worker.prepare();
    await Promise.all(workers.map((worker) => worker.start()));
    await workers[1]!.putConnectorConfig("src", source, { allowReplace: false });
    await eventually(async () => (await workers[0]!.connectorStatus("src")).tasks.filter((task) => task.state === "RUNNING").length === 3, "3 running tasks");
    const status = await workers[0]!.connectorStatus("src");
    for (const asked of workers) {
      const { members, rebalances } = await asked.clusterView();
      expect(rebalances.some(({ moves }) => moves.some((move) => move.connector === "src" && move.task === undefined && move.from === null && move.to !== null))).toBe(true);
      expect(members.map((member) => member.url).sort()).toEqual(["http://w1:8083", "http://w2:8083", "http://w3:8083"]);
      expect(members.filter((member) => member.leader)).toHaveLength(1);
      for (const task of status.tasks) {
        const owner = members.find((member) => member.tasks.some((one) => one.connector === "src" && one.task === task.id))!;
        expect(owner.url).toBe(`http://${task.worker_id}`);
      }
      expect(members.flatMap((member) => member.connectors)).toEqual(["src"]);
    }
  });
});
