import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { EventBatch } from "@/components/queries/event-batch";

describe("EventBatch", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("hands a burst of 1,000 items to one flush, in arrival order, after the delay", () => {
    const flushes: number[][] = [];
    const batch = new EventBatch<number>((items) => flushes.push(items), 100);
    for (let i = 0; i < 1000; i++) batch.push(i);
    vi.advanceTimersByTime(99);
    expect(flushes).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(flushes).toHaveLength(1);
    expect(flushes[0]).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it("starts a new batch for items that come after a flush", () => {
    const flushes: string[][] = [];
    const batch = new EventBatch<string>((items) => flushes.push(items), 50);
    batch.push("a");
    vi.advanceTimersByTime(50);
    batch.push("b");
    batch.push("c");
    vi.advanceTimersByTime(50);
    expect(flushes).toEqual([["a"], ["b", "c"]]);
  });

  it("drops what is pending on close and ignores later pushes", () => {
    const flush = vi.fn();
    const batch = new EventBatch<number>(flush, 10);
    batch.push(1);
    batch.close();
    batch.push(2);
    vi.advanceTimersByTime(100);
    expect(flush).not.toHaveBeenCalled();
  });
});
