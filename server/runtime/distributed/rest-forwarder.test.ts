import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { withForwardHop } from "@/server/runtime/distributed/forwarding";
import { restForwarder } from "@/server/runtime/distributed/rest-forwarder";

describe("restForwarder", () => {
  it("carries the caller's Authorization header to the leader, and none when the caller sent none", async () => {
    const seen: IncomingHttpHeaders[] = [];
    const server = createServer((req, res) => {
      seen.push(req.headers);
      res.statusCode = 204;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const forward = restForwarder(url);
      await withForwardHop(null, () => forward({ op: "deleteConnector", name: "a" } as never), "Basic YWxpY2U6cHc=");
      await withForwardHop(null, () => forward({ op: "deleteConnector", name: "a" } as never));
      expect(seen[0]!.authorization).toBe("Basic YWxpY2U6cHc=");
      expect(seen[1]!.authorization).toBeUndefined();
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
