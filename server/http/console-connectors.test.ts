import { afterEach, describe, expect, it } from "vitest";
import { connectorChangesSchema } from "@/server/contracts/connector-changes";
import { connectorOffsetsViewSchema } from "@/server/contracts/connector-offsets";
import { FakeHerder } from "@/server/http/connect/testing/fake-herder";
import { connectorChangesResponse, connectorOffsetsResponse, connectorRestartsResponse } from "@/server/http/console-connectors";
import { Runtime } from "@/server/runtime/runtime";
import { installRuntime, uninstallRuntime } from "@/server/runtime/runtime-slot";
import { MemoryWorkerProcessStore } from "@/server/storage/memory/worker-process-store";

afterEach(() => uninstallRuntime());

async function install(): Promise<{ runtime: Runtime; herder: FakeHerder }> {
  const herder = new FakeHerder();
  const { runtime, started } = installRuntime(
    () =>
      new Runtime({
        mode: "embedded",
        workerId: "w:1",
        version: "0",
        restUrl: null,
        cluster: { bootstrap: "b", describeCluster: async () => ({ clusterId: "c", brokers: 1 }), close: async () => {} },
        workers: new MemoryWorkerProcessStore(),
        herder: Object.assign(herder, { prepare: async () => {}, start: async () => {}, stop: async () => {} }),
      }),
  );
  await started;
  return { runtime, herder };
}

const get = (path: string) => new Request(`http://x/api/console/connectors/${path}`);

describe("GET /api/console/connectors/{name}/restarts", () => {
  it("answers the connector's policy from its config, with no attempts on a herder that keeps none", async () => {
    const { herder } = await install();
    await herder.putConnectorConfig("a b", { "connector.class": "FileStreamSource", "tributary.auto.restart.enabled": "true", "tributary.auto.restart.max.attempts": "3" }, { allowReplace: false });
    const response = await connectorRestartsResponse(get("a%20b/restarts"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ connector: "a b", policy: { enabled: true, maxAttempts: 3, backoffInitialMs: 5000, backoffMaxMs: 300000 }, pending: [], attempts: [] });
  });

  it("answers 404 connector.not_found for an unknown connector", async () => {
    await install();
    const response = await connectorRestartsResponse(get("nope/restarts"));
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: "connector.not_found" });
  });
});

describe("GET /api/console/connectors/{name}/changes", () => {
  it("lists the connector's remembered status changes, oldest first, with the trace", async () => {
    const { runtime, herder } = await install();
    await herder.putConnectorConfig("a b", { "connector.class": "FileStreamSource" }, { allowReplace: false });
    runtime.events.publish({ type: "status", connector: "a b", task: null, state: "RUNNING", workerId: "w:1", at: 1 });
    runtime.events.publish({ type: "status", connector: "other", task: null, state: "PAUSED", workerId: "w:1", at: 2 });
    runtime.events.publish({ type: "status", connector: "a b", task: 0, state: "FAILED", workerId: "w:1", trace: "Error: EISDIR", at: 3 });
    const response = await connectorChangesResponse(get("a%20b/changes"));
    expect(response.status).toBe(200);
    expect(connectorChangesSchema.parse(await response.json())).toEqual({
      connector: "a b",
      changes: [
        { type: "status", connector: "a b", task: null, state: "RUNNING", workerId: "w:1", at: 1 },
        { type: "status", connector: "a b", task: 0, state: "FAILED", workerId: "w:1", trace: "Error: EISDIR", at: 3 },
      ],
    });
  });

  it("answers 404 connector.not_found for an unknown connector", async () => {
    await install();
    const response = await connectorChangesResponse(get("nope/changes"));
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: "connector.not_found", message: "Connector nope not found" });
  });

  it("answers 503 runtime.not_ready when no runtime runs", async () => {
    const response = await connectorChangesResponse(get("c1/changes"));
    expect(response.status).toBe(503);
  });
});

describe("GET /api/console/connectors/{name}/offsets", () => {
  it("gives a source connector's offsets as Kafka Connect lists them, with no partitions view", async () => {
    const { herder } = await install();
    await herder.putConnectorConfig("src", { "connector.class": "FileStreamSource" }, { allowReplace: false });
    await herder.stopConnector("src");
    await herder.alterConnectorOffsets("src", [{ partition: { filename: "/tmp/in.txt" }, offset: { position: 30 } }]);
    const body = connectorOffsetsViewSchema.parse(await (await connectorOffsetsResponse(get("src/offsets"))).json());
    expect(body).toEqual({ connector: "src", type: "source", offsets: [{ partition: { filename: "/tmp/in.txt" }, offset: { position: 30 } }], partitions: [] });
  });

  it("gives a sink's partitions with committed offset, end offset and lag, configured topics without commits included", async () => {
    const { herder } = await install();
    await herder.putConnectorConfig("snk", { "connector.class": "FileStreamSink", topics: "orders, users" }, { allowReplace: false });
    await herder.stopConnector("snk");
    await herder.alterConnectorOffsets("snk", [
      { partition: { kafka_topic: "orders", kafka_partition: 1 }, offset: { kafka_offset: 7 } },
      { partition: { kafka_topic: "orders", kafka_partition: 0 }, offset: { kafka_offset: 10 } },
    ]);
    herder.endOffsets.set("orders", [12, 7]);
    herder.endOffsets.set("users", [3]);
    const body = connectorOffsetsViewSchema.parse(await (await connectorOffsetsResponse(get("snk/offsets"))).json());
    expect(body.type).toBe("sink");
    expect(body.partitions).toEqual([
      { topic: "orders", partition: 0, committed: 10, end: 12, lag: 2 },
      { topic: "orders", partition: 1, committed: 7, end: 7, lag: 0 },
      { topic: "users", partition: 0, committed: null, end: 3, lag: null },
    ]);
    expect(body.endOffsetsError).toBeUndefined();
  });

  it("still answers when a configured topic does not exist, saying which end offsets are missing", async () => {
    const { herder } = await install();
    await herder.putConnectorConfig("snk", { "connector.class": "FileStreamSink", topics: "missing" }, { allowReplace: false });
    const response = await connectorOffsetsResponse(get("snk/offsets"));
    expect(response.status).toBe(200);
    const body = connectorOffsetsViewSchema.parse(await response.json());
    expect(body.partitions).toEqual([]);
    expect(body.endOffsetsError).toBe("Could not read the end offsets of topic missing: This server does not host this topic-partition");
  });

  it("answers 404 for an unknown connector", async () => {
    await install();
    expect((await connectorOffsetsResponse(get("nope/offsets"))).status).toBe(404);
  });
});
