import { describe, expect, it } from "vitest";
import { configuredTopics } from "@/components/connectors/connector-health";
import type { ConnectorInfo } from "@/server/contracts/connect";

const info = (config: Record<string, string>): ConnectorInfo => ({ name: "c1", config, tasks: [], type: "sink" });

describe("the topics a config names", () => {
  it("reads a sink's topics list or regex and a source's topic keys", () => {
    expect(configuredTopics(info({ topics: "orders, users ,," }))).toEqual(["orders", "users"]);
    expect(configuredTopics(info({ "topics.regex": "logs-.*" }))).toEqual(["/logs-.*/"]);
    expect(configuredTopics(info({ topic: "lines" }))).toEqual(["lines"]);
    expect(configuredTopics(info({ "kafka.topic": "pageviews" }))).toEqual(["pageviews"]);
    expect(configuredTopics(info({ file: "/tmp/x" }))).toEqual([]);
    expect(configuredTopics(undefined)).toEqual([]);
  });
});
