import { afterEach, describe, expect, it } from "vitest";
import { ActiveTopics } from "@/server/runtime/herder/active-topics";
import type { AutoRestartClock } from "@/server/runtime/herder/auto-restart";
import type { LeaderRequest } from "@/server/runtime/herder/leadership";
import { RequestHerder } from "@/server/runtime/herder/request-herder";
import { StandaloneHerder } from "@/server/runtime/herder/standalone-herder";
import { FakeKafkaClients } from "@/server/runtime/worker/testing/fake-kafka";
import { ScriptedPlugins, scriptedRegistry, STRING_CONVERTERS } from "@/server/runtime/worker/testing/scripted-plugins";
import { MemoryConfigStore } from "@/server/storage/memory/config-store";
import { MemoryOffsetStore } from "@/server/storage/memory/offset-store";
import { MemoryStatusStore } from "@/server/storage/memory/status-store";

const herders: StandaloneHerder[] = [];
afterEach(async () => {
  for (const herder of herders.splice(0)) await herder.stop();
});

function standalone(stores = { configs: new MemoryConfigStore(), statuses: new MemoryStatusStore() }, seed: Array<{ name: string; config: Record<string, string> }> = [], autoRestartClock?: AutoRestartClock) {
  ScriptedPlugins.reset();
  const clients = new FakeKafkaClients();
  const herder = new StandaloneHerder({
    workerId: "me:8083",
    registry: scriptedRegistry(),
    ...stores,
    offsets: new MemoryOffsetStore(),
    admin: clients.admin(),
    worker: { workerConfig: STRING_CONVERTERS, clients, offsetFlushIntervalMs: 1000 },
    seed,
    autoRestartClock,
  });
  herders.push(herder);
  return { herder, ...stores };
}

