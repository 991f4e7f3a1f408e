import { hostname } from "node:os";
import { describe, expect, it } from "vitest";
import { readLimitedText } from "@/server/http/body-limit";
import { guardRequest, guardResponse, requestPolicy } from "@/server/http/request-guard";

const policy = requestPolicy({}, "127.0.0.1");
const request = (url: string, init: { method?: string; headers?: Record<string, string>; body?: BodyInit } = {}) =>
  new Request(url, { method: init.method ?? "GET", headers: { host: "127.0.0.1:3000", ...init.headers }, body: init.body, ...(init.body ? { duplex: "half" } : {}) } as RequestInit);
const refusal = (req: Request, p = policy) => {
  try {
    guardRequest(req, p);
    return undefined;
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe("the request guard", () => {
  it("answers to loopback names, IP addresses, this machine and the listen host, and refuses other Host headers", () => {
    for (const host of ["127.0.0.1:3000", "localhost:3000", "LOCALHOST", "app.localhost:1", "[::1]:3000", "10.1.2.3:8083", `${hostname()}:3000`]) {
      expect(refusal(request("http://127.0.0.1:3000/api/connect/", { headers: { host } })), host).toBeUndefined();
    }
    for (const host of ["evil.example", "evil.example:3000", "localhost.evil.example", "localhost/x", "a b", ""]) {
      expect(refusal(request("http://127.0.0.1:3000/api/connect/", { headers: { host } })), host).toBe("request.forbidden_host");
    }
    const named = requestPolicy({ TRIBUTARY_ALLOWED_HOSTS: " Connect.Example.com , other" }, "localhost");
    expect(refusal(request("http://x/api/connect/", { headers: { host: "connect.example.com:8083" } }), named)).toBeUndefined();
    expect(refusal(request("http://x/api/connect/", { headers: { host: "evil.example" } }), named)).toBe("request.forbidden_host");
    expect(refusal(request("http://x/api/connect/", { headers: { host: "evil.example" } }), requestPolicy({ TRIBUTARY_ALLOWED_HOSTS: "*" }))).toBeUndefined();
  });

  it("checks Host only on a loopback listener: a worker on all interfaces answers to whatever name its users give it", () => {
    for (const listen of ["", "0.0.0.0", "::", "connect.internal"]) {
      expect(refusal(request("http://x/connectors", { headers: { host: "connect-lb.example.com:8083" } }), requestPolicy({}, listen)), listen).toBeUndefined();
    }
    for (const listen of [undefined, "127.0.0.1", "localhost", "[::1]"]) {
      expect(refusal(request("http://x/connectors", { headers: { host: "evil.example" } }), requestPolicy({}, listen)), listen).toBe("request.forbidden_host");
    }
  });

  it("refuses writes from web pages of another origin, allows the API's own origin, tools without Origin and configured origins", () => {
    const write = (origin: string | undefined, method = "POST", p = policy) =>
      refusal(request("http://127.0.0.1:3000/api/connect/connectors", { method, headers: origin ? { origin } : {} }), p);
    expect(write(undefined)).toBeUndefined();
    expect(write("http://127.0.0.1:3000")).toBeUndefined();
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) expect(write("http://evil.example", method)).toBe("request.forbidden_origin");
    expect(write("http://127.0.0.1:8080")).toBe("request.forbidden_origin");
    expect(write("null")).toBe("request.forbidden_origin");
    expect(refusal(request("http://127.0.0.1:3000/api/connect/connectors", { headers: { origin: "http://evil.example" } }))).toBeUndefined();
    expect(write("https://tools.example.com", "DELETE", requestPolicy({ TRIBUTARY_ALLOWED_ORIGINS: "https://tools.example.com/" }))).toBeUndefined();
  });

  it("refuses malformed percent-encoding in the path and the raw query, and oversized declared bodies", () => {
    expect(refusal(request("http://127.0.0.1:3000/api/connect/connectors/%E0%A4%A"))).toBe("request.invalid");
    expect(refusal(request("http://127.0.0.1:3000/api/connect/connectors?expand=%ZZ"))).toBe("request.invalid");
    expect(refusal(request("http://127.0.0.1:3000/api/connect/connectors/a%20b%2Fc?expand=status&q=%E2%82%AC+x"))).toBeUndefined();
    const big = request("http://127.0.0.1:3000/api/connect/connectors", { method: "POST", headers: { "content-length": String(1024 * 1024 + 1) } });
    expect(refusal(big)).toBe("request.too_large");
  });

  it("answers refusals in the shape of the API they were sent to", async () => {
    const connect = guardResponse(request("http://127.0.0.1:3000/api/connect/connectors", { headers: { host: "evil.example" } }), "127.0.0.1")!;
    expect(connect.status).toBe(403);
    expect(Object.keys(await connect.json())).toEqual(["error_code", "message"]);
    const console = guardResponse(request("http://127.0.0.1:3000/api/console/health", { headers: { host: "evil.example" } }), "127.0.0.1")!;
    expect(await console.json()).toMatchObject({ error_code: 403, code: "request.forbidden_host", message: expect.stringContaining("TRIBUTARY_ALLOWED_HOSTS") });
  });

  it("reads bodies sent without a length up to the limit, and stops with 413 past it", async () => {
    const stream = (bytes: number) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (let sent = 0; sent < bytes; sent += 1000) controller.enqueue(new Uint8Array(Math.min(1000, bytes - sent)).fill(97));
          controller.close();
        },
      });
    const post = (bytes: number) => request("http://127.0.0.1:3000/api/connect/connectors", { method: "POST", body: stream(bytes) });
    expect((await readLimitedText(post(5000), 5000)).length).toBe(5000);
    await expect(readLimitedText(post(5001), 5000)).rejects.toMatchObject({ code: "request.too_large", message: expect.stringContaining("limit of 5000 bytes") });
    expect(() => requestPolicy({ TRIBUTARY_MAX_BODY_BYTES: "1mb" })).toThrow('TRIBUTARY_MAX_BODY_BYTES must be a positive number of bytes, got "1mb".');
    expect(requestPolicy({ TRIBUTARY_MAX_BODY_BYTES: "2048" }).maxBodyBytes).toBe(2048);
  });
});
