import { afterEach, describe, expect, it } from "vitest";
import type { Assignment, AssignmentSource } from "@/server/runtime/herder/assignment";
import { WholeAssignment } from "@/server/runtime/herder/assignment";
import { Reconciler } from "@/server/runtime/herder/reconciler";
import { StatusReporter } from "@/server/runtime/herder/status-reporter";
import { FakeKafkaClients } from "@/server/runtime/worker/testing/fake-kafka";
import { ScriptedPlugins, scriptedRegistry, STRING_CONVERTERS } from "@/server/runtime/worker/testing/scripted-plugins";
import { Worker } from "@/server/runtime/worker/worker";
import type { TaskId } from "@/server/runtime/worker/worker-task";
import { MemoryConfigStore } from "@/server/storage/memory/config-store";
import { MemoryOffsetStore } from "@/server/storage/memory/offset-store";
import { MemoryStatusStore } from "@/server/storage/memory/status-store";

/** An assignment the test changes: the connectors and tasks (`c-0`) this worker owns. */
class TestAssignment implements AssignmentSource {
  private readonly listeners = new Set<() => void>();
  private assignment: Assignment;

  constructor(generation: number, connectors: string[], tasks: string[]) {
    this.assignment = TestAssignment.of(generation, connectors, tasks);
  }

  current(): Assignment {
    return this.assignment;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  change(generation: number, connectors: string[], tasks: string[]): void {
    this.assignment = TestAssignment.of(generation, connectors, tasks);
    for (const listener of this.listeners) listener();
  }

  private static of(generation: number, connectors: string[], tasks: string[]): Assignment {
    return { generation, ownsConnector: (name) => connectors.includes(name), ownsTask: (id: TaskId) => tasks.includes(`${id.connector}-${id.task}`) };
  }
}

const stopped: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stopped.splice(0)) await stop();
});

function wholeAssignment(generation: number): WholeAssignment {
  const assignment = new WholeAssignment();
  assignment.begin(generation);
  return assignment;
}

/** A reconciler on memory stores and a Worker on fake Kafka clients, started; `history` keeps every stored status per instance. */
function reconcilerFixture(assignment: AssignmentSource = wholeAssignment(7)) {
  ScriptedPlugins.reset();
  const configs = new MemoryConfigStore();
  const statuses = new MemoryStatusStore();
  const reporter = new StatusReporter(statuses, "me:8083", () => assignment.current().generation);
  const worker = new Worker({
    workerConfig: STRING_CONVERTERS,
    registry: scriptedRegistry(),
    clients: new FakeKafkaClients(),
    offsets: new MemoryOffsetStore(),
    offsetFlushIntervalMs: 1000,
    onConnectorStatus: (name, state, trace) => reporter.connector(name, state, trace),
    onTaskStatus: (id, state, trace) => reporter.task(id, state, trace),
    onTopicUsed: () => undefined,
  });
  const taskConfigWrites: string[] = [];
  const reconciler = new Reconciler({
    worker,
    configs,
    statuses,
    assignment,
    reporter,
    writeTaskConfigs: async (name, taskConfigs) => {
      taskConfigWrites.push(`${name}:${taskConfigs.length}`);
      await configs.putTaskConfigs(name, taskConfigs);
    },
  });
  const history = new Map<string, string[]>();
  statuses.subscribe(({ connector, task, status }) => {
    const key = task === null ? connector : `${connector}-${task}`;
    history.set(key, [...(history.get(key) ?? []), status.state]);
  });
  reconciler.start();
  stopped.push(async () => {
    await reconciler.stop();
    await worker.stop();
  });
  /** Waits until the reconciler is idle and the task loops it started reported. */
  const settled = async () => {
    await reconciler.settled();
    await new Promise((resolve) => setImmediate(resolve));
    await reporter.drained();
  };
  const state = (connector: string, task?: number) => {
    const entry = statuses.snapshot().get(connector);
    return task === undefined ? entry?.connector : entry?.tasks.get(task);
  };
  return { configs, statuses, worker, reconciler, settled, history, state, taskConfigWrites };
}

const source = (extra: Record<string, string> = {}) => ({ name: "c", "connector.class": "ScriptedSource", "tasks.max": "2", ...extra });

