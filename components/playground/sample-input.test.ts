import { describe, expect, it } from "vitest";
import { blankSample, connectorTopic, initialInput, parseHeaderLines, planRequest, restoreInput, type PlaygroundInput } from "@/components/playground/sample-input";

const sink = { "connector.class": "FileStreamSink", topics: " orders , payments", file: "/tmp/out" };
const source = { "connector.class": "FileStreamSource", topic: "lines", file: "/tmp/in" };
const pasted = (...samples: Array<Partial<ReturnType<typeof blankSample>>>): PlaygroundInput => ({ ...initialInput(), samples: samples.map((sample, index) => ({ ...blankSample(index + 1), ...sample })) });

describe("parseHeaderLines", () => {
  it("reads key: value lines split at the first colon, trimmed, skipping blank lines", () => {
    expect(parseHeaderLines("trace-id: abc\n\n  url : http://x:8080/a \r\nempty:")).toEqual({
      headers: [
        { key: "trace-id", value: "abc" },
        { key: "url", value: "http://x:8080/a" },
        { key: "empty", value: "" },
      ],
      problems: [],
    });
  });

  it("names each line that has no colon or no key, and leaves it out", () => {
    expect(parseHeaderLines("ok: 1\njust text\n: no key")).toEqual({
      headers: [{ key: "ok", value: "1" }],
      problems: ["Line 2: write a header as key: value.", "Line 3: write a header as key: value."],
    });
  });
});

describe("connectorTopic", () => {
  it.each([
    ["a sink's first listed topic", sink, "sink", "orders"],
    ["a source's topic", source, "source", "lines"],
    ["a sink with only topics.regex", { "topics.regex": "o.*" }, "sink", undefined],
    ["a source without a topic", { topics: "x" }, "source", undefined],
    ["either when the kind is unknown", source, undefined, "lines"],
  ] as const)("%s", (_, config, kind, expected) => {
    expect(connectorTopic(config, kind)).toBe(expected);
  });
});

describe("planRequest", () => {
  it("sends the filled pasted samples on the connector's topic, empty key or value as null", () => {
    const plan = planRequest(pasted({ value: '{"id":7}' }, {}, { key: "k", topic: "other", headers: "h: 1" }), sink, "sink");
    expect(plan).toEqual({
      ok: true,
      request: {
        config: sink,
        samples: [
          { topic: "orders", key: null, value: '{"id":7}' },
          { topic: "other", key: "k", value: null, headers: [{ key: "h", value: "1" }] },
        ],
      },
    });
  });

  it("leaves the topic to the server when the connector names none", () => {
    const plan = planRequest(pasted({ value: "x" }), { "connector.class": "FileStreamSink" }, "sink");
    expect(plan).toMatchObject({ ok: true, request: { samples: [{ key: null, value: "x" }] } });
    expect(plan.ok && plan.request.samples?.[0]).not.toHaveProperty("topic");
  });

  it("waits for a filled sample and for well-formed headers", () => {
    expect(planRequest(pasted({}, {}), sink, "sink")).toEqual({ ok: false, reason: expect.stringContaining("Paste a record") });
    expect(planRequest(pasted({}, { value: "1", headers: "oops" }), sink, "sink")).toEqual({ ok: false, reason: "Sample 2's headers: Line 1: write a header as key: value." });
  });

  it("reads the newest records of the chosen topic, else the connector's, with a count of 1 to 50", () => {
    const latest = (latestTopic: string | null, latestCount: number) => ({ ...initialInput(), source: "latest" as const, latestTopic, latestCount });
    expect(planRequest(latest(null, 5), source, "source")).toEqual({ ok: true, request: { config: source, latest: { topic: "lines", count: 5 } } });
    expect(planRequest(latest(" picked ", 500), source, "source")).toMatchObject({ request: { latest: { topic: "picked", count: 50 } } });
    expect(planRequest(latest("x", 0), source, "source")).toMatchObject({ request: { latest: { count: 1 } } });
    expect(planRequest(latest("", 5), source, "source")).toEqual({ ok: false, reason: "Name the topic to read the newest records of." });
    expect(planRequest(latest(null, 5), { "connector.class": "FileStreamSink" }, "sink")).toMatchObject({ ok: false });
  });
});

describe("restoreInput", () => {
  it("reads back what was saved, and starts over on nothing or on something else", () => {
    const saved: PlaygroundInput = { source: "latest", samples: [{ ...blankSample(3), value: "v" }], latestTopic: "t", latestCount: 9 };
    expect(restoreInput(JSON.stringify(saved))).toEqual(saved);
    expect(restoreInput(null)).toEqual(initialInput());
    expect(restoreInput("{not json")).toEqual(initialInput());
    expect(restoreInput(JSON.stringify({ ...saved, samples: [] }))).toEqual(initialInput());
  });
});
