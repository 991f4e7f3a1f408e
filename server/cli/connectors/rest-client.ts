import { CommandError } from "@/server/cli/connectors/command-errors";

/** A successful answer of the Connect REST API: its status and parsed JSON body (undefined when empty). */
export interface ConnectResponse {
  status: number;
  body: unknown;
}

/**
 * A tiny client of the Kafka Connect REST API, for the `tributary connectors` commands. Works
 * against Tributary (worker root or the console's `/api/connect`) and Apache Kafka Connect alike.
 */
export interface ConnectRestClient {
  /** The API's base URL, without a trailing slash, as error messages name it. */
  readonly baseUrl: string;
  /**
   * Sends one request; `path` starts with `/` and carries its query string, path segments already
   * encoded. A `body` is sent as JSON with `Content-Type: application/json`. Resolves with 2xx
   * answers only; throws CommandError with Connect's `message` (on one line) for any other status,
   * and with "cannot reach …" when no connection could be made.
   */
  request(method: string, path: string, body?: unknown): Promise<ConnectResponse>;
}

/** Creates a client for the API at `baseUrl` (an http(s) URL, trailing slashes ignored). */
export function connectRestClient(baseUrl: string, fetchImpl: typeof fetch = fetch): ConnectRestClient {
  const base = baseUrl.replace(/\/+$/, "");
  return {
    baseUrl: base,
    async request(method, path, body) {
      const headers: Record<string, string> = { accept: "application/json" };
      if (body !== undefined) headers["content-type"] = "application/json";
      let response: Response;
      let text: string;
      try {
        response = await fetchImpl(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
        text = await response.text();
      } catch (error) {
        throw new CommandError(unreachableMessage(base, error));
      }
      if (!response.ok) throw new CommandError(oneLine(errorMessage(text) ?? `${method} ${base}${path} answered HTTP ${response.status} ${response.statusText}`.trim()));
      if (text.trim() === "") return { status: response.status, body: undefined };
      try {
        return { status: response.status, body: JSON.parse(text) as unknown };
      } catch {
        throw new CommandError(`${method} ${base}${path} answered HTTP ${response.status} with a body that is not JSON`);
      }
    },
  };
}

/** Connect's error body is `{"error_code": …, "message": …}`; anything else has no message to show. */
function errorMessage(text: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === "object" && parsed !== null && "message" in parsed && typeof parsed.message === "string" && parsed.message.trim() !== "") {
      return parsed.message;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, " ").trim();
}

/** Node's fetch fails with "fetch failed" and the socket error (or an AggregateError of them) as cause. */
function unreachableMessage(base: string, error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
  const codes = [cause, ...(cause instanceof AggregateError ? cause.errors : [])].map((e) => (e as { code?: unknown } | undefined)?.code);
  if (codes.includes("ECONNREFUSED")) return `cannot reach the Connect REST API at ${base} (is the worker running?)`;
  const reason = cause?.message || (error instanceof Error ? error.message : String(error));
  return `cannot reach the Connect REST API at ${base}: ${oneLine(reason)}`;
}
