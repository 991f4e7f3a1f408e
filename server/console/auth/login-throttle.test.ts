import { describe, expect, it } from "vitest";
import { LoginThrottle, MAX_FAILURES, MAX_FAILURES_PER_USER } from "@/server/console/auth/login-throttle";

describe("LoginThrottle", () => {
  it("pauses one name from one address after 10 failures, for 5 minutes", () => {
    let clock = 0;
    const throttle = new LoginThrottle(() => clock);
    for (let i = 0; i < MAX_FAILURES; i++) {
      throttle.check("Alice", "a");
      throttle.fail("alice", "a");
    }
    expect(() => throttle.check("alice", "a")).toThrow(expect.objectContaining({ code: "auth.throttled", message: expect.stringContaining("300 s") }));
    throttle.check("alice", "b");
    throttle.check("bob", "a");
    clock += 5 * 60_000 + 1;
    throttle.check("alice", "a");
  });

  it("forgets an address's failures after a success, and bounds made-up addresses per name", () => {
    const throttle = new LoginThrottle(() => 0);
    for (let i = 0; i < MAX_FAILURES - 1; i++) throttle.fail("alice", "a");
    throttle.succeed("alice", "a");
    throttle.fail("alice", "a");
    throttle.check("alice", "a");
    for (let i = 0; i < MAX_FAILURES_PER_USER; i++) throttle.fail("carol", `10.0.0.${i}`);
    expect(() => throttle.check("carol", "10.9.9.9")).toThrow(expect.objectContaining({ code: "auth.throttled" }));
  });
});
