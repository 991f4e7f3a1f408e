import { describe, expect, it } from "vitest";
import { ActiveTopics } from "@/server/runtime/herder/active-topics";

describe("topic tracking", () => {
  it("records topics per connector, sorted, until a reset", () => {
    const topics = new ActiveTopics();
    topics.used("c", "orders");
    topics.used("c", "audit");
    topics.used("c", "orders");
    expect(topics.of("c")).toEqual(["audit", "orders"]);
    topics.reset("c");
    expect(topics.of("c")).toEqual([]);
  });

  it("answers 403 when tracking or resetting is turned off", () => {
    expect(() => new ActiveTopics({ enabled: false, allowReset: true }).of("c")).toThrow("Topic tracking is disabled.");
    expect(() => new ActiveTopics({ enabled: true, allowReset: false }).reset("c")).toThrow("Topic tracking reset is disabled.");
  });
});
