import { afterEach, describe, expect, it } from "vitest";
import { encodePrincipal, PRINCIPAL_HEADER } from "@/server/console/auth/principal";
import { consoleEventsResponse } from "@/server/http/console-events";
import { Runtime } from "@/server/runtime/runtime";
import { installRuntime, uninstallRuntime } from "@/server/runtime/runtime-slot";
import { MemoryWorkerProcessStore } from "@/server/storage/memory/worker-process-store";

afterEach(() => uninstallRuntime());

async function read(reader: ReadableStreamDefaultReader<Uint8Array>, until: string): Promise<string> {
  let text = "";
  while (!text.includes(until)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += new TextDecoder().decode(value);
  }
  return text;
}

describe("GET /api/console/events", () => {
  it("streams published runtime events as server-sent events and unsubscribes when the client leaves", async () => {
    const { runtime, started } = installRuntime(
      () => new Runtime({ mode: "embedded", workerId: "w:1", version: "0", restUrl: null, cluster: { bootstrap: "b", describeCluster: async () => ({ clusterId: "c", brokers: 1 }), close: async () => {} }, workers: new MemoryWorkerProcessStore() }),
    );
    await started;
    const abort = new AbortController();
    const response = await consoleEventsResponse(new Request("http://x/api/console/events", { signal: abort.signal }));
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const reader = response.body!.getReader();
    expect(await read(reader, ": connected")).toContain("retry: 1000");
    expect(runtime.events.size).toBe(1);
    runtime.events.publish({ type: "status", connector: "c1", task: 0, state: "FAILED", workerId: "w:1", trace: "Error: boom", at: 1 });
    const event = await read(reader, "\n\n");
    expect(event).toBe(`event: status\ndata: ${JSON.stringify({ type: "status", connector: "c1", task: 0, state: "FAILED", workerId: "w:1", trace: "Error: boom", at: 1 })}\n\n`);
    abort.abort();
    expect(runtime.events.size).toBe(0);
  });

  it("sends only the events and metric points of connectors the caller may view", async () => {
    const { runtime, started } = installRuntime(
      () => new Runtime({ mode: "embedded", workerId: "w:1", version: "0", restUrl: null, cluster: { bootstrap: "b", describeCluster: async () => ({ clusterId: "c", brokers: 1 }), close: async () => {} }, workers: new MemoryWorkerProcessStore() }),
    );
    await started;
    const abort = new AbortController();
    const principal = encodePrincipal({ user: "o", via: "token", grants: [{ role: "viewer", connectors: "orders-*" }], address: "" });
    const response = await consoleEventsResponse(new Request("http://x/api/console/events", { signal: abort.signal, headers: { [PRINCIPAL_HEADER]: principal } }));
    const reader = response.body!.getReader();
    await read(reader, ": connected");
    runtime.events.publish({ type: "connector", connector: "billing", change: "created", at: 1 });
    runtime.events.publish({ type: "metrics", at: 2, points: [{ connector: "billing", task: null, metric: "source-record-poll-rate", value: 1 }, { connector: "orders-1", task: null, metric: "source-record-poll-rate", value: 2 }] });
    const event = await read(reader, "\n\n");
    expect(event).toContain("event: metrics");
    expect(event).toContain("orders-1");
    expect(event).not.toContain("billing");
    abort.abort();
  });
});
