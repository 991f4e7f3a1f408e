/**
 * Hostile and malformed requests for the Kafka Connect REST API and the console's API, and a raw
 * HTTP client that sends them exactly as written (paths not normalized, any Host header), for the
 * fuzz tests. A case is sent once; its answer is checked by the caller.
 */
import http from "node:http";

/** One request as sent on the wire. `path` is the raw request target, appended to the API root. */
export interface FuzzCase {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** What came back: status 0 means no answer (connection reset, or no answer within the timeout). */
export interface FuzzAnswer {
  fuzz: FuzzCase;
  status: number;
  body: string;
  headers: string;
  /** How long the answer took. */
  ms: number;
  error?: string;
}

const JSON_TYPE = { "content-type": "application/json" };

/** Path segments a hostile client may send where a name goes: encodings, traversal, injection, sizes. */
const HOSTILE_SEGMENTS = [
  "nope",
  "%E0%A4%A",
  "%",
  "%ZZ",
  "%00",
  "%FF",
  "%2e%2e",
  "..",
  "%2F..%2F..%2Fetc%2Fpasswd",
  "a%0D%0ASet-Cookie:%20x%3D1",
  "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
  encodeURIComponent("ü€😀"),
  "a".repeat(3000),
  "__proto__",
  "constructor",
];

/** Bodies of the wrong type, shape, size, depth or encoding; some carry `secret` as a password, which no refusal may echo. */
function hostileBodies(secret: string): Array<string | Buffer> {
  return [
    "",
    "{",
    '{"a":}',
    "null",
    "[]",
    "1",
    '"text"',
    "true",
    '{"name":5,"config":[]}',
    '{"config":{"tasks.max":{"a":1}}}',
    '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
    '{"name":"x","config":{"connector.class":"FileStreamSource"},"unknown":1}',
    '{"offsets":[{"partition":null,"offset":{"position":"x"}}]}',
    '{"offsets":"all"}',
    '{"level":5}',
    '{"level":"TRACE","extra":[1,2]}',
    "[".repeat(50_000) + "]".repeat(50_000),
    '{"a":'.repeat(20_000) + "1" + "}".repeat(20_000),
    JSON.stringify({ name: "big", config: { "connector.class": "FileStreamSource", topic: "t", file: "x".repeat(900_000) } }),
    "x".repeat(1_100_000),
    Buffer.from([0xff, 0xfe, 0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d]),
    JSON.stringify({ "connector.class": "FileStreamSource", "key.converter": "com.example.Nope", topic: "t" }),
    JSON.stringify({ "connector.class": "FileStreamSource", "value.converter": "${vault:x:y}", topic: "t", "config.providers.vault.class": "com.example.Vault" }),
    JSON.stringify({ "connector.class": "FileStreamSink", topics: "t", "topics.regex": "(unclosed", "errors.deadletterqueue.topic.name": "d" }),
    JSON.stringify({ "connector.class": "io.confluent.connect.http.HttpSinkConnector", topics: "t", "http.api.url": "not a url", "tasks.max": "-5" }),
    JSON.stringify({ "connection.password": secret, "database.password": secret }),
    JSON.stringify({ name: "x", config: { "connector.class": "Nope", "connection.password": secret } }),
    JSON.stringify({ "connector.class": "io.confluent.connect.http.HttpSinkConnector", topics: "t", "auth.type": "BASIC", "connection.password": secret, "x.password": secret, "tasks.max": "x" }),
  ];
}

const CONTENT_TYPES = [JSON_TYPE, { "content-type": "text/plain" }, {}, { "content-type": "application/json; charset=utf-16" }, { "content-type": "multipart/form-data; boundary=x" }];

/** Every Kafka Connect REST endpoint, as `[method, path with {c} for a connector, {t} for a task, {p} for a plugin, {l} for a logger]`. */
const CONNECT_ENDPOINTS: Array<[string, string]> = [
  ["GET", "/"],
  ["GET", "/connectors"],
  ["POST", "/connectors"],
  ["GET", "/connectors/{c}"],
  ["DELETE", "/connectors/{c}"],
  ["GET", "/connectors/{c}/config"],
  ["PUT", "/connectors/{c}/config"],
  ["PATCH", "/connectors/{c}/config"],
  ["GET", "/connectors/{c}/status"],
  ["POST", "/connectors/{c}/restart"],
  ["PUT", "/connectors/{c}/pause"],
  ["PUT", "/connectors/{c}/resume"],
  ["PUT", "/connectors/{c}/stop"],
  ["GET", "/connectors/{c}/tasks"],
  ["POST", "/connectors/{c}/tasks"],
  ["GET", "/connectors/{c}/tasks-config"],
  ["GET", "/connectors/{c}/tasks/{t}/status"],
  ["POST", "/connectors/{c}/tasks/{t}/restart"],
  ["GET", "/connectors/{c}/topics"],
  ["PUT", "/connectors/{c}/topics/reset"],
  ["GET", "/connectors/{c}/offsets"],
  ["PATCH", "/connectors/{c}/offsets"],
  ["DELETE", "/connectors/{c}/offsets"],
  ["GET", "/connector-plugins"],
  ["GET", "/connector-plugins/{p}/config"],
  ["PUT", "/connector-plugins/{p}/config/validate"],
  ["GET", "/admin/loggers"],
  ["GET", "/admin/loggers/{l}"],
  ["PUT", "/admin/loggers/{l}"],
  ["GET", "/health"],
  ["GET", "/metrics"],
];

/** The console's endpoints (`/api/console/…`), same placeholders plus {topic}, {id}. */
export const CONSOLE_ENDPOINTS: Array<[string, string]> = [
  ["GET", "/api/console/health"],
  ["GET", "/api/console/connectors/notices"],
  ["GET", "/api/console/connectors/{c}/changes"],
  ["GET", "/api/console/connectors/{c}/offsets"],
  ["GET", "/api/console/connectors/{c}/restarts"],
  ["POST", "/api/console/connection-test"],
  ["GET", "/api/console/dlq/topics"],
  ["GET", "/api/console/dlq/topics/{topic}"],
  ["GET", "/api/console/dlq/topics/{topic}/export"],
  ["GET", "/api/console/dlq/topics/{topic}/groups"],
  ["POST", "/api/console/dlq/topics/{topic}/purge"],
  ["GET", "/api/console/dlq/topics/{topic}/records"],
  ["GET", "/api/console/dlq/topics/{topic}/records/{t}/{t}"],
  ["POST", "/api/console/dlq/topics/{topic}/replay"],
  ["GET", "/api/console/dlq/replays"],
  ["GET", "/api/console/dlq/replays/{id}"],
  ["POST", "/api/console/dlq/replays/{id}/cancel"],
  ["GET", "/api/console/metrics"],
  ["GET", "/api/console/metrics/overview"],
  ["POST", "/api/console/playground"],
  ["GET", "/api/console/topics"],
  ["GET", "/api/console/topics/{topic}/records"],
];

const QUERIES = ["", "?expand=status&expand=info", "?expand=bogus", "?expand=%ZZ", "?connectorsOnly=maybe", "?includeTasks=1&onlyFailed=yes", "?forward=%", "?a=%E0%A4%A", "?" + "q=x&".repeat(500), "?start=offset&offset=-1&partition=abc&limit=1e9&format=exe", "?range=99y&step=0&metric=../../etc", "?connector=%00&task=-1"];

/**
 * The cases for one API: every endpoint with each hostile segment, each query, each body under
 * each content type (writes only), plus foreign Host and Origin headers. `names` are real
 * connector names (so routes reach the Herder), `root` is the API's prefix (`/api/connect` or ""),
 * `secret` a password some bodies carry.
 */
export function fuzzCases(endpoints: Array<[string, string]>, names: string[], root: string, port: number, secret: string): FuzzCase[] {
  const cases: FuzzCase[] = [];
  const fill = (template: string, segment: string) => template.replace(/\{(c|t|p|l|topic|id)\}/g, () => segment);
  const segments = [...names, ...HOSTILE_SEGMENTS, "0", "-1", "99999999999999999999", "FileStreamSource", "org.apache.kafka.connect.runtime.Worker"];
  const bodies = hostileBodies(secret);
  for (const [method, template] of endpoints) {
    const write = method !== "GET" && method !== "DELETE";
    const templated = template.includes("{");
    for (const segment of templated ? segments : [""]) {
      const path = `${root}${fill(template, segment)}`;
      // Every query, body and content type once per endpoint (on a real name); a few per other segment.
      const thorough = !templated || segment === names[0];
      for (const query of thorough ? QUERIES : QUERIES.slice(0, 4)) cases.push({ method, path: `${path}${query}` });
      if (!write) continue;
      for (const body of thorough ? bodies : bodies.slice(0, 12)) cases.push({ method, path, headers: JSON_TYPE, body });
      for (const type of thorough ? CONTENT_TYPES : CONTENT_TYPES.slice(1, 2)) cases.push({ method, path, headers: type, body: '{"name":"x"}' });
    }
    const path = `${root}${fill(template, names[0] ?? "x")}`;
    cases.push({ method, path, headers: { host: "evil.example" } });
    cases.push({ method, path, headers: { host: `evil.example:${port}`, ...JSON_TYPE }, body: "{}" });
    cases.push({ method, path, headers: { origin: "http://evil.example", ...JSON_TYPE }, body: "{}" });
    cases.push({ method, path, headers: { origin: "null", "x-forwarded-host": "evil.example", ...JSON_TYPE }, body: "{}" });
    cases.push({ method, path, headers: { "content-length": "99999999999", ...JSON_TYPE } });
    cases.push({ method, path: `${path}/../../../etc/passwd` });
    cases.push({ method, path: `${path}//` });
    cases.push({ method, path: `${path}?${"%".repeat(2000)}` });
    cases.push({ method: "OPTIONS", path });
    cases.push({ method: "TRACE", path });
  }
  return cases;
}

/** The Kafka Connect REST API's cases under `root`. */
export function connectFuzzCases(names: string[], root: string, port: number, secret: string): FuzzCase[] {
  return fuzzCases(CONNECT_ENDPOINTS, names, root, port, secret);
}

/**
 * Conflicting writes on one connector at once: creates, updates with different `tasks.max`,
 * deletes, pauses, resumes, stops and restarts, interleaved.
 */
export function raceCases(name: string, config: Record<string, string>, root: string): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (let i = 0; i < 8; i++) {
    const base = `${root}/connectors/${name}`;
    cases.push({ method: "POST", path: `${root}/connectors`, headers: JSON_TYPE, body: JSON.stringify({ name, config }) });
    cases.push({ method: "PUT", path: `${base}/config`, headers: JSON_TYPE, body: JSON.stringify({ ...config, "tasks.max": String(1 + (i % 3)) }) });
    cases.push({ method: "PATCH", path: `${base}/config`, headers: JSON_TYPE, body: JSON.stringify({ "tasks.max": String(1 + (i % 2)) }) });
    cases.push({ method: "DELETE", path: base });
    cases.push({ method: "PUT", path: `${base}/${["pause", "resume", "stop"][i % 3]}` });
    cases.push({ method: "POST", path: `${base}/restart?includeTasks=true&onlyFailed=${i % 2 === 0}` });
    cases.push({ method: "DELETE", path: `${base}/offsets` });
  }
  return cases;
}

