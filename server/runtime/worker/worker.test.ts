import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ScriptedPlugins } from "@/server/runtime/worker/testing/scripted-plugins";
import { workerFixture, type WorkerFixture } from "@/server/runtime/worker/testing/worker-fixture";
import { MemoryOffsetStore } from "@/server/storage/memory/offset-store";

let fx: WorkerFixture;
const noReconfiguration = () => undefined;

beforeEach(() => {
  vi.useFakeTimers();
  fx = workerFixture(new MemoryOffsetStore());
});

afterEach(async () => {
  await fx.worker.stop();
  vi.useRealTimers();
});

describe("Worker", () => {
  it("runs a connector through its target states: RUNNING, PAUSED (stopped but held), RUNNING again, STOPPED", async () => {
    const config = { name: "c", "connector.class": "ScriptedSource" };
    await fx.worker.startConnector("c", config, "STARTED", noReconfiguration);
    const connector = ScriptedPlugins.sourceConnectors[0]!;
    expect(fx.worker.isConnectorStarted("c")).toBe(true);
    await fx.worker.setConnectorTargetState("c", "PAUSED");
    expect(connector.stopped).toBe(1);
    expect(fx.worker.connectorNames()).toEqual(["c"]);
    await fx.worker.setConnectorTargetState("c", "STARTED");
    await fx.worker.setConnectorTargetState("c", "STARTED");
    await fx.worker.setConnectorTargetState("c", "STOPPED");
    expect(connector.started).toBe(2);
    expect(fx.statesOf("c")).toEqual(["RUNNING", "PAUSED", "RUNNING", "STOPPED"]);
    expect(fx.worker.connectorConfig("c")).toEqual(config);
  });

  it("fails a connector whose start throws, with the trace, and only STOPPED takes it out of FAILED", async () => {
    await fx.worker.startConnector("c", { "connector.class": "ScriptedSource", "fail.start": "cannot reach the database" }, "STARTED", noReconfiguration);
    expect(fx.reports).toEqual([{ instance: "c", state: "FAILED", trace: expect.stringMatching(/^Error: cannot reach the database\n\s+at /) }]);
    await fx.worker.setConnectorTargetState("c", "PAUSED");
    expect(fx.statesOf("c")).toEqual(["FAILED"]);
    await fx.worker.setConnectorTargetState("c", "STOPPED");
    expect(fx.statesOf("c")).toEqual(["FAILED", "STOPPED"]);
  });

  it("holds a connector whose class cannot be found as FAILED; STOPPED reports STOPPED, starting again FAILED again", async () => {
    await fx.worker.startConnector("ghost", { "connector.class": "com.example.Missing" }, "STARTED", noReconfiguration);
    const failure = "ConnectException: Failed to find any class that implements Connector and which name matches com.example.Missing";
    expect(fx.reports).toEqual([{ instance: "ghost", state: "FAILED", trace: failure }]);
    expect(fx.worker.connectorNames()).toEqual(["ghost"]);
    await fx.worker.setConnectorTargetState("ghost", "STARTED");
    await fx.worker.setConnectorTargetState("ghost", "STOPPED");
    await fx.worker.setConnectorTargetState("ghost", "STARTED");
    expect(fx.reports.map((r) => [r.state, r.trace])).toEqual([
      ["FAILED", failure],
      ["STOPPED", undefined],
      ["FAILED", failure],
    ]);
    await expect(fx.worker.generateTaskConfigs("ghost", {})).rejects.toMatchObject({ code: "connector.not_running" });
  });

  it("generates task configs with the connector's keys, task.class, and the topics for a sink; refuses more than tasks.max unless not enforced", async () => {
    const sink = { name: "s", "connector.class": "ScriptedSink", topics: "a,b", "tasks.max": "2" };
    await fx.worker.startConnector("s", sink, "STARTED", noReconfiguration);
    expect(await fx.worker.generateTaskConfigs("s", sink)).toEqual([
      { ...sink, "task.index": "0", "test.version": "1", "task.class": "test.ScriptedSinkTask", topics: "a,b" },
      { ...sink, "task.index": "1", "test.version": "1", "task.class": "test.ScriptedSinkTask", topics: "a,b" },
    ]);
    const greedy = { name: "g", "connector.class": "ScriptedSource", "tasks.max": "1", "test.tasks": "3" };
    await fx.worker.startConnector("g", greedy, "STARTED", noReconfiguration);
    await expect(fx.worker.generateTaskConfigs("g", greedy)).rejects.toThrow("The connector g has generated 3 tasks, which is greater than 1, the maximum number of tasks it is configured to create.");
    expect(await fx.worker.generateTaskConfigs("g", { ...greedy, "tasks.max.enforce": "false" })).toHaveLength(3);
  });

  it("fails a connector on request with the error's trace, keeping it held", async () => {
    await fx.worker.startConnector("c", { "connector.class": "ScriptedSource" }, "STARTED", noReconfiguration);
    await fx.worker.failConnector("c", new Error("too many tasks"));
    expect(ScriptedPlugins.sourceConnectors[0]!.stopped).toBe(1);
    expect(fx.worker.isConnectorStarted("c")).toBe(false);
    expect(fx.reports.at(-1)).toEqual({ instance: "c", state: "FAILED", trace: expect.stringMatching(/^Error: too many tasks/) });
    expect(fx.worker.connectorNames()).toEqual(["c"]);
  });

  it("reports a task that cannot be built FAILED with the trace, and holds it until it is stopped", async () => {
    const id = { connector: "c", task: 0 };
    fx.worker.startTask(id, { "connector.class": "ScriptedSource", "value.converter": "com.example.NoSuchConverter" }, {}, "STARTED");
    expect(fx.reports).toEqual([{ instance: "c-0", state: "FAILED", trace: expect.stringContaining("Failed to find any class that implements Converter and which name matches com.example.NoSuchConverter") }]);
    expect(fx.worker.taskIds("c")).toEqual([id]);
    expect(() => fx.worker.startTask(id, {}, {}, "STARTED")).toThrow("Task c-0 is already running on this worker");
    await fx.worker.stopTasks([id]);
    expect(fx.worker.taskIds()).toEqual([]);
  });

  it("remembers the configs each task runs with, and stops everything on stop, reporting it UNASSIGNED", async () => {
    const config = { "connector.class": "ScriptedSource" };
    await fx.worker.startConnector("c", config, "STARTED", noReconfiguration);
    fx.worker.startTask({ connector: "c", task: 0 }, config, { "task.index": "0" }, "STARTED");
    fx.worker.startTask({ connector: "c", task: 1 }, config, { "task.index": "1" }, "STARTED");
    fx.worker.startTask({ connector: "d", task: 0 }, config, { "task.index": "0" }, "STARTED");
    await vi.advanceTimersByTimeAsync(0);
    expect(fx.worker.taskConfigsOf({ connector: "c", task: 1 })).toEqual({ connectorConfig: config, taskConfig: { "task.index": "1" } });
    expect(fx.worker.taskIds("c")).toEqual([
      { connector: "c", task: 0 },
      { connector: "c", task: 1 },
    ]);
    await fx.worker.stop();
    expect(fx.worker.taskIds()).toEqual([]);
    expect(ScriptedPlugins.sourceTasks.every((task) => task.stopped)).toBe(true);
    expect(ScriptedPlugins.sourceConnectors[0]!.stopped).toBe(1);
    expect(fx.reports.filter((r) => r.state === "UNASSIGNED").map((r) => r.instance).sort()).toEqual(["c", "c-0", "c-1", "d-0"]);
  });
});
