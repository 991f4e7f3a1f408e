import { describe, expect, it } from "vitest";
import { cookieValue, withCsrf } from "@/components/queries/api-fetch";

describe("cookieValue", () => {
  it("finds a cookie among others", () => {
    expect(cookieValue("theme=dark; tributary_csrf=abc123; other=1", "tributary_csrf")).toBe("abc123");
  });

  it("decodes the value and ignores look-alike names", () => {
    expect(cookieValue("xtributary_csrf=no; tributary_csrf=a%2Bb", "tributary_csrf")).toBe("a+b");
  });

  it("is undefined when absent or empty", () => {
    expect(cookieValue("", "tributary_csrf")).toBeUndefined();
    expect(cookieValue("tributary_csrf=", "tributary_csrf")).toBeUndefined();
  });
});

describe("withCsrf", () => {
  const cookies = "tributary_csrf=tok";

  it.each(["POST", "PUT", "PATCH", "DELETE", "post"])("adds the header to %s", (method) => {
    expect(withCsrf(method, { accept: "application/json" }, cookies)).toEqual({ accept: "application/json", "x-csrf-token": "tok" });
  });

  it.each(["GET", "HEAD", "OPTIONS"])("leaves %s alone", (method) => {
    expect(withCsrf(method, {}, cookies)).toEqual({});
  });

  it("sends nothing without the cookie (login off)", () => {
    expect(withCsrf("POST", {}, "theme=dark")).toEqual({});
  });
});