/** Sends one case with node:http (so nothing is normalized); never rejects. */
export function send(base: { host: string; port: number }, fuzz: FuzzCase, timeoutMs: number): Promise<FuzzAnswer> {
  return new Promise((resolve) => {
    const started = Date.now();
    const done = (answer: Omit<FuzzAnswer, "fuzz" | "ms">) => resolve({ fuzz, ...answer, ms: Date.now() - started });
    let request: http.ClientRequest;
    try {
      request = http.request({ host: base.host, port: base.port, method: fuzz.method, path: fuzz.path, headers: { host: `${base.host}:${base.port}`, ...fuzz.headers }, timeout: timeoutMs });
    } catch (error) {
      done({ status: -1, body: "", headers: "", error: `not sendable: ${(error as Error).message}` });
      return;
    }
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => done({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), headers: JSON.stringify(response.headers) }));
      response.on("error", (error) => done({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), headers: JSON.stringify(response.headers), error: error.message }));
    });
    request.on("timeout", () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on("error", (error) => done({ status: 0, body: "", headers: "", error: error.message }));
    if (fuzz.body !== undefined && fuzz.headers?.["content-length"] === undefined) request.end(fuzz.body);
    else request.end();
  });
}

/** Sends `cases` with `concurrency` requests in flight; answers in case order. */
export async function sendAll(base: { host: string; port: number }, cases: FuzzCase[], concurrency: number, timeoutMs = 15_000): Promise<FuzzAnswer[]> {
  const answers: FuzzAnswer[] = new Array(cases.length);
  let next = 0;
  const lane = async () => {
    while (next < cases.length) {
      const index = next++;
      answers[index] = await send(base, cases[index]!, timeoutMs);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return answers;
}

/** One line describing a case and its answer, for failure reports. */
export function describeAnswer(answer: FuzzAnswer): string {
  const body = typeof answer.fuzz.body === "string" ? answer.fuzz.body.slice(0, 80) : answer.fuzz.body ? `<${answer.fuzz.body.length} bytes>` : "";
  return `${answer.fuzz.method} ${answer.fuzz.path.slice(0, 120)} ${JSON.stringify(answer.fuzz.headers ?? {})} ${body} → ${answer.status} ${answer.error ?? answer.body.slice(0, 200)}`;
}
