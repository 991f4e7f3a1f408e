import { describe, expect, it } from "vitest";
import { javaDateToString, lenientMillis } from "@/server/plugins/api/data/java-calendar";

describe("Java calendar arithmetic", () => {
  it("prints Date.toString() in UTC, with the Julian calendar before 15 October 1582", () => {
    expect(javaDateToString(new Date(0))).toBe("Thu Jan 01 00:00:00 UTC 1970");
    expect(javaDateToString(new Date("1582-10-15T00:00:00Z"))).toBe("Fri Oct 15 00:00:00 UTC 1582");
    expect(javaDateToString(new Date("1582-10-14T00:00:00Z"))).toBe("Thu Oct 04 00:00:00 UTC 1582");
    expect(javaDateToString(new Date(-62_135_596_800_000))).toBe("Mon Jan 03 00:00:00 UTC 1");
  });

  it("carries lenient fields over as GregorianCalendar does", () => {
    expect(new Date(lenientMillis({ year: 2024, month: 2, day: 30 })).toISOString()).toBe("2024-03-01T00:00:00.000Z");
    expect(new Date(lenientMillis({ year: 2024, month: 13, day: 0, hour: 25 })).toISOString()).toBe("2025-01-01T01:00:00.000Z");
    expect(new Date(lenientMillis({ year: 1500, month: 3, day: 1 })).toISOString()).toBe("1500-03-11T00:00:00.000Z");
  });
});
