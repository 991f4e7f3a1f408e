import { isIP } from "node:net";
import { hostname } from "node:os";
import { TributaryError } from "@/server/errors/tributary-error";
import { checkBodySize, parseBodyLimit } from "@/server/http/body-limit";
import { connectErrorResponse, consoleErrorResponse } from "@/server/http/errors";

/**
 * The checks every API request passes before any handler runs, with the console's login off or
 * on: the same ones for the console's `/api/**` (applied by the app's `proxy.ts`) and the
 * headless worker's REST listener.
 */
export interface RequestPolicy {
  /**
   * Whether `Host` headers are checked at all: only when the server listens on a loopback
   * address (the console's default), which is what DNS rebinding attacks reach. A server bound to
   * other interfaces (a worker's default `http://:8083`) is meant to be reached by any name its
   * users give it, load balancers' included.
   */
  checkHost: boolean;
  /** Host names (lower case, no port) a request's `Host` header may name, beyond loopback names and IP addresses. */
  hosts: ReadonlySet<string>;
  /** Whether any `Host` is accepted (`TRIBUTARY_ALLOWED_HOSTS=*`). */
  anyHost: boolean;
  /** Origins (`scheme://host[:port]`, lower case) allowed to send POST, PUT, PATCH and DELETE besides the API's own. */
  origins: ReadonlySet<string>;
  /** The largest request body accepted, in bytes. */
  maxBodyBytes: number;
}

let policyCache: RequestPolicy | undefined;

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function list(value: string | undefined): string[] {
  return (value ?? "").split(",").map((item) => item.trim().toLowerCase()).filter((item) => item.length > 0);
}

/**
 * The policy from the environment: `TRIBUTARY_ALLOWED_HOSTS` and `TRIBUTARY_ALLOWED_ORIGINS`
 * (comma-separated), `TRIBUTARY_MAX_BODY_BYTES`, plus `listenHost` (the address the server
 * listens on) and this machine's host name. Throws `config.invalid_value` for a bad limit.
 */
export function requestPolicy(env: Readonly<Record<string, string | undefined>>, listenHost?: string): RequestPolicy {
  const hosts = list(env.TRIBUTARY_ALLOWED_HOSTS);
  const origins = list(env.TRIBUTARY_ALLOWED_ORIGINS).map((origin) => origin.replace(/\/+$/, ""));
  const own = [hostname().toLowerCase(), ...(listenHost ? [listenHost.toLowerCase().replace(/^\[|\]$/g, "")] : [])];
  return {
    checkHost: listenHost === undefined || isLoopbackHost(listenHost.toLowerCase().replace(/^\[|\]$/g, "")),
    hosts: new Set([...hosts.filter((host) => host !== "*"), ...own]),
    anyHost: hosts.includes("*"),
    origins: new Set(origins),
    maxBodyBytes: parseBodyLimit(env.TRIBUTARY_MAX_BODY_BYTES),
  };
}

/** Loopback names and addresses: `localhost`, `*.localhost`, 127.0.0.0/8, `::1`. */
export function isLoopbackHost(host: string): boolean {
  return host === "localhost" || host.endsWith(".localhost") || host === "::1" || (isIP(host) === 4 && host.startsWith("127."));
}

/**
 * The host name of a `Host` header (`[::1]:3000` → `::1`, `Example.com:80` → `example.com`), or
 * undefined when the header is not exactly a host and optional port (a path, user info, spaces).
 */
function hostNameOf(header: string): string | undefined {
  try {
    const url = new URL(`http://${header}`);
    if (url.host !== header.toLowerCase() && `${url.host}:80` !== header.toLowerCase()) return undefined;
    return url.hostname.replace(/^\[|\]$/g, "");
  } catch {
    return undefined;
  }
}

/**
 * Whether `host` may be named by a request: loopback names, IP addresses (a DNS rebinding attack
 * always names the attacker's domain, never an address), this machine, the listen host and the
 * configured ones.
 */
function hostAllowed(host: string, policy: RequestPolicy): boolean {
  if (policy.anyHost || policy.hosts.has(host)) return true;
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  return isIP(host) !== 0;
}

/** `text` cut to 100 characters, so a huge hostile value is not echoed whole. */
function clip(text: string): string {
  return text.length > 100 ? `${text.slice(0, 100)}…` : text;
}

