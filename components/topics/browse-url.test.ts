import { describe, expect, it } from "vitest";
import { fromLocalInput, paramsFromRequest, requestFromParams, toLocalInput } from "@/components/topics/browse-url";

describe("a browse in the page URL", () => {
  it("reads the newest records of every partition by default, and round-trips a request", () => {
    expect(requestFromParams(new URLSearchParams())).toEqual({ start: "newest", partition: undefined, offset: undefined, time: undefined, q: undefined, format: "auto", limit: 50 });
    const request = requestFromParams(new URLSearchParams("start=offset&partition=2&offset=120&q=order+7&format=hex"));
    expect(request).toMatchObject({ start: "offset", partition: 2, offset: "120", q: "order 7", format: "hex" });
    expect(paramsFromRequest(request).toString()).toBe("start=offset&partition=2&offset=120&q=order+7&format=hex");
    expect(paramsFromRequest(requestFromParams(new URLSearchParams()))).toEqual(new URLSearchParams());
  });

  it("falls back to the newest records when the start point lacks its value or a value is malformed", () => {
    expect(requestFromParams(new URLSearchParams("start=offset")).start).toBe("newest");
    expect(requestFromParams(new URLSearchParams("start=time&time=soon")).start).toBe("newest");
    expect(requestFromParams(new URLSearchParams("start=sideways&format=xml&partition=-1"))).toMatchObject({ start: "newest", format: "auto", partition: undefined });
  });

  it("converts a datetime-local value to epoch ms and back, to the second", () => {
    const ms = fromLocalInput("2026-03-04T05:06:07")!;
    expect(toLocalInput(ms)).toBe("2026-03-04T05:06:07");
    expect(fromLocalInput("")).toBeUndefined();
  });
});
