import { describe, expect, it } from "vitest";
import { serialReload } from "@/components/queries/serial-reload";

/** A reload whose fetches the test settles one by one. */
function fetches() {
  const pending: Array<() => void> = [];
  let started = 0;
  return {
    reload: () => new Promise<void>((resolve) => (started++, pending.push(resolve))),
    settle: async () => {
      pending.shift()?.();
      await new Promise((resolve) => setImmediate(resolve));
    },
    started: () => started,
    inFlight: () => pending.length > 0,
  };
}

describe("serialReload", () => {
  it("folds a burst of calls during a reload into one more reload after it", async () => {
    const f = fetches();
    const reload = serialReload(f.reload, () => false);
    reload();
    for (let i = 0; i < 1000; i++) reload();
    expect(f.started()).toBe(1);
    await f.settle();
    expect(f.started()).toBe(2);
    await f.settle();
    expect(f.started()).toBe(2);
    expect(f.inFlight()).toBe(false);
  });

  it("reloads once more after joining a fetch that was already under way", async () => {
    const f = fetches();
    let outside = true;
    const reload = serialReload(f.reload, () => outside);
    reload();
    outside = false;
    await f.settle();
    expect(f.started()).toBe(2);
    await f.settle();
    expect(f.inFlight()).toBe(false);
  });

  it("starts afresh for a call after the reloads settled", async () => {
    const f = fetches();
    const reload = serialReload(f.reload, () => false);
    reload();
    await f.settle();
    reload();
    expect(f.started()).toBe(2);
  });
});
