import { describe, expect, it } from "vitest";
import { IdlePollBackoff } from "@/server/runtime/worker/idle-poll-backoff";

describe("IdlePollBackoff", () => {
  it("doubles the wait after each empty poll that returned at once, up to 500 ms", () => {
    const backoff = new IdlePollBackoff();
    const waits = Array.from({ length: 10 }, () => backoff.afterPoll(0, 0));
    expect(waits).toEqual([5, 10, 20, 40, 80, 160, 320, 500, 500, 500]);
  });

  it("does not wait after a poll with records, and starts again from 5 ms", () => {
    const backoff = new IdlePollBackoff();
    backoff.afterPoll(0, 0);
    backoff.afterPoll(0, 0);
    expect(backoff.afterPoll(3, 0)).toBe(0);
    expect(backoff.afterPoll(0, 0)).toBe(5);
  });

  it("counts the time the poll itself waited, so a poll that blocks for a second adds nothing", () => {
    const backoff = new IdlePollBackoff();
    expect(backoff.afterPoll(0, 1000)).toBe(0);
    expect(backoff.afterPoll(0, 4)).toBe(6);
    expect(Array.from({ length: 10 }, () => backoff.afterPoll(0, 1000))).toEqual(Array(10).fill(0));
  });
});
