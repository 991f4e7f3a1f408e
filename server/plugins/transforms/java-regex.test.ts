import { describe, expect, it } from "vitest";
import { JavaPattern } from "@/server/plugins/transforms/java-regex";

describe("JavaPattern", () => {
  it.each([
    ["a.*", "abc", true],
    ["b", "abc", false],
    ["a|ab", "ab", true],
    ["foo-\\d+", "foo-12", true],
    ["foo-\\d+", "foo-12x", false],
    ["(?i)orders", "ORDERS", true],
    ["\\Qa.b\\E", "a.b", true],
    ["\\Qa.b\\E", "axb", false],
    ["\\Aabc\\z", "abc", true],
    ["abc", "abc\n", false],
  ])("matches(%j) on %j is %s, the whole input only", (regex, text, expected) => {
    expect(JavaPattern.compile(regex).matches(text)).toBe(expected);
  });

  it.each([
    ["(.*)-(\\d+)", "orders-42", "$2_$1", "42_orders"],
    ["(?<name>[a-z]+)\\.(?<n>\\d)", "topic.1", "${n}:${name}", "1:topic"],
    ["(a)(b)", "ab", "\\$1 is $1", "$1 is a"],
    ["(a)", "a", "$10", "a0"],
    ["(a)?b", "b", "[$1]", "[]"],
    ["a|ab", "ab", "X", "Xb"],
    ["x", "abc", "y", "abc"],
  ])("replaceFirst of /%s/ on %j with %j gives %j, as Java does", (regex, text, replacement, expected) => {
    const pattern = JavaPattern.compile(regex);
    expect(pattern.replaceFirst(text, pattern.compileReplacement(replacement))).toBe(expected);
  });

  it("takes as many digits of a group number as still name a group", () => {
    const pattern = JavaPattern.compile("(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)");
    expect(pattern.groupCount).toBe(11);
    expect(pattern.replaceFirst("abcdefghijk", pattern.compileReplacement("$11$12"))).toBe("ka2");
  });

  it.each([
    ["(a)", "$2", "No group 2"],
    ["(a)", "$x", "Illegal group reference"],
    ["(a)", "tail$", "Illegal group reference: group index is missing"],
    ["(a)", "tail\\", "character to be escaped is missing"],
    ["(a)", "${missing}", "No group with name {missing}"],
    ["(a)", "${open", "named capturing group is missing trailing '}'"],
  ])("refuses the replacement of /%s/ %j: %s", (regex, replacement, message) => {
    expect(() => JavaPattern.compile(regex).compileReplacement(replacement)).toThrow(message);
  });

  it.each([["(unclosed"], ["a*+"], ["(?x)a"], ["[z-a]"], ["\\p{Alpha}+"], ["a\\hb"]])("refuses %j at compile time", (regex) => {
    expect(() => JavaPattern.compile(regex)).toThrow(SyntaxError);
  });
});