describe("Reconciler", () => {
  it("looks only at the connector a change names, however many others the store holds, and at all of them after an assignment change", async () => {
    const assignment = new TestAssignment(1, ["a", "b", "c"], []);
    const fx = reconcilerFixture(assignment);
    for (const name of ["a", "b", "c"]) await fx.configs.putConnectorConfig(name, source({ name }));
    await fx.settled();
    const looked: string[] = [];
    const connectorConfig = fx.worker.connectorConfig.bind(fx.worker);
    fx.worker.connectorConfig = (name: string) => (looked.push(name), connectorConfig(name));

    await fx.configs.putTargetState("b", "PAUSED");
    await fx.settled();
    expect(new Set(looked)).toEqual(new Set(["b"]));
    expect(fx.state("b")?.state).toBe("PAUSED");

    looked.length = 0;
    assignment.change(2, ["a", "b", "c"], []);
    await fx.settled();
    expect(new Set(looked)).toEqual(new Set(["a", "b", "c"]));
  });

  it("starts a stored connector, stores the task configs it generated and runs them, reporting under this worker and generation", async () => {
    const fx = reconcilerFixture();
    await fx.configs.putConnectorConfig("c", source());
    await fx.settled();
    expect(fx.configs.snapshot().connectors.get("c")!.taskConfigs).toEqual([
      { ...source(), "task.index": "0", "test.version": "1", "task.class": "test.ScriptedSourceTask" },
      { ...source(), "task.index": "1", "test.version": "1", "task.class": "test.ScriptedSourceTask" },
    ]);
    expect(ScriptedPlugins.sourceTasks.map((task) => task.props["task.index"]).sort()).toEqual(["0", "1"]);
    expect(fx.state("c")).toEqual({ state: "RUNNING", workerId: "me:8083", generation: 7 });
    expect(fx.state("c", 1)).toEqual({ state: "RUNNING", workerId: "me:8083", generation: 7 });
  });

  it("pauses and resumes the connector and its tasks; a stop empties the tasks and removes their statuses; resuming regenerates them", async () => {
    const fx = reconcilerFixture();
    await fx.configs.putConnectorConfig("c", source());
    await fx.settled();
    await fx.configs.putTargetState("c", "PAUSED");
    await fx.settled();
    expect([fx.state("c")?.state, fx.state("c", 0)?.state, fx.state("c", 1)?.state]).toEqual(["PAUSED", "PAUSED", "PAUSED"]);
    await fx.configs.putTargetState("c", "STARTED");
    await fx.settled();
    expect([fx.state("c")?.state, fx.state("c", 0)?.state, fx.state("c", 1)?.state]).toEqual(["RUNNING", "RUNNING", "RUNNING"]);

    await fx.configs.putTaskConfigs("c", []);
    await fx.configs.putTargetState("c", "STOPPED");
    await fx.settled();
    expect(fx.state("c")?.state).toBe("STOPPED");
    expect(fx.statuses.snapshot().get("c")!.tasks.size).toBe(0);
    expect(ScriptedPlugins.sourceTasks.every((task) => task.stopped)).toBe(true);
    expect(fx.worker.taskIds()).toEqual([]);

    await fx.configs.putTargetState("c", "STARTED");
    await fx.settled();
    expect(fx.configs.snapshot().connectors.get("c")!.taskConfigs).toHaveLength(2);
    expect([fx.state("c")?.state, fx.state("c", 0)?.state, fx.state("c", 1)?.state]).toEqual(["RUNNING", "RUNNING", "RUNNING"]);
    expect(ScriptedPlugins.sourceTasks).toHaveLength(4);
  });

  it("restarts the connector and its tasks with a changed connector config", async () => {
    const fx = reconcilerFixture();
    await fx.configs.putConnectorConfig("c", source({ topic: "a" }));
    await fx.settled();
    await fx.configs.putConnectorConfig("c", source({ topic: "b" }));
    await fx.settled();
    const [first, second] = ScriptedPlugins.sourceConnectors;
    expect([first!.stopped, second!.props.topic]).toEqual([1, "b"]);
    expect(ScriptedPlugins.sourceTasks.slice(0, 2).every((task) => task.stopped)).toBe(true);
    expect(ScriptedPlugins.sourceTasks.slice(2).map((task) => task.stopped)).toEqual([false, false]);
    expect(fx.worker.taskConfigsOf({ connector: "c", task: 0 })!.connectorConfig.topic).toBe("b");
  });

  it("restarts the connector when its config is written again unchanged, leaving its tasks running", async () => {
    const fx = reconcilerFixture();
    await fx.configs.putConnectorConfig("c", source());
    await fx.settled();
    await fx.configs.putConnectorConfig("c", source());
    await fx.settled();
    expect(ScriptedPlugins.sourceConnectors.map((connector) => connector.stopped)).toEqual([1, 0]);
    expect(ScriptedPlugins.sourceTasks.map((task) => task.stopped)).toEqual([false, false]);
    expect(fx.taskConfigWrites).toEqual(["c:2"]);
  });

  it("regenerates task configs when the connector asks, restarting only the tasks whose configs changed", async () => {
    const fx = reconcilerFixture();
    await fx.configs.putConnectorConfig("c", source({ "test.tasks": "1" }));
    await fx.settled();
    const [connector] = ScriptedPlugins.sourceConnectors;
    connector!.reconfigure({ "test.tasks": "2" });
    await fx.settled();
    expect(fx.configs.snapshot().connectors.get("c")!.taskConfigs).toHaveLength(2);
    expect(ScriptedPlugins.sourceTasks.map((task) => [task.props["task.index"], task.stopped])).toEqual([
      ["0", false],
      ["1", false],
    ]);
    connector!.reconfigure({ "test.tasks": "1" });
    await fx.settled();
    expect(ScriptedPlugins.sourceTasks.map((task) => [task.props["task.index"], task.stopped])).toEqual([
      ["0", false],
      ["1", true],
    ]);
    expect([...fx.statuses.snapshot().get("c")!.tasks.keys()]).toEqual([0]);
    connector!.reconfigure({});
    await fx.settled();
    expect(fx.taskConfigWrites).toEqual(["c:1", "c:2", "c:1"]);
  });

  it("carries out restart requests for what it runs: RESTARTING first, only the failed instances when asked, never a FAILED task unasked", async () => {
    const fx = reconcilerFixture();
    await fx.configs.putConnectorConfig("c", source());
    await fx.settled();
    const failing = ScriptedPlugins.sourceTasks.find((task) => task.props["task.index"] === "1")!;
    failing.failPoll(new Error("the disk is full"));
    await fx.settled();
    expect(fx.state("c", 1)).toMatchObject({ state: "FAILED", trace: expect.stringContaining("Error: the disk is full") });
    await fx.configs.putTargetState("c", "PAUSED");
    await fx.configs.putTargetState("c", "STARTED");
    await fx.settled();
    expect(fx.state("c", 1)?.state).toBe("FAILED");
    expect(ScriptedPlugins.sourceTasks).toHaveLength(2);

    await fx.configs.putRestartRequest("c", { includeTasks: true, onlyFailed: true });
    await fx.settled();
    expect(fx.history.get("c-1")).toEqual(["RUNNING", "FAILED", "RESTARTING", "RUNNING"]);
    expect(ScriptedPlugins.sourceTasks.map((task) => task.stopped)).toEqual([false, true, false]);
    expect(ScriptedPlugins.sourceConnectors).toHaveLength(1);

    await fx.configs.putRestartRequest("c", { includeTasks: false, onlyFailed: false });
    await fx.settled();
    expect(fx.history.get("c")!.slice(-2)).toEqual(["RESTARTING", "RUNNING"]);
    expect(ScriptedPlugins.sourceConnectors.map((connector) => connector.stopped)).toEqual([2, 0]);
    expect(ScriptedPlugins.sourceTasks).toHaveLength(3);
  });

  it("stops a deleted connector and its tasks and removes their statuses", async () => {
    const fx = reconcilerFixture();
    await fx.configs.putConnectorConfig("c", source());
    await fx.settled();
    await fx.configs.removeConnector("c");
    await fx.settled();
    expect(fx.statuses.snapshot().has("c")).toBe(false);
    expect(ScriptedPlugins.sourceConnectors[0]!.stopped).toBe(1);
    expect(ScriptedPlugins.sourceTasks.every((task) => task.stopped)).toBe(true);
    expect(fx.worker.connectorNames()).toEqual([]);
  });

  it("fails a connector whose task configs cannot be generated, with the reason, and writes none", async () => {
    const fx = reconcilerFixture();
    await fx.configs.putConnectorConfig("c", source({ "tasks.max": "1", "test.tasks": "3" }));
    await fx.settled();
    expect(fx.state("c")).toMatchObject({ state: "FAILED", trace: expect.stringContaining("has generated 3 tasks, which is greater than 1") });
    expect(fx.taskConfigWrites).toEqual([]);
  });

  it("coalesces changes made during a pass: the connector never runs a config that was already replaced", async () => {
    const fx = reconcilerFixture();
    await fx.settled();
    const first = fx.configs.putConnectorConfig("c", source({ "test.version": "1" }));
    await Promise.all([first, ...["2", "3", "4"].map((version) => fx.configs.putConnectorConfig("c", source({ "test.version": version })))]);
    await fx.settled();
    expect(ScriptedPlugins.sourceConnectors.map((connector) => connector.props["test.version"])).toEqual(["1", "4"]);
    expect(fx.worker.taskIds("c")).toHaveLength(2);
  });

  it("follows its assignment: runs only what it owns, and moves tasks when the assignment changes", async () => {
    const assignment = new TestAssignment(3, ["c"], ["c-0"]);
    const fx = reconcilerFixture(assignment);
    await fx.configs.putConnectorConfig("c", source());
    await fx.settled();
    expect(fx.worker.taskIds("c")).toEqual([{ connector: "c", task: 0 }]);
    expect(fx.state("c", 1)).toBeUndefined();

    assignment.change(4, [], ["c-1"]);
    await fx.settled();
    expect(fx.worker.connectorNames()).toEqual([]);
    expect(fx.worker.taskIds("c")).toEqual([{ connector: "c", task: 1 }]);
    expect(fx.state("c", 0)).toEqual({ state: "UNASSIGNED", workerId: "me:8083", generation: 4 });
    expect(fx.state("c", 1)).toEqual({ state: "RUNNING", workerId: "me:8083", generation: 4 });
  });
});
