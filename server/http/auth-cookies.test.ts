import { describe, expect, it } from "vitest";
import { clearedCookies, clientAddress, readCookie, sessionCookies } from "@/server/http/auth-cookies";

const request = (headers: Record<string, string> = {}, url = "http://console/") => new Request(url, { headers });

describe("auth cookies", () => {
  it("sets the session cookie HttpOnly and Lax, the CSRF cookie readable and Strict, Secure over HTTPS only", () => {
    expect(sessionCookies(request(), { secret: "s", csrfToken: "c" })).toEqual(["tributary_session=s; Path=/; HttpOnly; SameSite=Lax", "tributary_csrf=c; Path=/; SameSite=Strict"]);
    expect(sessionCookies(request({ "x-forwarded-proto": "https" }), { secret: "s", csrfToken: "c" }).every((value) => value.endsWith("; Secure"))).toBe(true);
    expect(clearedCookies(request()).every((value) => value.includes("Max-Age=0"))).toBe(true);
  });

  it("reads one cookie among others, and the client's address", () => {
    expect(readCookie(request({ cookie: "a=1; tributary_session=xyz; b=2" }), "tributary_session")).toBe("xyz");
    expect(readCookie(request({ cookie: "tributary_session_x=1" }), "tributary_session")).toBeUndefined();
    expect(readCookie(request({ cookie: "tributary_session=%E0%A4%A" }), "tributary_session")).toBe("%E0%A4%A");
    expect(clientAddress(request({ "x-forwarded-for": "10.1.1.1, 10.0.0.1" }))).toBe("10.1.1.1");
    expect(clientAddress(request())).toBe("");
  });
});
