import { describe, expect, it } from "vitest";
import { changedFields, headerText, inputOf, lineDiff, prettyData, type RecordView } from "@/components/playground/stage-diff";
import type { PlaygroundStep } from "@/server/contracts/playground";

const view = (fields: Partial<RecordView> = {}): RecordView => ({ topic: "orders", partition: 0, key: '"k1"', keySchema: null, value: '{"id":7,"card":"4111"}', valueSchema: null, headers: [], timestamp: 1, ...fields });

describe("prettyData", () => {
  it("indents JSON, keeps other text, and spells null", () => {
    expect(prettyData('{"id":7,"tags":["a"]}')).toBe('{\n  "id": 7,\n  "tags": [\n    "a"\n  ]\n}');
    expect(prettyData("plain text")).toBe("plain text");
    expect(prettyData(null)).toBe("null");
  });
});

describe("lineDiff", () => {
  it("marks the changed line of a pretty JSON value, the old line first", () => {
    expect(lineDiff(prettyData('{"id":7,"card":"4111"}'), prettyData('{"id":7,"card":""}'))).toEqual([
      { text: "{", change: "same" },
      { text: '  "id": 7,', change: "same" },
      { text: '  "card": "4111"', change: "removed" },
      { text: '  "card": ""', change: "added" },
      { text: "}", change: "same" },
    ]);
  });

  it("handles lines added at the end and removed at the start", () => {
    expect(lineDiff("a\nb", "b\nc")).toEqual([
      { text: "a", change: "removed" },
      { text: "b", change: "same" },
      { text: "c", change: "added" },
    ]);
    expect(lineDiff("same", "same")).toEqual([{ text: "same", change: "same" }]);
  });

  it("marks all of a text too large to compare as added", () => {
    const big = Array.from({ length: 1500 }, (_, i) => String(i)).join("\n");
    const lines = lineDiff(big, `${big}\nmore`);
    expect(lines).toHaveLength(1501);
    expect(lines.every((line) => line.change === "added")).toBe(true);
  });
});

describe("changedFields", () => {
  it("names what a stage changed, schemas counting for their key or value", () => {
    expect([...changedFields(view(), view())]).toEqual([]);
    expect([...changedFields(view(), view({ topic: "orders-masked", value: '{"id":7,"card":""}' }))]).toEqual(["topic", "value"]);
    expect([...changedFields(view(), view({ keySchema: "string", headers: [{ key: "h", value: null }], timestamp: 2, partition: 1 }))]).toEqual(["partition", "key", "headers", "timestamp"]);
  });

  it("counts everything as new without an earlier record", () => {
    expect(changedFields(undefined, view()).size).toBe(6);
  });
});

describe("headerText and inputOf", () => {
  it("writes headers as lines and finds the record a step received", () => {
    expect(headerText([{ key: "a", value: "1" }, { key: "b", value: null }])).toBe("a: 1\nb: null");
    const first = view();
    const steps: PlaygroundStep[] = [
      { stage: "VALUE_CONVERTER", className: "JsonConverter", applied: true, output: first },
      { stage: "HEADER_CONVERTER", className: "SimpleHeaderConverter", applied: true },
      { stage: "TRANSFORMATION", className: "Filter", applied: true, dropped: true },
    ];
    expect(inputOf(steps, 2)).toBe(first);
    expect(inputOf(steps, 0)).toBeUndefined();
  });
});
