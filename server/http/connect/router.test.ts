import { afterEach, describe, expect, it } from "vitest";
import { createConnectHandler, handleConnectRequest } from "@/server/http/connect-api";
import { connectClient, type Listener } from "@/server/http/connect/testing/connect-client";
import { FakeHerder } from "@/server/http/connect/testing/fake-herder";
import { Runtime } from "@/server/runtime/runtime";
import { installRuntime, RuntimeNotReadyError, uninstallRuntime } from "@/server/runtime/runtime-slot";
import { MemoryWorkerProcessStore } from "@/server/storage/memory/worker-process-store";

const sinkConfig = { "connector.class": "FileStreamSink", topics: "t" };

describe.each<Listener>(["app", "worker"])("routing through the %s listener", (listener) => {
  const herder = new FakeHerder();
  const call = connectClient(createConnectHandler(async () => herder), listener);

  it("answers unknown paths 404 in Connect's shape", async () => {
    for (const path of ["/nope", "/connectors/fs/nope", "/connectors/fs/tasks/0", "/connector-plugins/x/config/validate/now"]) {
      const response = await call("GET", path);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error_code: 404, message: "HTTP 404 Not Found" });
    }
  });

  it("answers a known path with another method 405, naming the allowed ones", async () => {
    const response = await call("DELETE", "/connectors");
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, POST");
    expect(await response.json()).toEqual({ error_code: 405, message: "HTTP 405 Method Not Allowed" });
    expect((await call("GET", "/connectors/fs/restart")).headers.get("allow")).toBe("POST");
  });

  it("accepts a trailing slash", async () => {
    expect((await call("GET", "/connectors/")).status).toBe(200);
    expect((await call("POST", "/connectors/", { json: { name: "slash", config: sinkConfig } })).status).toBe(201);
    expect((await call("GET", "/connectors/slash/status/")).status).toBe(200);
  });

  it("decodes names in the path exactly once", async () => {
    for (const name of ["a/b", "50%", "a%41", "with space"]) {
      const created = await call("POST", "/connectors", { json: { name, config: sinkConfig } });
      expect(created.status).toBe(201);
      const location = new URL(created.headers.get("location")!);
      const path = location.pathname.slice(listener === "app" ? "/api/connect".length : 0);
      expect(await (await call("GET", path)).json()).toMatchObject({ name });
      expect(await (await call("GET", `/connectors/${encodeURIComponent(name)}/config`)).json()).toMatchObject({ name });
    }
  });
});

describe("errors outside the routes", () => {
  it("answers 503 while the herder is not ready", async () => {
    const call = connectClient(createConnectHandler(async () => Promise.reject(new RuntimeNotReadyError())));
    const response = await call("GET", "/connectors");
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error_code: 503, message: "The Tributary runtime is still starting." });
  });

  it("answers an unexpected failure 500 with its message, as Connect does", async () => {
    const herder = new FakeHerder();
    herder.connectors = () => Promise.reject(new Error("disk on fire"));
    const response = await connectClient(createConnectHandler(async () => herder))("GET", "/connectors");
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error_code: 500, message: "disk on fire" });
  });
});

describe("handleConnectRequest", () => {
  afterEach(() => uninstallRuntime());

  it("answers 503 when the process's runtime runs no herder", async () => {
    const { runtime } = installRuntime(
      () =>
        new Runtime({
          mode: "embedded",
          workerId: "host:3000",
          version: "0",
          restUrl: null,
          cluster: { bootstrap: "b:9092", describeCluster: async () => ({ clusterId: "abc", brokers: 1 }), close: async () => {} },
          workers: new MemoryWorkerProcessStore(),
        }),
    );
    await runtime.start();
    const response = await connectClient(handleConnectRequest)("GET", "/connectors");
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error_code: 503, message: "The Connect herder is not running in this process." });
  });

  it("serves a herder given to the runtime", async () => {
    const herder = new FakeHerder();
    await herder.putConnectorConfig("fs", { ...sinkConfig, name: "fs" }, { allowReplace: false });
    const { started } = installRuntime(
      () =>
        new Runtime({
          mode: "standalone",
          workerId: "host:8083",
          version: "0",
          restUrl: null,
          cluster: { bootstrap: "b:9092", describeCluster: async () => ({ clusterId: "abc", brokers: 1 }), close: async () => {} },
          workers: new MemoryWorkerProcessStore(),
          herder: Object.assign(herder, { prepare: async () => {}, start: async () => {}, stop: async () => {} }),
        }),
    );
    await started;
    expect(await (await connectClient(handleConnectRequest, "worker")("GET", "/connectors")).json()).toEqual(["fs"]);
  });
});
