import { describe, expect, it } from "vitest";
import { configuredTopics } from "@/components/connectors/connector-health";
describe("the topics a config names", () => {
  it("reads a sink's topics list or regex and a source's topic keys", () => {
    expect(configuredTopics(({ topics: "orders, users ,," }))).toEqual(["orders", "users"]);
    expect(configuredTopics(({ "topics.regex": "logs-.*" }))).toEqual(["/logs-.*/"]);
    expect(configuredTopics(({ topic: "lines" }))).toEqual(["lines"]);
    expect(configuredTopics(({ "kafka.topic": "pageviews" }))).toEqual(["pageviews"]);
    expect(configuredTopics(({ file: "/tmp/x" }))).toEqual([]);
    expect(configuredTopics()).toEqual([]);
  });
});