const source = { "connector.class": "ScriptedSource", "tasks.max": "2" };
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("StandaloneHerder", () => {
  it("replaces the statuses a previous process of the store left, under a newer generation, before anything runs", async () => {
    const configs = new MemoryConfigStore();
    const statuses = new MemoryStatusStore();
    await configs.putConnectorConfig("kept", { ...source, name: "kept" });
    await configs.putTaskConfigs("kept", [{ "task.index": "0" }]);
    const old = { workerId: "old:8083", generation: 4 };
    await statuses.putConnector("kept", { state: "RUNNING", ...old });
    await statuses.putTask("kept", 0, { state: "RUNNING", ...old });
    await statuses.putTask("kept", 3, { state: "UNASSIGNED", ...old });
    await statuses.putConnector("gone", { state: "UNASSIGNED", ...old });
    const { herder } = standalone({ configs, statuses });

    await herder.prepare();
    expect(statuses.snapshot().has("gone")).toBe(false);
    expect([...statuses.snapshot().get("kept")!.tasks.keys()]).toEqual([0]);
    expect(await herder.connectorStatus("kept")).toMatchObject({ connector: { state: "UNASSIGNED", worker_id: "me:8083" }, tasks: [{ id: 0, state: "UNASSIGNED", worker_id: "me:8083" }] });
    expect(statuses.snapshot().get("kept")!.connector!.generation).toBe(5);

    await herder.start();
    await settle();
    expect(await herder.connectorStatus("kept")).toMatchObject({ connector: { state: "RUNNING", worker_id: "me:8083" }, tasks: [{ state: "RUNNING" }, { state: "RUNNING" }] });
    expect(statuses.snapshot().get("kept")!.tasks.get(1)!.generation).toBe(5);
  });

  it("answers a create once the connector's tasks exist, and creates the seed connectors on start", async () => {
    const { herder } = standalone(undefined, [{ name: "seeded", config: { ...source, "tasks.max": "1" } }]);
    await herder.prepare();
    await herder.start();
    expect(await herder.connectors()).toEqual(["seeded"]);
    const { created, info } = await herder.putConnectorConfig("c", source, { allowReplace: false });
    expect(created).toBe(true);
    expect(info.tasks).toEqual([
      { connector: "c", task: 0 },
      { connector: "c", task: 1 },
    ]);
    await expect(herder.putConnectorConfig("c", source, { allowReplace: false })).rejects.toMatchObject({ code: "connector.already_exists", message: "Connector c already exists" });
  });

  it("refuses to create or update a connector whose converter is not installed, naming the class, and stores nothing", async () => {
    const { herder, configs } = standalone();
    await herder.prepare();
    await herder.start();
    for (const key of ["key.converter", "value.converter", "header.converter"]) {
      const refused = herder.putConnectorConfig("c", { ...source, [key]: "com.example.MissingConverter" }, { allowReplace: true });
      await expect(refused).rejects.toMatchObject({ code: "config.invalid", message: expect.stringContaining(`Invalid value com.example.MissingConverter for configuration ${key}: Class com.example.MissingConverter could not be found`) });
    }
    expect(await configs.connector("c")).toBeUndefined();
    await herder.putConnectorConfig("c", source, { allowReplace: false });
    await expect(herder.putConnectorConfig("c", { ...source, "value.converter": "Nope" }, { allowReplace: true })).rejects.toMatchObject({ code: "config.invalid" });
    expect((await configs.connector("c"))?.config["value.converter"]).toBeUndefined();
  });

  it("auto-restarts a FAILED task through its restart path when the policy is on; a manual restart cancels the next one", async () => {
    const due: Array<() => void> = [];
    const clock: AutoRestartClock = { now: () => 0, setTimeout: (run) => due.push(run), clearTimeout: (handle) => void due.splice((handle as number) - 1, 1, () => undefined) };
    const { herder } = standalone(undefined, [], clock);
    await herder.prepare();
    await herder.start();
    await herder.putConnectorConfig("c", { ...source, "tributary.auto.restart.enabled": "true" }, { allowReplace: false });
    await settle();
    const failTask1 = async () => {
      ScriptedPlugins.sourceTasks.filter((task) => task.props["task.index"] === "1").at(-1)!.failPoll(new Error("boom"));
      for (let i = 0; i < 3; i++) await settle();
      expect((await herder.taskStatus("c", 1)).state).toBe("FAILED");
    };
    await failTask1();
    expect((await herder.autoRestarts("c")).pending).toEqual([{ task: 1, attempt: 1, dueAt: 5000 }]);
    due.at(-1)!();
    for (let i = 0; i < 5; i++) await settle();
    expect((await herder.taskStatus("c", 1)).state).toBe("RUNNING");
    expect((await herder.autoRestarts("c")).attempts).toMatchObject([{ task: 1, attempt: 1, outcome: "running", error: expect.stringContaining("boom") }]);
    await failTask1();
    expect((await herder.autoRestarts("c")).pending).toEqual([{ task: 1, attempt: 2, dueAt: 10000 }]);
    await herder.restartTask("c", 1);
    const view = await herder.autoRestarts("c");
    expect(view.pending).toEqual([]);
    expect(view.attempts[0]).toMatchObject({ attempt: 2, outcome: "cancelled", detail: "cancelled by a manual restart" });
  });

  it("refuses a bad auto-restart setting with config.invalid naming the key", async () => {
    const { herder } = standalone();
    await herder.prepare();
    await herder.start();
    const refused = herder.putConnectorConfig("c", { ...source, "tributary.auto.restart.backoff.initial.ms": "-5" }, { allowReplace: false });
    await expect(refused).rejects.toMatchObject({ code: "config.invalid", message: expect.stringContaining("tributary.auto.restart.backoff.initial.ms") });
  });

  it("restarts with flags: answers the plan, then restarts the failed task only", async () => {
    const { herder } = standalone();
    await herder.prepare();
    await herder.start();
    await herder.putConnectorConfig("c", source, { allowReplace: false });
    await settle();
    ScriptedPlugins.sourceTasks.find((task) => task.props["task.index"] === "1")!.failPoll(new Error("boom"));
    await settle();
    expect((await herder.taskStatus("c", 1)).state).toBe("FAILED");

    const plan = await herder.restartConnectorAndTasks("c", { includeTasks: true, onlyFailed: true });
    expect([plan.connector.state, ...plan.tasks.map((task) => task.state)]).toEqual(["RUNNING", "RUNNING", "RESTARTING"]);
    await settle();
    expect((await herder.connectorStatus("c")).tasks.map((task) => task.state)).toEqual(["RUNNING", "RUNNING"]);
    expect(ScriptedPlugins.sourceTasks).toHaveLength(3);
    await expect(herder.restartTask("c", 5)).rejects.toMatchObject({ code: "task.not_found", message: "Unknown task: c-5" });
  });

  it("deletes a connector with its statuses, and a stop leaves it STOPPED with no tasks", async () => {
    const { herder, statuses } = standalone();
    await herder.prepare();
    await herder.start();
    await herder.putConnectorConfig("c", source, { allowReplace: false });
    await herder.stopConnector("c");
    expect(await herder.connectorStatus("c")).toMatchObject({ connector: { state: "STOPPED" }, tasks: [] });
    expect(await herder.taskConfigs("c")).toEqual([]);
    await herder.deleteConnector("c");
    expect(await herder.connectors()).toEqual([]);
    expect(statuses.snapshot().has("c")).toBe(false);
    await expect(herder.deleteConnector("c")).rejects.toMatchObject({ code: "connector.not_found", message: "Connector c not found" });
  });
});

