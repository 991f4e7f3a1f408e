import { ConfigDef, ConfigException, ConfigType, Importance, Range, ValidString, Width, type ConfigValue, type Password } from "@/server/plugins/api/config-def";

/** The HTTP sink's config, parsed once. */
export interface HttpSinkSettings {
  url: URL;
  method: "POST" | "PUT";
  /** Request headers from `headers` plus the Authorization header of `auth.type`; secret values stay in here only. */
  headers: Record<string, string>;
  bodyFormat: "json" | "string";
  batchMaxSize: number;
  maxRetries: number;
  retryBackoffMs: number;
  retryBackoffMaxMs: number;
  requestTimeoutMs: number;
}

const CONNECTION = "Connection";
const REQUESTS = "Requests";
const RETRIES = "Retries";
const choices = (values: readonly string[]) => ({ validValues: () => [...values], visible: () => true });
const authVisible = (type: string) => ({ validValues: () => [], visible: (_name: string, parsed: ReadonlyMap<string, unknown>) => String(parsed.get("auth.type") ?? "NONE").toUpperCase() === type });

/**
 * The HTTP sink's keys, named as Confluent's HTTP sink names them where they mean the same:
 * `http.api.url`, `request.method`, `headers` (`Name: value` pairs separated by
 * `header.separator`), `auth.type` (NONE, BASIC with connection.user / connection.password, or
 * BEARER with bearer.token), `batch.max.size`, `request.body.format`, `max.retries`,
 * `retry.backoff.ms`.
 */
export function httpSinkConfigDef(): ConfigDef {
  let order = 0;
  const def = new ConfigDef()
    .define({ name: "http.api.url", type: ConfigType.STRING, importance: Importance.HIGH, group: CONNECTION, orderInGroup: ++order, width: Width.LONG, displayName: "HTTP URL", documentation: "The URL records are sent to (http:// or https://)" })
    .define({ name: "request.method", type: ConfigType.STRING, default: "POST", validator: ValidString.in("POST", "PUT"), recommender: choices(["POST", "PUT"]), importance: Importance.HIGH, group: CONNECTION, orderInGroup: ++order, width: Width.SHORT, displayName: "Request method", documentation: "POST or PUT" })
    .define({ name: "auth.type", type: ConfigType.STRING, default: "NONE", validator: ValidString.in("NONE", "BASIC", "BEARER"), recommender: choices(["NONE", "BASIC", "BEARER"]), dependents: ["connection.user", "connection.password", "bearer.token"], importance: Importance.HIGH, group: CONNECTION, orderInGroup: ++order, width: Width.SHORT, displayName: "Authentication", documentation: "NONE, BASIC (connection.user and connection.password) or BEARER (bearer.token)" })
    .define({ name: "connection.user", type: ConfigType.STRING, default: null, recommender: authVisible("BASIC"), importance: Importance.HIGH, group: CONNECTION, orderInGroup: ++order, width: Width.MEDIUM, displayName: "User", documentation: "The user of basic authentication" })
    .define({ name: "connection.password", type: ConfigType.PASSWORD, default: null, recommender: authVisible("BASIC"), importance: Importance.HIGH, group: CONNECTION, orderInGroup: ++order, width: Width.MEDIUM, displayName: "Password", documentation: "The password of basic authentication" })
    .define({ name: "bearer.token", type: ConfigType.PASSWORD, default: null, recommender: authVisible("BEARER"), importance: Importance.HIGH, group: CONNECTION, orderInGroup: ++order, width: Width.LONG, displayName: "Bearer token", documentation: "The token sent as Authorization: Bearer <token>" })
    .define({ name: "headers", type: ConfigType.STRING, default: "", importance: Importance.MEDIUM, group: CONNECTION, orderInGroup: ++order, width: Width.LONG, displayName: "Headers", documentation: "Extra request headers as Name: value pairs separated by header.separator, e.g. X-Team: data|X-Env: prod" })
    .define({ name: "header.separator", type: ConfigType.STRING, default: "|", importance: Importance.LOW, group: CONNECTION, orderInGroup: ++order, width: Width.SHORT, displayName: "Header separator", documentation: "What separates the pairs in headers" });
  order = 0;
  def
    .define({ name: "batch.max.size", type: ConfigType.INT, default: 100, validator: Range.between(1, 1_000_000), importance: Importance.HIGH, group: REQUESTS, orderInGroup: ++order, width: Width.SHORT, displayName: "Batch size", documentation: "Most records per request; each request's body is a JSON array of record values" })
    .define({ name: "request.body.format", type: ConfigType.STRING, default: "json", validator: ValidString.in("json", "string"), recommender: choices(["json", "string"]), importance: Importance.MEDIUM, group: REQUESTS, orderInGroup: ++order, width: Width.SHORT, displayName: "Body format", documentation: "json: each value as JSON (a Struct as an object); string: each value's text is put in the array as is (values already holding JSON text, e.g. from the StringConverter)" })
    .define({ name: "http.request.timeout.ms", type: ConfigType.INT, default: 30000, validator: Range.atLeast(1), importance: Importance.LOW, group: REQUESTS, orderInGroup: ++order, width: Width.SHORT, displayName: "Request timeout (ms)", documentation: "How long a request may take before it counts as failed (and is retried)" });
  order = 0;
  return def
    .define({ name: "max.retries", type: ConfigType.INT, default: 10, validator: Range.atLeast(0), importance: Importance.MEDIUM, group: RETRIES, orderInGroup: ++order, width: Width.SHORT, displayName: "Maximum retries", documentation: "Retries of a request that failed with a 5xx, 408 or 429 status, a timeout or a connection error; then the task fails" })
    .define({ name: "retry.backoff.ms", type: ConfigType.INT, default: 3000, validator: Range.atLeast(0), importance: Importance.MEDIUM, group: RETRIES, orderInGroup: ++order, width: Width.SHORT, displayName: "Retry backoff (ms)", documentation: "Wait before the first retry; it doubles at each retry up to retry.backoff.max.ms. A Retry-After header in seconds wins" })
    .define({ name: "retry.backoff.max.ms", type: ConfigType.INT, default: 60000, validator: Range.atLeast(0), importance: Importance.LOW, group: RETRIES, orderInGroup: ++order, width: Width.SHORT, displayName: "Longest retry backoff (ms)", documentation: "The longest wait between retries" });
}

