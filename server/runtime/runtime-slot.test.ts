import { afterEach, describe, expect, it, vi } from "vitest";
import { Runtime } from "@/server/runtime/runtime";
import { currentRuntime, installRuntime, readyRuntime, RuntimeNotReadyError, uninstallRuntime } from "@/server/runtime/runtime-slot";
import { MemoryWorkerProcessStore } from "@/server/storage/memory/worker-process-store";

function makeRuntime(start?: () => Promise<void>): Runtime {
  const runtime = new Runtime({
    mode: "embedded",
    workerId: "h:3000",
    version: "0",
    restUrl: null,
    cluster: { bootstrap: "b:1", describeCluster: async () => ({ clusterId: "c", brokers: 1 }), close: async () => {} },
    workers: new MemoryWorkerProcessStore(),
  });
  if (start) runtime.start = start;
  return runtime;
}

afterEach(async () => {
  vi.useRealTimers();
  await uninstallRuntime();
});

describe("the process-wide runtime slot", () => {
  it("installs once: a second caller gets the running instance and builds nothing", async () => {
    const first = installRuntime(() => makeRuntime());
    const create = vi.fn(() => makeRuntime());
    const second = installRuntime(create);
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(create).not.toHaveBeenCalled();
    expect(second.runtime).toBe(first.runtime);
    expect(await readyRuntime()).toBe(first.runtime);
  });

  it("keeps the instance on globalThis, where separately loaded module copies find it", async () => {
    const { runtime } = installRuntime(() => makeRuntime());
    vi.resetModules();
    const fresh = await import("@/server/runtime/runtime-slot");
    expect(fresh.currentRuntime()).toBe(runtime);
    expect(fresh.installRuntime(() => makeRuntime()).created).toBe(false);
  });

  it("makes request handlers wait for start-up, then gives up with runtime.not_ready", async () => {
    vi.useFakeTimers();
    installRuntime(() => makeRuntime(() => new Promise(() => {})));
    const waiting = readyRuntime(2000).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(2000);
    const error = await waiting;
    expect(error).toBeInstanceOf(RuntimeNotReadyError);
    expect(error).toMatchObject({ code: "runtime.not_ready", retriable: true });
  });

  it("reports a failed start-up through the accessor", async () => {
    installRuntime(() => makeRuntime(() => Promise.reject(new Error("database is locked"))));
    await expect(readyRuntime()).rejects.toThrow("The Tributary runtime failed to start: database is locked");
  });

  it("answers runtime.not_ready when nothing was installed", async () => {
    expect(currentRuntime()).toBeUndefined();
    await expect(readyRuntime()).rejects.toMatchObject({ code: "runtime.not_ready" });
  });
});
