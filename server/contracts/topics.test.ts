import { describe, expect, it } from "vitest";
import { topicRecordQuerySchema } from "@/server/contracts/topics";

const problems = (params: Record<string, string>) => {
  const parsed = topicRecordQuerySchema.safeParse(params);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
};

describe("the topic browser's records query", () => {
  it("defaults to the newest 50 records, detected formats", () => {
    expect(topicRecordQuerySchema.parse({})).toEqual({ start: "newest", format: "auto", limit: 50 });
  });

  it("says what to fix: a start point without its value, bad numbers, unknown parameters, a malformed cursor", () => {
    expect(problems({ start: "offset" })).toEqual(["start=offset needs offset=<n>"]);
    expect(problems({ start: "time" })).toEqual(["start=time needs time=<epoch ms>"]);
    expect(problems({ limit: "500" })).toEqual(["limit is at most 200"]);
    expect(problems({ partition: "-1" })).toEqual(["partition cannot be negative"]);
    expect(problems({ format: "xml" })).toEqual(["format must be one of auto, json, text, hex"]);
    expect(problems({ cursor: "0-12" })).toEqual(["expected cursor as <partition>:<offset>, comma-separated"]);
    expect(problems({ sort: "asc" })[0]).toMatch(/sort/);
  });
});
