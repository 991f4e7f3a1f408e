import { describe, expect, it } from "vitest";
import { SampledStat, StateTimer } from "@/server/runtime/metrics/sampled-stat";

const windows = { windowMs: 30_000, samples: 2 };

describe("SampledStat", () => {
  it("divides by at least one full window right after start, as Kafka's Rate does", () => {
    const stat = new SampledStat(windows, 0);
    stat.record(300, 1_000);
    expect(stat.rate(1_000)).toBe(10);
    expect(stat.rate(15_000)).toBe(10);
  });

  it("divides by the time since the oldest live window once more than a window has passed", () => {
    const stat = new SampledStat(windows, 0);
    stat.record(400, 10_000);
    stat.record(400, 35_000);
    expect(stat.rate(40_000)).toBe(20);
  });

  it("forgets windows older than samples × window", () => {
    const stat = new SampledStat(windows, 0);
    stat.record(1_000, 1_000);
    stat.record(5, 31_000);
    stat.record(7, 61_000);
    expect(stat.avg(62_000)).toBe(6);
    expect(stat.max(62_000)).toBe(7);
    expect(stat.rate(200_000)).toBe(0);
    expect(stat.avg(200_000)).toBeNull();
    expect(stat.max(200_000)).toBeNull();
  });

  it("averages and maximizes what was recorded in the live windows", () => {
    const stat = new SampledStat(windows, 0);
    for (const value of [2, 8, 5]) stat.record(value, 1_000);
    expect(stat.avg(2_000)).toBe(5);
    expect(stat.max(2_000)).toBe(8);
  });
});

describe("StateTimer", () => {
  it("gives the share of the tracked time spent in a state", () => {
    const timer = new StateTimer<string>("RUNNING", 0);
    timer.change("PAUSED", 3_000);
    timer.change("RUNNING", 4_000);
    expect(timer.ratio("RUNNING", 10_000)).toBeCloseTo(0.9);
    expect(timer.ratio("PAUSED", 10_000)).toBeCloseTo(0.1);
    expect(timer.ratio("FAILED", 10_000)).toBe(0);
    expect(timer.current).toBe("RUNNING");
  });
});
