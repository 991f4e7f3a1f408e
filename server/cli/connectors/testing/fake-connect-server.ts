import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** A request as the fake server received it: raw path with query, content type, body text. */
export interface RecordedRequest {
  method: string;
  path: string;
  contentType: string | undefined;
  body: string;
}

/** One canned answer: a status and a JSON body, raw text, or nothing (204/202 without a body). */
export interface CannedResponse {
  status: number;
  json?: unknown;
  text?: string;
}

/** A running fake Connect REST API. */
export interface FakeConnect {
  /** Base URL to pass as --url, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * Test-only: a `node:http` server on 127.0.0.1 (a free port) that answers canned Connect
 * responses keyed by `"METHOD /raw/path?query"`, and Connect's own 404 for anything else. It is
 * a fake of the API's wire behaviour, for testing the `tributary connectors` client; it does not
 * model a worker.
 */
export async function startFakeConnect(routes: Record<string, CannedResponse>): Promise<FakeConnect> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const method = req.method ?? "GET";
      const path = req.url ?? "/";
      requests.push({ method, path, contentType: req.headers["content-type"], body: Buffer.concat(chunks).toString("utf8") });
      const canned = routes[`${method} ${path}`] ?? { status: 404, json: { error_code: 404, message: "HTTP 404 Not Found" } };
      res.statusCode = canned.status;
      if (canned.json !== undefined) {
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify(canned.json));
      } else {
        res.end(canned.text);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
