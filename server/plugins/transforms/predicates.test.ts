import { describe, expect, it } from "vitest";
import { ConfigException } from "@/server/plugins/api/config-def";
import { Headers } from "@/server/plugins/api/headers";
import { SinkRecord, SourceRecord } from "@/server/plugins/api/records";
import { HasHeaderKey, RecordIsTombstone, TopicNameMatches } from "@/server/plugins/transforms/predicates";

function record(fields: Partial<ConstructorParameters<typeof SourceRecord>[0]> = {}): SourceRecord {
  return new SourceRecord({ topic: "orders-eu", sourcePartition: null, sourceOffset: null, ...fields });
}

describe("TopicNameMatches", () => {
  it.each([
    ["orders-.*", true],
    ["orders-(eu|us)", true],
    ["orders", false],
    ["eu", false],
    [".*-eu", true],
  ])("with pattern %j is %s for topic orders-eu (full match only)", (pattern, expected) => {
    const predicate = new TopicNameMatches();
    predicate.configure({ pattern });
    expect(predicate.test(record())).toBe(expected);
  });

  it.each([
    [{}, 'Missing required configuration "pattern"'],
    [{ pattern: "" }, "String must be non-empty"],
    [{ pattern: "[unclosed" }, "Invalid regex"],
  ])("refuses the settings %j", (configs, message) => {
    expect(() => new TopicNameMatches().configure(configs)).toThrow(ConfigException);
    expect(() => new TopicNameMatches().configure(configs)).toThrow(message);
  });
});

describe("HasHeaderKey", () => {
  it.each([
    [new Headers().add("trace", "1"), true],
    [new Headers().add("other", "1").add("trace", null), true],
    [new Headers().add("Trace", "1"), false],
    [new Headers(), false],
  ])("with headers %#, is %s for the name trace", (headers, expected) => {
    const predicate = new HasHeaderKey();
    predicate.configure({ name: "trace" });
    expect(predicate.test(record({ headers }))).toBe(expected);
  });

  it("requires a non-empty name", () => {
    expect(() => new HasHeaderKey().configure({})).toThrow(ConfigException);
    expect(() => new HasHeaderKey().configure({ name: "" })).toThrow("String must be non-empty");
  });
});

describe("RecordIsTombstone", () => {
  it.each([
    ["a null value", record({ value: null }), true],
    ["a null value with a key", new SinkRecord({ topic: "t", kafkaPartition: 0, kafkaOffset: 1n, key: "k" }), true],
    ["an empty string", record({ value: "" }), false],
    ["a value", record({ value: new Map() }), false],
  ])("is true only for a null value: %s", (_name, input, expected) => {
    const predicate = new RecordIsTombstone();
    predicate.configure();
    expect(predicate.test(input)).toBe(expected);
  });
});
