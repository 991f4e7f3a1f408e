import { describe, expect, it } from "vitest";
import { SimpleDateFormat } from "@/server/plugins/transforms/simple-date-format";

const INSTANT = new Date(Date.UTC(2024, 0, 5, 13, 7, 9, 45));

describe("SimpleDateFormat", () => {
  it.each([
    ["yyyyMMdd", "20240105"],
    ["yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", "2024-01-05T13:07:09.045Z"],
    ["yy/M/d H:m:s.S", "24/1/5 13:7:9.45"],
    ["EEE, d MMM yyyy hh:mm a z", "Fri, 5 Jan 2024 01:07 PM UTC"],
    ["EEEE MMMM dd", "Friday January 05"],
    ["k K h", "13 1 1"],
    ["D u G", "5 5 AD"],
    ["HH:mm Z X", "13:07 +0000 Z"],
    ["'at' HH 'o''clock' ''", "at 13 o'clock '"],
    ["SSSSS", "00045"],
  ])("formats %j as %j, in UTC", (pattern, expected) => {
    expect(SimpleDateFormat.compile(pattern).format(INSTANT)).toBe(expected);
  });

  it("writes midnight as hour 24 with k and 12 with h", () => {
    expect(SimpleDateFormat.compile("k h a").format(new Date(0))).toBe("24 12 AM");
  });

  it.each([
    ["yyyyMMdd", "20240105", Date.UTC(2024, 0, 5)],
    ["yyyy-MM-dd HH:mm:ss.SSS", "2024-01-05 13:07:09.045", INSTANT.getTime()],
    ["yyyy-MM-dd'T'HH:mm:ssX", "2024-01-05T13:07:09+02:00", Date.UTC(2024, 0, 5, 11, 7, 9)],
    ["yyyy-MM-dd'T'HH:mm:ssZ", "2024-01-05T13:07:09-0130", Date.UTC(2024, 0, 5, 14, 37, 9)],
    ["yyyy-MM-dd'T'HH:mm:ssX", "2024-01-05T13:07:09Z", Date.UTC(2024, 0, 5, 13, 7, 9)],
    ["dd MMM yyyy hh:mm a", "05 jan 2024 01:07 pm", Date.UTC(2024, 0, 5, 13, 7)],
    ["d MMMM yyyy", "5 January 2024", Date.UTC(2024, 0, 5)],
    ["EEE yyyy-M-d", "Mon 2024-1-5", Date.UTC(2024, 0, 5)],
    ["yyyy-MM-dd", "2024-13-01", Date.UTC(2025, 0, 1)],
    ["yyyy-MM-dd", "2024-01-05 trailing text", Date.UTC(2024, 0, 5)],
    ["HH:mm", "25:00", Date.UTC(1970, 0, 2, 1)],
    ["yyyy D", "2024 60", Date.UTC(2024, 1, 29)],
    ["yyyy", "0099", new Date("0099-01-01T00:00:00Z").getTime()],
  ])("parses %j: %j, leniently as Java does", (pattern, text, expected) => {
    expect(SimpleDateFormat.compile(pattern).parse(text)?.getTime()).toBe(expected);
  });

  it("reads a two-digit year within 80 years before and 20 after now", () => {
    const thisYear = new Date().getUTCFullYear();
    const soon = String((thisYear + 5) % 100).padStart(2, "0");
    expect(SimpleDateFormat.compile("yy").parse(soon)?.getUTCFullYear()).toBe(thisYear + 5);
    const past = String((thisYear - 50) % 100).padStart(2, "0");
    expect(SimpleDateFormat.compile("yy").parse(past)?.getUTCFullYear()).toBe(thisYear - 50);
  });

  it.each([
    ["yyyyMMdd", "202401"],
    ["yyyy-MM-dd", "2024/01/05"],
    ["yyyy-MM-dd", ""],
    ["MMM", "Foo"],
  ])("gives null when %j does not fit %j", (pattern, text) => {
    expect(SimpleDateFormat.compile(pattern).parse(text)).toBeNull();
  });

  it("formats US weeks as a JVM in an en_US locale does (Sunday first; late December can be week 1 of the next year)", () => {
    const weeks = SimpleDateFormat.compile("YYYY-ww W F");
    expect(weeks.format(new Date("2023-11-14T12:00:00Z"))).toBe("2023-46 3 2");
    expect(weeks.format(new Date("2024-12-29T12:00:00Z"))).toBe("2025-01 5 5");
    expect(weeks.format(new Date("2024-12-28T12:00:00Z"))).toBe("2024-52 4 4");
  });

  it.each([
    ["yyyy-qq", "Illegal pattern character 'q'"],
    ["'unterminated", "Unterminated quote"],
  ])("refuses the pattern %j", (pattern, message) => {
    expect(() => SimpleDateFormat.compile(pattern)).toThrow(message);
  });
});
