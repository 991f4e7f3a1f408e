import { describe, expect, it } from "vitest";
import { ConfigException } from "@/server/plugins/api/config-def";
import { SourceRecord } from "@/server/plugins/api/records";
import { RegexRouter } from "@/server/plugins/transforms/regex-router";

function route(regex: string, replacement: string, topic: string): string {
  const smt = new RegexRouter();
  smt.configure({ regex, replacement });
  return smt.apply(new SourceRecord({ topic, sourcePartition: null, sourceOffset: null })).topic;
}

describe("RegexRouter", () => {
  it.each([
    ["static", "blah", "static", "blah"],
    ["(.*)-(\\d\\d)", "$1", "foo-01", "foo"],
    ["(.*)-(\\d\\d)", "$2.$1", "foo-01", "01.foo"],
    ["(?<env>[a-z]+)\\.(?<table>.*)", "${table}_${env}", "prod.orders", "orders_prod"],
    ["(.*)", "prefix-$1", "topic", "prefix-topic"],
    ["my-(.*)", "\\$$1", "my-topic", "$topic"],
  ])("with /%s/ → %j renames %j to %j", (regex, replacement, topic, expected) => {
    expect(route(regex, replacement, topic)).toBe(expected);
  });

  it.each([
    ["static", "other-static"],
    ["(.*)-(\\d\\d)", "foo-01-suffix"],
    ["foo", "prefix-foo"],
  ])("leaves a topic alone unless /%s/ matches all of %j", (regex, topic) => {
    expect(route(regex, "renamed", topic)).toBe(topic);
  });

  it.each([
    [{ replacement: "x" }, 'Missing required configuration "regex"'],
    [{ regex: "x" }, 'Missing required configuration "replacement"'],
    [{ regex: "(unclosed", replacement: "x" }, "Invalid value (unclosed for configuration regex: Invalid regex:"],
    [{ regex: "(a)", replacement: "$2" }, "Invalid value $2 for configuration replacement: No group 2"],
  ])("refuses the settings %j", (configs, message) => {
    expect(() => new RegexRouter().configure(configs)).toThrow(ConfigException);
    expect(() => new RegexRouter().configure(configs)).toThrow(message);
  });
});