/** Refuses a request whose path or query string holds a malformed `%` escape (or one that is not UTF-8). */
function checkEncoding(rawUrl: string): void {
  const pathAndQuery = rawUrl.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, "").split("#")[0]!;
  const mark = pathAndQuery.indexOf("?");
  const path = mark < 0 ? pathAndQuery : pathAndQuery.slice(0, mark);
  const query = mark < 0 ? "" : pathAndQuery.slice(mark + 1);
  for (const segment of path.split("/")) {
    try {
      decodeURIComponent(segment);
    } catch {
      throw new TributaryError("request.invalid", `The path segment '${clip(segment)}' is not valid percent-encoding: write each byte as % and two hex digits, of UTF-8 text.`);
    }
  }
  for (const part of query.split("&")) {
    try {
      decodeURIComponent(part.replace(/\+/g, " "));
    } catch {
      throw new TributaryError("request.invalid", `The query parameter '${clip(part)}' is not valid percent-encoding: write each byte as % and two hex digits, of UTF-8 text.`);
    }
  }
}

/**
 * Checks one API request before it reaches a handler; throws a TributaryError the caller answers
 * in its API's error shape:
 * - 400 `request.invalid` for malformed percent-encoding in the path or the query string;
 * - 403 `request.forbidden_host` for a `Host` header that is not this server's (DNS rebinding);
 * - 403 `request.forbidden_origin` for a POST, PUT, PATCH or DELETE sent by a web page of another
 *   origin (cross-site requests): its `Origin` must be the API's own or a configured one;
 * - 413 `request.too_large` for a declared `Content-Length` above the limit (bodies sent without
 *   one are counted while read, by readLimitedText).
 * `rawUrl` is the URL as the client sent it (`request.url` may be normalized by the framework).
 */
export function guardRequest(request: Request, policy: RequestPolicy, rawUrl: string = request.url): void {
  checkEncoding(rawUrl);
  const hostHeader = request.headers.get("host") ?? "";
  const host = hostNameOf(hostHeader);
  if (host === undefined || (policy.checkHost && !hostAllowed(host, policy))) {
    throw new TributaryError(
      "request.forbidden_host",
      `Requests for host '${clip(hostHeader)}' are refused: this server answers to its own host names only. To reach it under that name, add it to the environment variable TRIBUTARY_ALLOWED_HOSTS (comma-separated).`,
    );
  }
  if (UNSAFE_METHODS.has(request.method.toUpperCase())) {
    const origin = request.headers.get("origin");
    if (origin !== null && !originAllowed(origin, hostHeader, policy)) {
      throw new TributaryError(
        "request.forbidden_origin",
        `${request.method} requests from web pages of origin '${clip(origin)}' are refused: only this server's own pages may change things. To allow that site, add its origin to the environment variable TRIBUTARY_ALLOWED_ORIGINS (comma-separated, like https://tools.example.com).`,
      );
    }
  }
  checkBodySize(request.headers.get("content-length"), policy.maxBodyBytes);
}

/** Same origin as the API (its host and port, as the `Host` header names them), or a configured one. */
function originAllowed(origin: string, hostHeader: string, policy: RequestPolicy): boolean {
  const lower = origin.toLowerCase();
  if (policy.origins.has(lower) || policy.origins.has("*")) return true;
  try {
    const url = new URL(lower);
    return (url.protocol === "http:" || url.protocol === "https:") && url.host === new URL(`http://${hostHeader.toLowerCase()}`).host;
  } catch {
    return false;
  }
}

/**
 * The guard of this process's HTTP API, as a response: undefined when the request may go on,
 * else the refusal in the shape of the API it was sent to (Kafka Connect's `{error_code, message}`
 * under `/api/connect` and on the worker's listener, the console's shape under `/api/console`).
 * The policy is read from the environment once per process; `listenHost` is the server's address.
 */
export function guardResponse(request: Request, listenHost: string | undefined, rawUrl: string = request.url): Response | undefined {
  policyCache ??= requestPolicy(process.env, listenHost);
  try {
    guardRequest(request, policyCache, rawUrl);
    return undefined;
  } catch (error) {
    const consoleApi = /^\/api\/console(\/|$)/.test(rawUrl.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, ""));
    return consoleApi ? consoleErrorResponse(error) : connectErrorResponse(error);
  }
}
