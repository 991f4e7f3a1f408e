import { describe, expect, it } from "vitest";
import { EventHub, type RuntimeEvent } from "@/server/runtime/events/event-hub";
import { publishStoreChanges } from "@/server/runtime/events/store-events";
import { MemoryConfigStore } from "@/server/storage/memory/config-store";
import { MemoryStatusStore } from "@/server/storage/memory/status-store";

function fixture() {
  const hub = new EventHub();
  const configs = new MemoryConfigStore();
  const statuses = new MemoryStatusStore();
  publishStoreChanges(hub, { configs, statuses }, () => 42);
  const storedState = (connector: string, task: number | null) => {
    const entry = statuses.snapshot().get(connector);
    return task === null ? entry?.connector?.state : entry?.tasks.get(task)?.state;
  };
  const events: Array<RuntimeEvent & { storedWhenTold?: boolean }> = [];
  hub.subscribe((event) => events.push(event.type === "status" ? { ...event, storedWhenTold: storedState(event.connector, event.task) === event.state } : event));
  return { hub, configs, statuses, events };
}

describe("the console's live events from the stores", () => {
  it("publishes every stored status, whichever worker wrote it, once it is stored", async () => {
    const { statuses, events, hub } = fixture();
    await statuses.putTask("orders", 2, { state: "FAILED", trace: "Error: boom", workerId: "other-worker:8083", generation: 9 });
    await statuses.putConnector("orders", { state: "RUNNING", workerId: "me:8083", generation: 9 });
    expect(events).toEqual([
      { type: "status", connector: "orders", task: 2, state: "FAILED", trace: "Error: boom", workerId: "other-worker:8083", at: 42, storedWhenTold: true },
      { type: "status", connector: "orders", task: null, state: "RUNNING", workerId: "me:8083", at: 42, storedWhenTold: true },
    ]);
    expect(hub.history("orders").map((change) => change.state)).toEqual(["FAILED", "RUNNING"]);
  });

  it("publishes connector configs created, replaced and removed, and nothing for task configs, target states or restarts", async () => {
    const { configs, events } = fixture();
    await configs.putConnectorConfig("c", {});
    await configs.putTaskConfigs("c", [{}]);
    await configs.putTargetState("c", "PAUSED");
    await configs.putRestartRequest("c", { includeTasks: false, onlyFailed: false });
    await configs.putConnectorConfig("c", { changed: "yes" });
    await configs.removeConnector("c");
    expect(events).toEqual([
      { type: "connector", connector: "c", change: "created", at: 42 },
      { type: "connector", connector: "c", change: "updated", at: 42 },
      { type: "connector", connector: "c", change: "deleted", at: 42 },
    ]);
  });

  it("leaves out what a deleted connector's instances report while they stop, until a connector of that name is created again", async () => {
    const { configs, statuses, events, hub } = fixture();
    await configs.putConnectorConfig("c", {});
    await statuses.putTask("c", 0, { state: "RUNNING", workerId: "me:8083", generation: 1 });
    await configs.removeConnector("c");
    await statuses.putTask("c", 0, { state: "UNASSIGNED", workerId: "me:8083", generation: 1 });
    expect(hub.history("c")).toEqual([]);
    await configs.putConnectorConfig("c", {});
    await statuses.putConnector("c", { state: "RUNNING", workerId: "me:8083", generation: 1 });
    expect(events.map((event) => (event.type === "status" ? `${event.task}:${event.state}` : event.type === "connector" ? event.change : event.type))).toEqual(["created", "0:RUNNING", "deleted", "created", "null:RUNNING"]);
  });
});
