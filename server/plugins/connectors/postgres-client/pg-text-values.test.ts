import { describe, expect, it } from "vitest";
import { formatPgInstant, parsePgDate, parsePgInstant, parsePgTime } from "@/server/plugins/connectors/postgres-client/pg-text-values";

describe("PostgreSQL text values", () => {
  it("reads timestamps to the nanosecond of their second, with or without an offset", () => {
    expect(parsePgInstant("2024-05-01 12:00:00.123456")).toEqual({ millis: Date.UTC(2024, 4, 1, 12, 0, 0, 123), nanos: 123_456_000 });
    expect(parsePgInstant("2024-05-01 14:00:00+02")).toEqual({ millis: Date.UTC(2024, 4, 1, 12), nanos: 0 });
    expect(parsePgInstant("1969-12-31 23:59:59.5+00")).toEqual({ millis: -500, nanos: 500_000_000 });
    expect(parsePgDate("1815-12-10").getTime()).toBe(Date.UTC(1815, 11, 10));
    expect(parsePgTime("01:02:03.004").getTime()).toBe(3_723_004);
  });

  it("writes an instant back with its microseconds, so queries resume exactly where they stopped", () => {
    for (const text of ["2024-05-01 12:00:00.123456+00", "1969-12-31 23:59:59.500000+00"]) expect(formatPgInstant(parsePgInstant(text))).toBe(text);
  });
});
