import { describe, expect, it } from "vitest";
import { DEFAULT_NEXT, loginHref, safeNextPath } from "@/components/auth/next-path";

describe("safeNextPath", () => {
  it.each([
    ["/connectors/orders-1", "/connectors/orders-1"],
    ["/topics/t?partition=2#top", "/topics/t?partition=2#top"],
    ["/settings/tokens", "/settings/tokens"],
  ])("keeps the same-site path %s", (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });

  it.each([
    [null],
    [undefined],
    [""],
    ["connectors"],
    ["https://evil.example/"],
    ["//evil.example/x"],
    ["/\\evil.example"],
    ["/\tevil"],
    ["javascript:alert(1)"],
    ["/login"],
    ["/login?next=/x"],
  ])("refuses %s", (next) => {
    expect(safeNextPath(next)).toBe(DEFAULT_NEXT);
  });

  it("normalises dot segments without leaving the site", () => {
    expect(safeNextPath("/../../etc")).toBe("/etc");
  });
});

describe("loginHref", () => {
  it("carries the current path", () => {
    expect(loginHref("/connectors/a%2Fb?x=1")).toBe("/login?next=%2Fconnectors%2Fa%252Fb%3Fx%3D1");
  });

  it("drops a path that is not worth coming back to", () => {
    expect(loginHref("/login")).toBe("/login");
  });
});
