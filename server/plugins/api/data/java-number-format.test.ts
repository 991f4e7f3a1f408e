import { describe, expect, it } from "vitest";
import { javaDoubleToString, javaFloatToString } from "@/server/plugins/api/data/java-number-format";

describe("Java number formats", () => {
  // Expected strings are what Java 19+ Double.toString prints.
  it.each([
    [5, "5.0"],
    [-0, "-0.0"],
    [0, "0.0"],
    [12.34, "12.34"],
    [0.001, "0.001"],
    [0.0001, "1.0E-4"],
    [9999999, "9999999.0"],
    [1e7, "1.0E7"],
    [1.5e300, "1.5E300"],
    [-2.5e-10, "-2.5E-10"],
    [0.7142857142857143, "0.7142857142857143"],
    [Number.NaN, "NaN"],
    [Number.NEGATIVE_INFINITY, "-Infinity"],
  ])("Double.toString(%s) = %s", (value, expected) => {
    expect(javaDoubleToString(value)).toBe(expected);
  });

  // Expected strings are what Java prints for the float nearest the value.
  it.each([
    [0.1, "0.1"],
    [Math.fround(0.1), "0.1"],
    [12.34, "12.34"],
    [1.5, "1.5"],
    [3.141592653589793, "3.1415927"],
    [1e10, "1.0E10"],
    [16777216, "1.6777216E7"],
  ])("Float.toString(%s) = %s", (value, expected) => {
    expect(javaFloatToString(value)).toBe(expected);
  });
});
