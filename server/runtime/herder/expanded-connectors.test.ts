import { describe, expect, it } from "vitest";
import { ActiveTopics } from "@/server/runtime/herder/active-topics";
import { RequestHerder } from "@/server/runtime/herder/request-herder";
import { FakeKafkaClients } from "@/server/runtime/worker/testing/fake-kafka";
import { scriptedRegistry, STRING_CONVERTERS } from "@/server/runtime/worker/testing/scripted-plugins";
import { MemoryConfigStore } from "@/server/storage/memory/config-store";
import { MemoryOffsetStore } from "@/server/storage/memory/offset-store";
import { MemoryStatusStore } from "@/server/storage/memory/status-store";

/** Memory stores that count every read the herder makes of them. */
function countingStores() {
  const reads = { configSnapshots: 0, statusSnapshots: 0, perConnector: 0 };
  const configs = new MemoryConfigStore();
  const statuses = new MemoryStatusStore();
  const configSnapshot = configs.snapshot.bind(configs);
  const statusSnapshot = statuses.snapshot.bind(statuses);
  configs.snapshot = () => (reads.configSnapshots++, configSnapshot());
  statuses.snapshot = () => (reads.statusSnapshots++, statusSnapshot());
  for (const store of [configs, statuses] as const) {
    for (const method of ["connector", "connectors", "tasks"] as const) {
      const original = (store as unknown as Record<string, ((...args: unknown[]) => unknown) | undefined>)[method];
      if (original) (store as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => (reads.perConnector++, original.apply(store, args));
    }
  }
  return { reads, configs, statuses };
}

function herderOn(configs: MemoryConfigStore, statuses: MemoryStatusStore): RequestHerder {
  return new RequestHerder({
    registry: scriptedRegistry(),
    configs,
    statuses,
    offsets: new MemoryOffsetStore(),
    admin: new FakeKafkaClients().admin(),
    workerConfig: STRING_CONVERTERS,
    activeTopics: new ActiveTopics(),
    leadership: { leader: () => ({ kind: "self" }) },
    applied: async () => undefined,
    restartTask: async () => undefined,
  });
}

const worker = { workerId: "me:8083", generation: 1 };

async function seed(configs: MemoryConfigStore, statuses: MemoryStatusStore, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const name = `c-${i}`;
    await configs.putConnectorConfig(name, { "connector.class": "ScriptedSource", name });
    await configs.putTaskConfigs(name, [{ "task.index": "0" }]);
    await statuses.putConnector(name, { state: "RUNNING", ...worker });
    await statuses.putTask(name, 0, { state: i % 2 === 0 ? "RUNNING" : "PAUSED", ...worker });
  }
}

describe("RequestHerder.expandedConnectors", () => {
  it("reads one snapshot of each store, however many connectors there are", async () => {
    for (const count of [3, 300]) {
      const { reads, configs, statuses } = countingStores();
      await seed(configs, statuses, count);
      const herder = herderOn(configs, statuses);
      const before = { ...reads };

      const expanded = await herder.expandedConnectors({ status: true, info: true });

      expect(Object.keys(expanded)).toHaveLength(count);
      expect(reads.configSnapshots - before.configSnapshots).toBe(1);
      expect(reads.statusSnapshots - before.statusSnapshots).toBe(1);
      expect(reads.perConnector - before.perConnector).toBe(0);
    }
  });

  it("answers what connectorStatus and connectorInfo answer, one by one", async () => {
    const { configs, statuses } = countingStores();
    await seed(configs, statuses, 4);
    const herder = herderOn(configs, statuses);

    const expanded = await herder.expandedConnectors({ status: true, info: true });

    for (const name of await herder.connectors()) {
      expect(expanded[name]).toEqual({ status: await herder.connectorStatus(name), info: await herder.connectorInfo(name) });
    }
    expect(expanded["c-1"]!.status!.tasks[0]!.state).toBe("PAUSED");
  });

  it("leaves out a connector without a status when statuses are asked for, and keeps it for info alone", async () => {
    const { configs, statuses } = countingStores();
    await seed(configs, statuses, 1);
    await configs.putConnectorConfig("new", { "connector.class": "ScriptedSource", name: "new" });
    const herder = herderOn(configs, statuses);

    expect(Object.keys(await herder.expandedConnectors({ status: true, info: false }))).toEqual(["c-0"]);
    const infoOnly = await herder.expandedConnectors({ status: false, info: true });
    expect(Object.keys(infoOnly)).toEqual(["c-0", "new"]);
    expect(Object.keys(infoOnly.new!)).toEqual(["info"]);
    expect(await herder.expandedConnectors({ status: false, info: false })).toEqual({ "c-0": {}, new: {} });
  });

  it("reads one connector's status without copying the status store between writes", async () => {
    const { reads, configs, statuses } = countingStores();
    await seed(configs, statuses, 50);
    const herder = herderOn(configs, statuses);
    const first = statuses.snapshot();

    await herder.connectorStatus("c-7");
    await herder.connectorStatus("c-8");

    expect(statuses.snapshot()).toBe(first);
    expect(reads.perConnector).toBe(0);
  });
});
