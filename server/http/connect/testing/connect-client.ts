import type { ConnectHandler } from "@/server/http/connect-api";

/** How a test request reaches the handler: as the app's catch-all route or the worker's listener. */
export type Listener = "app" | "worker";

/** One call's options: a JSON body (sent with `Content-Type: application/json` unless `contentType` says otherwise) or raw text. */
export interface CallOptions {
  json?: unknown;
  text?: string;
  contentType?: string | null;
}

/**
 * A test client for the Kafka Connect REST API, test-only: builds the Request and the segments
 * exactly as the app's `/api/connect/[[...path]]` route (decoded segments under `/api/connect`)
 * or the headless worker's listener (raw segments at the root) hand them to the handler, so one
 * suite can run against either. `path` is raw URL text, like `/connectors/a%20b?expand=info`.
 */
export function connectClient(handle: ConnectHandler, listener: Listener = "app") {
  const root = listener === "app" ? "/api/connect" : "";
  return async function call(method: string, path: string, options: CallOptions = {}): Promise<Response> {
    const url = new URL(`${root}${path}`, "http://connect.test:8083");
    const raw = url.pathname.slice(root.length).split("/").filter(Boolean);
    const segments = listener === "app" ? raw.map((segment) => decodeURIComponent(segment)) : raw;
    const headers = new Headers();
    const body = options.json !== undefined ? JSON.stringify(options.json) : options.text;
    const contentType = options.contentType === undefined ? (body === undefined ? null : "application/json") : options.contentType;
    if (contentType) headers.set("content-type", contentType);
    return handle(new Request(url, { method, headers, body }), segments);
  };
}
