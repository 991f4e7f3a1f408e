import { describe, expect, it } from "vitest";
import { inboxSearch, inboxStateFrom, isFiltered, shortClassName } from "@/components/dlq/inbox-state";

describe("inbox state in the URL", () => {
  it("round-trips every field", () => {
    const state = {
      filter: { errorClass: "org.apache.kafka.connect.errors.DataException", stage: "VALUE_CONVERTER", signature: "abc123", partition: 2, from: 10, to: 20, replayed: false },
      before: "500",
      record: { partition: 2, offset: "499" },
    };
    const search = inboxSearch("orders-dlq", state);
    expect(search.startsWith("?topic=orders-dlq&")).toBe(true);
    expect(inboxStateFrom(new URLSearchParams(search))).toEqual(state);
  });

  it("ignores values that do not parse", () => {
    expect(inboxStateFrom(new URLSearchParams("topic=t&partition=-1&from=soon&replayed=maybe&before=12a&record=0:5&stage=%20"))).toEqual({ filter: {} });
  });

  it("says whether a filter narrows anything", () => {
    expect(isFiltered({})).toBe(false);
    expect(isFiltered({ replayed: false })).toBe(true);
  });

  it("shortens Java class names", () => {
    expect(shortClassName("org.apache.kafka.connect.errors.DataException")).toBe("DataException");
    expect(shortClassName("Error")).toBe("Error");
    expect(shortClassName(null)).toBe("—");
  });
});
