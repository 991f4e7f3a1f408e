import { describe, expect, it } from "vitest";
import { ControlPlaneHerder } from "@/server/runtime/herder/control-plane-herder";
import type { ForwardToLeader, LeaderRequest } from "@/server/runtime/herder/leadership";
import { unreachableError } from "@/server/runtime/distributed/rest-forwarder";
import { FakeKafkaClients } from "@/server/runtime/worker/testing/fake-kafka";
import { scriptedRegistry, STRING_CONVERTERS } from "@/server/runtime/worker/testing/scripted-plugins";
import { MemoryConfigStore } from "@/server/storage/memory/config-store";
import { MemoryOffsetStore } from "@/server/storage/memory/offset-store";
import { MemoryStatusStore } from "@/server/storage/memory/status-store";

/** A control plane on in-memory stores; `down` lists worker URLs that cannot be reached, `sent` records what reached a worker. */
function controlPlane(urls: string[], down: Set<string>) {
  const stores = { configs: new MemoryConfigStore(), statuses: new MemoryStatusStore(), offsets: new MemoryOffsetStore() };
  const sent: Array<{ url: string; request: LeaderRequest }> = [];
  const forwarder = (url: string): ForwardToLeader =>
    (async (request: LeaderRequest) => {
      if (down.has(url)) throw unreachableError(url, new Error("connect ECONNREFUSED"));
      sent.push({ url, request });
      if (request.op === "putConnectorConfig") return { created: true, info: { name: request.name, config: request.config, tasks: [], type: "source" } };
      if (request.op === "clusterView") return { members: [{ memberId: "m1", url, leader: true, connectors: [], tasks: [] }], rebalances: [] };
      return undefined;
    }) as ForwardToLeader;
  const herder = new ControlPlaneHerder({
    registry: scriptedRegistry(),
    ...stores,
    startStores: async () => {
      await stores.configs.start();
      await stores.statuses.start();
    },
    topicStatuses: { putTopic: async () => undefined, activeTopics: () => [], resetTopics: async () => undefined },
    admin: new FakeKafkaClients().admin(),
    workerConfig: STRING_CONVERTERS,
    workerUrls: urls,
    forwarder,
  });
  return { herder, stores, sent };
}

describe("ControlPlaneHerder (TRIBUTARY_WORKER=off)", () => {
  it("hands leader-only writes to the first worker that can be reached, and asks it for the cluster's members", async () => {
    const down = new Set(["http://w1:8083"]);
    const { herder, sent } = controlPlane(["http://w1:8083", "http://w2:8083"], down);
    await herder.prepare();
    const created = await herder.putConnectorConfig("src", { "connector.class": "ScriptedSource", "tasks.max": "1" }, { allowReplace: false });
    expect(created.created).toBe(true);
    expect(sent.map(({ url, request }) => `${request.op}@${url}`)).toEqual(["putConnectorConfig@http://w2:8083"]);
    expect((await herder.clusterView()).members.map((member) => member.url)).toEqual(["http://w2:8083"]);
    down.add("http://w2:8083");
    await expect(herder.deleteConnector("src")).rejects.toThrow("cannot be reached");
  });

  it("reads connectors from the cluster's stores and writes pause itself, as any worker does", async () => {
    const { herder, stores, sent } = controlPlane(["http://w1:8083"], new Set());
    await herder.prepare();
    await stores.configs.putConnectorConfig("src", { "connector.class": "ScriptedSource", "tasks.max": "1", name: "src" });
    expect(await herder.connectors()).toEqual(["src"]);
    await herder.pauseConnector("src");
    expect(stores.configs.snapshot().connectors.get("src")!.targetState).toBe("PAUSED");
    expect(sent).toEqual([]);
  });
});
