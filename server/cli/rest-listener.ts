import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { BasicAuthCheck } from "@/server/cli/rest-basic-auth";
import { parseListener } from "@/server/config/worker-config";
import { TributaryError } from "@/server/errors/tributary-error";
import { handleConnectRequest } from "@/server/http/connect-api";
import { prometheusMetricsResponse } from "@/server/http/prometheus-metrics";
import { guardResponse, requestPolicy } from "@/server/http/request-guard";
import { getLogger } from "@/server/logging/logger";

const log = getLogger("tributary.rest");

/** A running REST listener; `port` is the bound port (useful when `:0` asked for a free one). */
export interface RestListener {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Bytes of an unread request body drained after the answer before the connection is dropped instead. */
const DRAIN_LIMIT = 64 * 1024 * 1024;

/**
 * The request's body as a stream read only on demand (so an answer sent before reading it, such
 * as a 413, leaves it unread), and `drain`, called once the answer is sent: it discards what was
 * not read so the connection stays usable for the next request, or drops it past DRAIN_LIMIT.
 */
function requestBody(req: IncomingMessage): { body: ReadableStream<Uint8Array>; drain: () => void } {
  let discarding = false;
  let discarded = 0;
  const drain = () => {
    if (discarding || req.complete) return;
    discarding = true;
    req.resume();
  };
  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        req.on("data", (chunk: Buffer) => {
          if (discarding) {
            discarded += chunk.byteLength;
            if (discarded > DRAIN_LIMIT) req.socket.destroy();
            return;
          }
          controller.enqueue(new Uint8Array(chunk));
          req.pause();
        });
        req.on("end", () => discarding || controller.close());
        req.on("error", (error) => discarding || controller.error(error));
        req.pause();
      },
      pull() {
        req.resume();
      },
      cancel() {
        drain();
      },
    },
    { highWaterMark: 0 },
  );
  return { body, drain };
}

function toRequest(req: IncomingMessage, origin: string, body: ReadableStream<Uint8Array> | undefined): Request {
  const method = req.method ?? "GET";
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
    else if (value !== undefined) headers.set(name, value);
  }
  return new Request(new URL(req.url ?? "/", origin), { method, headers, body, ...(body ? { duplex: "half" } : {}) } as RequestInit);
}

/** `http://<host>` of a `Host` header that is exactly a host and optional port, else `http://localhost`. */
function originOf(host: string | undefined): string {
  try {
    const url = new URL(`http://${host}`);
    return url.host === host?.toLowerCase() ? url.origin : "http://localhost";
  } catch {
    return "http://localhost";
  }
}

const FETCH_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/**
 * Requests a worker with Basic auth answers without credentials, as Kafka Connect's
 * BasicAuthSecurityRestExtension does: `GET /` and `/health`, and the internal task-config POST
 * that workers send each other (Kafka Connect checks that one with its session key's signature
 * instead; Tributary does not sign it yet, so keep worker ports on the cluster's network).
 */
function exemptFromBasic(method: string, segments: string[]): boolean {
  if ((method === "GET" || method === "HEAD") && (segments.length === 0 || (segments.length === 1 && segments[0] === "health"))) return true;
  return method === "POST" && segments.length === 3 && segments[0] === "connectors" && segments[2] === "tasks";
}

/** The answer to one request: the guard's refusal, Basic auth's 401, the metrics, or the Connect API's answer. */
async function answer(req: IncomingMessage, listenHost: string, body: ReadableStream<Uint8Array> | undefined, basicAuth?: BasicAuthCheck): Promise<Response> {
  // Methods a fetch Request cannot carry (TRACE, CONNECT, …) are no Connect method either.
  if (!FETCH_METHODS.has(req.method ?? "")) return Response.json({ error_code: 405, message: "HTTP 405 Method Not Allowed" }, { status: 405 });
  // The Host header only builds request.url here; a malformed one is refused by the guard.
  const origin = originOf(req.headers.host);
  let url: URL;
  try {
    url = new URL(req.url ?? "/", origin);
  } catch {
    return Response.json({ error_code: 400, message: "The request target is not a valid URL path." }, { status: 400 });
  }
  const request = toRequest(req, origin, body);
  const refusal = guardResponse(request, listenHost, req.url);
  if (refusal) return refusal;
  const segments = url.pathname.split("/").filter(Boolean);
  if (basicAuth && !exemptFromBasic(req.method ?? "GET", segments) && !basicAuth(request.headers.get("authorization"))) {
    return Response.json(
      { error_code: 401, message: "This worker asks for HTTP Basic credentials (a user of its JAAS credentials file)." },
      { status: 401, headers: { "www-authenticate": 'Basic realm="Tributary"' } },
    );
  }
  if (req.method === "GET" && url.pathname === "/metrics") return prometheusMetricsResponse();
  return handleConnectRequest(request, segments);
}

/**
 * Writes `response`. When the request's body is still unread and declared larger than DRAIN_LIMIT
 * (or sent chunked, of unknown size), the connection is closed after the answer instead of being drained.
 */
async function send(req: IncomingMessage, res: ServerResponse, response: Response): Promise<void> {
  const length = req.headers["content-length"];
  const declared = length !== undefined ? Number(length) : req.headers["transfer-encoding"] ? Number.POSITIVE_INFINITY : 0;
  if (!req.complete && !(declared <= DRAIN_LIMIT)) res.shouldKeepAlive = false;
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.end(response.body ? Buffer.from(await response.arrayBuffer()) : undefined);
}

/**
 * Serves the Kafka Connect REST API at the root of one `listeners` entry (`http://:8083`), for the
 * headless worker, and the worker's Prometheus metrics at `GET /metrics`, each request after the
 * request guard (server/http/request-guard.ts) and, with `basicAuth` (rest-basic-auth.ts), after a
 * check of its Basic credentials (401 with `WWW-Authenticate` without them; `GET /`, `/health`
 * and the internal task-config POST are exempt). Resolves once listening; rejects for a bad
 * `TRIBUTARY_MAX_BODY_BYTES`; rejects if the port is taken. HTTPS listeners need
 * `listeners.https.*` key material, not supported yet: they are refused with a clear error.
 */
export async function startRestListener(entry: string, basicAuth?: BasicAuthCheck): Promise<RestListener> {
  const { protocol, host, port } = parseListener(entry);
  if (protocol !== "http") {
    throw new TributaryError("config.invalid_value", `Listener ${entry}: only http:// listeners are supported so far.`, {
      suggestion: "Use an http:// listener, behind a TLS-terminating proxy if needed.",
    });
  }
  requestPolicy(process.env, host);
  const server: Server = createServer((req, res) => {
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    const { body, drain } = requestBody(req);
    answer(req, host, hasBody ? body : undefined, basicAuth)
      .then((response) => send(req, res, response))
      .finally(drain)
      .catch((error) => {
        log.error({ err: error }, "REST listener failed to answer");
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host || undefined, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const bound = typeof address === "object" && address ? address.port : port;
  const url = `http://${host || "localhost"}:${bound}`;
  log.info({ url }, "REST API listening");
  return {
    url,
    port: bound,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