describe("RequestHerder on a worker that is not the leader", () => {
  function follower() {
    const configs = new MemoryConfigStore();
    const forwarded: LeaderRequest[] = [];
    const herder = new RequestHerder({
      registry: scriptedRegistry(),
      configs,
      statuses: new MemoryStatusStore(),
      offsets: new MemoryOffsetStore(),
      admin: new FakeKafkaClients().admin(),
      workerConfig: STRING_CONVERTERS,
      activeTopics: new ActiveTopics(),
      leadership: {
        leader: () => ({
          kind: "remote",
          forward: async (request) => {
            forwarded.push(request);
            return (request.op === "putConnectorConfig" ? { created: true, info: { name: request.name, config: request.config, tasks: [], type: "source" } } : undefined) as never;
          },
        }),
      },
      applied: async () => undefined,
      restartTask: async () => {
        throw new Error("a follower restarts nothing itself");
      },
    });
    return { herder, configs, forwarded };
  }

  it("forwards leader-only writes to the leader and answers with the leader's answer, writing nothing itself", async () => {
    const { herder, configs, forwarded } = follower();
    expect(await herder.putConnectorConfig("c", source, { allowReplace: false, initialState: "PAUSED" })).toMatchObject({ created: true, info: { name: "c" } });
    await herder.deleteConnector("c");
    await herder.stopConnector("c");
    await herder.restartConnector("c");
    await herder.restartConnectorAndTasks("c", { includeTasks: true, onlyFailed: false });
    await herder.restartTask("c", 0);
    expect(forwarded.map((request) => request.op)).toEqual(["putConnectorConfig", "deleteConnector", "stopConnector", "restartConnector", "restartConnectorAndTasks", "restartTask"]);
    expect(forwarded[0]).toEqual({ op: "putConnectorConfig", name: "c", config: source, allowReplace: false, initialState: "PAUSED" });
    expect(configs.snapshot().connectors.size).toBe(0);
  });

  it("writes pause and resume itself, as any worker may", async () => {
    const { herder, configs, forwarded } = follower();
    await configs.putConnectorConfig("c", { ...source, name: "c" });
    await herder.pauseConnector("c");
    expect(configs.snapshot().connectors.get("c")!.targetState).toBe("PAUSED");
    await herder.resumeConnector("c");
    expect(configs.snapshot().connectors.get("c")!.targetState).toBe("STARTED");
    expect(forwarded).toEqual([]);
    await expect(herder.pauseConnector("nope")).rejects.toMatchObject({ code: "connector.not_found", message: "Unknown connector nope" });
  });
});
