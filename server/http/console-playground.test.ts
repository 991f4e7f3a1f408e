import { describe, expect, it } from "vitest";
import { FakeHerder } from "@/server/http/connect/testing/fake-herder";
import { playgroundResponse } from "@/server/http/console-playground";

const post = (body: unknown) => new Request("http://localhost/api/console/playground", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const noLatest = async () => [];

describe("POST /api/console/playground", () => {
  it("answers each pasted sample with its trip", async () => {
    const response = await playgroundResponse(post({ config: { "connector.class": "FileStreamSink" }, samples: [{ key: "k", value: "v" }] }), noLatest, new FakeHerder());
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ kind: "sink", results: [{ sample: { key: "k", value: "v" }, steps: [], outcome: "delivered" }] });
  });

  it("samples the newest records of a topic when asked", async () => {
    const latest = async (topic: string, count: number) => Array.from({ length: count }, (_, i) => ({ topic, key: null, value: `v${i}` }));
    const response = await playgroundResponse(post({ config: { "connector.class": "FileStreamSink" }, latest: { topic: "orders", count: 2 } }), latest, new FakeHerder());
    expect((await response.json()).results.map((r: { sample: { value: string } }) => r.sample.value)).toEqual(["v0", "v1"]);
  });

  it.each([
    [{ samples: [{ value: "v" }] }, /config/],
    [{ config: { topics: "t" }, samples: [{ value: "v" }] }, /config must name its connector.class/],
    [{ config: { "connector.class": "FileStreamSink" } }, /either samples or latest/],
    [{ config: { "connector.class": "FileStreamSink" }, samples: [] }, /at least one sample/],
    [{ config: { "connector.class": "Nope" }, samples: [{ value: "v" }] }, /Failed to find any class that implements Connector and which name matches Nope/],
  ])("refuses %j with a 400 that says what to fix", async (body, message) => {
    const response = await playgroundResponse(post(body), noLatest, new FakeHerder());
    expect(response.status).toBe(400);
    expect((await response.json()).message).toMatch(message);
  });

  it("says so when the topic to sample is empty", async () => {
    const response = await playgroundResponse(post({ config: { "connector.class": "FileStreamSink" }, latest: { topic: "empty", count: 5 } }), noLatest, new FakeHerder());
    expect(response.status).toBe(400);
    expect((await response.json()).message).toBe("Topic empty has no records to sample.");
  });
});
