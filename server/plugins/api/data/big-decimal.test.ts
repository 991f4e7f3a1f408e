import { describe, expect, it } from "vitest";
import { BigDecimal } from "@/server/plugins/api/data/big-decimal";

describe("BigDecimal", () => {
  // Expected strings are Java's new BigDecimal(input).toString().
  it.each([
    ["5.00", 500n, 2, "5.00"],
    ["-1.5", -15n, 1, "-1.5"],
    ["0", 0n, 0, "0"],
    ["0.000001", 1n, 6, "0.000001"],
    ["0.0000001", 1n, 7, "1E-7"],
    ["1E+3", 1n, -3, "1E+3"],
    ["1.23E+4", 123n, -2, "1.23E+4"],
    ["+.5", 5n, 1, "0.5"],
    ["123456789012345678901234567890.12", 12345678901234567890123456789012n, 2, "123456789012345678901234567890.12"],
  ])("parses %s like Java", (text, unscaled, scale, printed) => {
    const value = BigDecimal.parse(text);
    expect([value.unscaled, value.scale]).toEqual([unscaled, scale]);
    expect(value.toString()).toBe(printed);
  });

  it("refuses text that is not a number", () => {
    for (const text of ["", "-", "1.2.3", "abc", "1e", "0x10"]) expect(() => BigDecimal.parse(text)).toThrow("Invalid decimal number");
  });

  it("rescales only exactly, and compares ignoring scale", () => {
    expect(BigDecimal.parse("5").setScale(2).toString()).toBe("5.00");
    expect(BigDecimal.parse("5.10").setScale(1).toString()).toBe("5.1");
    expect(() => BigDecimal.parse("5.15").setScale(1)).toThrow("without rounding");
    expect(BigDecimal.parse("5.0").compareTo(BigDecimal.parse("5.00"))).toBe(0);
    expect(BigDecimal.parse("5.0").equals(BigDecimal.parse("5.00"))).toBe(false);
    expect(BigDecimal.parse("1E+3").toPlainString()).toBe("1000");
    expect(BigDecimal.parse("-0.25").toNumber()).toBe(-0.25);
    expect(BigDecimal.parse("-12.5").precision()).toBe(3);
  });
});