function problems(values: ReadonlyMap<string, unknown>): Array<{ key: string; message: string }> {
  const found: Array<{ key: string; message: string }> = [];
  const url = values.get("http.api.url");
  if (typeof url === "string") {
    let parsed: URL | null = null;
    try {
      parsed = new URL(url);
    } catch {
      found.push({ key: "http.api.url", message: `Invalid value ${url} for configuration http.api.url: not a URL (e.g. https://api.example.com/events)` });
    }
    if (parsed && parsed.protocol !== "http:" && parsed.protocol !== "https:") found.push({ key: "http.api.url", message: `Invalid value ${url} for configuration http.api.url: use an http:// or https:// URL` });
  }
  const auth = String(values.get("auth.type") ?? "NONE");
  if (auth === "BASIC" && !values.get("connection.user")) found.push({ key: "connection.user", message: "auth.type=BASIC needs connection.user (and connection.password)" });
  if (auth === "BEARER" && !values.get("bearer.token")) found.push({ key: "bearer.token", message: "auth.type=BEARER needs bearer.token" });
  const separator = String(values.get("header.separator") ?? "|") || "|";
  for (const pair of String(values.get("headers") ?? "").split(separator).filter((each) => each.trim() !== "")) {
    if (!/^\s*[!#$%&'*+.^_`|~0-9A-Za-z-]+\s*:/.test(pair)) found.push({ key: "headers", message: `Invalid header "${pair.trim()}": write Name: value pairs separated by ${separator}` });
  }
  return found;
}

/** Adds the cross-key problems to the validate answer. */
export function validateHttpSink(values: Map<string, ConfigValue>): void {
  const parsed = new Map([...values].map(([name, value]) => [name, value.value]));
  for (const problem of problems(parsed)) values.get(problem.key)?.errors.push(problem.message);
}

/** Parses and cross-checks the config; throws ConfigException naming the key to fix. */
export function parseHttpSinkSettings(props: Record<string, string>): HttpSinkSettings {
  const parsed = httpSinkConfigDef().parse(props);
  const problem = problems(parsed)[0];
  if (problem) throw new ConfigException(problem.message, { key: problem.key });
  const get = <T>(key: string) => parsed.get(key) as T;
  const headers: Record<string, string> = { "content-type": "application/json" };
  const separator = get<string>("header.separator") || "|";
  for (const pair of get<string>("headers").split(separator).filter((each) => each.trim() !== "")) {
    const colon = pair.indexOf(":");
    headers[pair.slice(0, colon).trim().toLowerCase()] = pair.slice(colon + 1).trim();
  }
  const auth = get<string>("auth.type");
  if (auth === "BASIC") headers.authorization = `Basic ${Buffer.from(`${get<string>("connection.user")}:${get<Password | null>("connection.password")?.value() ?? ""}`).toString("base64")}`;
  if (auth === "BEARER") headers.authorization = `Bearer ${get<Password>("bearer.token").value()}`;
  return {
    url: new URL(get<string>("http.api.url")),
    method: get<"POST" | "PUT">("request.method"),
    headers,
    bodyFormat: get<"json" | "string">("request.body.format"),
    batchMaxSize: get<number>("batch.max.size"),
    maxRetries: get<number>("max.retries"),
    retryBackoffMs: get<number>("retry.backoff.ms"),
    retryBackoffMaxMs: get<number>("retry.backoff.max.ms"),
    requestTimeoutMs: get<number>("http.request.timeout.ms"),
  };
}
