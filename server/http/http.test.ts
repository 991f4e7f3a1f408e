import { afterEach, describe, expect, it } from "vitest";
import { healthSchema } from "@/server/contracts/health";
import { handleConnectRequest } from "@/server/http/connect-api";
import { consoleHealthResponse } from "@/server/http/console-health";
import { Runtime } from "@/server/runtime/runtime";
import { installRuntime, uninstallRuntime } from "@/server/runtime/runtime-slot";
import type { ClusterPort } from "@/server/runtime/ports";
import { MemoryWorkerProcessStore } from "@/server/storage/memory/worker-process-store";

function install(cluster: Partial<ClusterPort> = {}, start?: () => Promise<void>): Runtime {
  return installRuntime(() => {
    const runtime = new Runtime({
      mode: "embedded",
      workerId: "host:3000",
      version: "0",
      restUrl: null,
      cluster: { bootstrap: "b:9092", describeCluster: async () => ({ clusterId: "abc", brokers: 1 }), close: async () => {}, ...cluster },
      workers: new MemoryWorkerProcessStore(),
    });
    if (start) runtime.start = start;
    return runtime;
  }).runtime;
}

afterEach(() => uninstallRuntime());

describe("GET /api/console/health", () => {
  it("answers 503 runtime.not_ready when no runtime runs in the process", async () => {
    const response = consoleHealthResponse();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error_code: 503, code: "runtime.not_ready" });
  });

  it("answers 503 'starting' with the health document until the runtime is ready", async () => {
    install({}, () => new Promise(() => {}));
    const response = consoleHealthResponse();
    expect(response.status).toBe(503);
    const body = healthSchema.parse(await response.json());
    expect(body).toMatchObject({ status: "starting", runtime: { ready: false, mode: "embedded" } });
  });

  it("answers ok with the cluster id once Kafka answered, degraded when it does not", async () => {
    const runtime = install();
    await runtime.start();
    await runtime.probeKafka();
    let body = healthSchema.parse(await consoleHealthResponse().json());
    expect(body).toMatchObject({ status: "ok", kafka: { reachable: true, bootstrap: "b:9092", clusterId: "abc" }, runtime: { ready: true, workerId: "host:3000" } });

    runtime["options"].cluster.describeCluster = () => Promise.reject(new Error("ECONNREFUSED"));
    await runtime.probeKafka();
    const response = consoleHealthResponse();
    expect(response.status).toBe(200);
    body = healthSchema.parse(await response.json());
    expect(body).toMatchObject({ status: "degraded", kafka: { reachable: false, error: "ECONNREFUSED", clusterId: "abc" } });
  });
});

describe("Kafka Connect REST root", () => {
  const get = (path: string[], method = "GET") => handleConnectRequest(new Request(`http://x/${path.join("/")}`, { method }), path);

  it("GET / names the Kafka Connect API version served, the commit, the Kafka cluster id and Tributary's own version", async () => {
    const runtime = install();
    await runtime.start();
    await runtime.probeKafka();
    const body = await (await get([])).json();
    expect(body).toEqual({ version: "4.1.0", commit: expect.any(String), kafka_cluster_id: "abc", tributary_version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it("GET /health is 503 starting, then 200 healthy, with Kafka Connect's messages", async () => {
    const runtime = install({}, async () => {});
    let response = await get(["health"]);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "starting", message: "Worker is still starting up." });
    runtime.start = Runtime.prototype.start;
    await runtime.start();
    response = await get(["health"]);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "healthy", message: "Worker has completed startup and is ready to handle requests." });
  });

  it("answers unknown paths 404 and wrong methods 405 in Connect's error shape", async () => {
    expect(await (await get(["nope"])).json()).toEqual({ error_code: 404, message: "HTTP 404 Not Found" });
    const wrong = await get(["health"], "DELETE");
    expect(wrong.status).toBe(405);
    expect(await wrong.json()).toEqual({ error_code: 405, message: "HTTP 405 Method Not Allowed" });
  });
});
