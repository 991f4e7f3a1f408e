/**
 * Kafka Connect REST behaviour every Tributary listener must show, written once and run against
 * real running workers: the headless worker's listener (integration test) and the app's
 * `/api/connect` (Playwright). Framework-free: each check takes a base URL and a scratch folder
 * and throws (node:assert) on a mismatch. Test-only module.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";

/** Where the checks run: the API root URL and a folder the worker can read files from. */
export interface ConformanceTarget {
  baseUrl: string;
  scratchDir: string;
}

type Check = { name: string; run: (target: ConformanceTarget) => Promise<void> };

const name = (prefix: string) => `${prefix}-${randomBytes(4).toString("hex")}`;

async function call(target: ConformanceTarget, method: string, route: string, body?: unknown, contentType = "application/json"): Promise<{ status: number; body: unknown; headers: Headers }> {
  const response = await fetch(`${target.baseUrl}${route}`, {
    method,
    headers: body === undefined ? {} : { "content-type": contentType },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Creates a FileStreamSource on a fresh file; returns its name and config. */
async function createSource(target: ConformanceTarget, extra: Record<string, unknown> = {}): Promise<{ connector: string; config: Record<string, string> }> {
  const connector = name("conf-src");
  const file = path.join(target.scratchDir, `${connector}.txt`);
  writeFileSync(file, "one\ntwo\n");
  const config = { "connector.class": "FileStreamSource", file, topic: name("conf-topic") };
  const created = await call(target, "POST", "/connectors", { name: connector, config, ...extra });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return { connector, config };
}

async function state(target: ConformanceTarget, connector: string): Promise<{ connector: { state: string }; tasks: Array<{ id: number; state: string }> } | undefined> {
  const status = await call(target, "GET", `/connectors/${connector}/status`);
  return status.status === 200 ? (status.body as { connector: { state: string }; tasks: Array<{ id: number; state: string }> }) : undefined;
}

/** The checks, in the order they are registered. */
export const restConformanceChecks: Check[] = [
  {
    name: "GET / names the version, commit and Kafka cluster id",
    run: async (t) => {
      const root = await call(t, "GET", "/");
      assert.equal(root.status, 200);
      assert.match(String((root.body as { kafka_cluster_id: string }).kafka_cluster_id), /^[\w-]{22}$/);
    },
  },
  {
    name: "POST /connectors creates (201 + Location) and the connector reads back everywhere",
    run: async (t) => {
      const { connector, config } = await createSource(t);
      // In distributed mode (Kafka Connect's too) a new connector's tasks appear once its worker generated them.
      const info = await eventually(async () => {
        const answer = await call(t, "GET", `/connectors/${connector}`);
        return (answer.body as { tasks?: unknown[] }).tasks?.length ? answer : undefined;
      }, "the connector's tasks");
      assert.deepEqual(info.body, { name: connector, config: { ...config, name: connector }, tasks: [{ connector, task: 0 }], type: "source" });
      assert.deepEqual((await call(t, "GET", `/connectors/${connector}/config`)).body, { ...config, name: connector });
      await eventually(async () => ((await state(t, connector))?.tasks[0]?.state === "RUNNING" ? true : undefined), "RUNNING");
      const tasks = (await call(t, "GET", `/connectors/${connector}/tasks`)).body as Array<{ id: unknown; config: Record<string, string> }>;
      assert.deepEqual(tasks[0]!.id, { connector, task: 0 });
      assert.equal(tasks[0]!.config["task.class"], "org.apache.kafka.connect.file.FileStreamSourceTask");
      const tasksConfig = (await call(t, "GET", `/connectors/${connector}/tasks-config`)).body as Record<string, unknown>;
      assert.ok(`${connector}-0` in tasksConfig);
      const taskStatus = (await call(t, "GET", `/connectors/${connector}/tasks/0/status`)).body as { id: number; state: string; worker_id: string };
      assert.equal(taskStatus.id, 0);
      assert.equal(taskStatus.state, "RUNNING");
      const list = (await call(t, "GET", "/connectors")).body as string[];
      assert.ok(list.includes(connector));
      assert.equal((await call(t, "DELETE", `/connectors/${connector}`)).status, 204);
    },
  },
  {
    name: "errors: 409 duplicate, 400 invalid config naming the field, 415 content type, 400 malformed body, 404s",
    run: async (t) => {
      const { connector, config } = await createSource(t);
      const duplicate = await call(t, "POST", "/connectors", { name: connector, config });
      assert.deepEqual(duplicate.body, { error_code: 409, message: `Connector ${connector} already exists` });
      const invalid = await call(t, "POST", "/connectors", { name: name("bad"), config: { "connector.class": "FileStreamSource" } });
      assert.equal(invalid.status, 400);
      assert.match((invalid.body as { message: string }).message, /contains the following 1 error\(s\):\nMissing required configuration "topic" which has no default value\./);
      assert.equal((await call(t, "POST", "/connectors", "name=x", "text/plain")).status, 415);
      const malformed = await call(t, "POST", "/connectors", "{not json");
      assert.equal(malformed.status, 400);
      assert.equal((malformed.body as { error_code: number }).error_code, 400);
      assert.deepEqual((await call(t, "GET", "/connectors/nope-404")).body, { error_code: 404, message: "Connector nope-404 not found" });
      assert.deepEqual((await call(t, "GET", "/connectors/nope-404/status")).body, { error_code: 404, message: "No status found for connector nope-404" });
      assert.deepEqual((await call(t, "PUT", "/connectors/nope-404/pause")).body, { error_code: 404, message: "Unknown connector nope-404" });
      assert.deepEqual((await call(t, "POST", "/connectors/nope-404/restart")).body, { error_code: 404, message: "Unknown connector: nope-404" });
      assert.equal((await call(t, "DELETE", `/connectors/${connector}`)).status, 204);
    },
  },
  {
    name: "pause 202 → PAUSED, resume 202 → RUNNING, restart 204 plain and 202 with a plan",
    run: async (t) => {
      const { connector } = await createSource(t);
      await eventually(async () => ((await state(t, connector))?.tasks[0]?.state === "RUNNING" ? true : undefined), "RUNNING");
      assert.equal((await call(t, "PUT", `/connectors/${connector}/pause`)).status, 202);
      await eventually(async () => ((await state(t, connector))?.tasks[0]?.state === "PAUSED" ? true : undefined), "PAUSED");
      assert.equal((await call(t, "PUT", `/connectors/${connector}/resume`)).status, 202);
      await eventually(async () => ((await state(t, connector))?.tasks[0]?.state === "RUNNING" ? true : undefined), "RUNNING again");
      const plain = await call(t, "POST", `/connectors/${connector}/restart`);
      assert.equal(plain.status, 204);
      assert.equal(plain.body, null);
      const planned = await call(t, "POST", `/connectors/${connector}/restart?includeTasks=true`);
      assert.equal(planned.status, 202);
      assert.deepEqual((planned.body as { tasks: Array<{ state: string }> }).tasks.map((task) => task.state), ["RESTARTING"]);
      assert.equal((await call(t, "POST", `/connectors/${connector}/tasks/0/restart`)).status, 204);
      assert.equal((await call(t, "DELETE", `/connectors/${connector}`)).status, 204);
    },
  },
  {
    name: "offsets: refused while running, changed and reset once STOPPED",
    run: async (t) => {
      const { connector, config } = await createSource(t);
      const partition = { filename: config.file };
      await eventually(async () => {
        const offsets = (await call(t, "GET", `/connectors/${connector}/offsets`)).body as { offsets: unknown[] };
        return offsets.offsets.length > 0 ? true : undefined;
      }, "a committed offset", 30_000);
      const refused = await call(t, "PATCH", `/connectors/${connector}/offsets`, { offsets: [{ partition, offset: { position: 0 } }] });
      assert.equal(refused.status, 400);
      assert.match((refused.body as { message: string }).message, /must be in the STOPPED state/);
      assert.equal((await call(t, "PUT", `/connectors/${connector}/stop`)).status, 204);
      assert.deepEqual((await call(t, "PATCH", `/connectors/${connector}/offsets`, { offsets: [] })).body, { error_code: 400, message: "Partitions / offsets need to be provided for an alter offsets request" });
      const altered = await call(t, "PATCH", `/connectors/${connector}/offsets`, { offsets: [{ partition, offset: { position: 4 } }] });
      assert.deepEqual(altered.body, { message: "The offsets for this connector have been altered successfully" });
      assert.deepEqual((await call(t, "GET", `/connectors/${connector}/offsets`)).body, { offsets: [{ partition, offset: { position: 4 } }] });
      assert.deepEqual((await call(t, "DELETE", `/connectors/${connector}/offsets`)).body, { message: "The offsets for this connector have been reset successfully" });
      assert.deepEqual((await call(t, "GET", `/connectors/${connector}/offsets`)).body, { offsets: [] });
      assert.equal((await call(t, "DELETE", `/connectors/${connector}`)).status, 204);
    },
  },
  {
    name: "config PUT answers 201 when it creates and 200 when it updates; PATCH merges",
    run: async (t) => {
      const connector = name("conf-put");
      const file = path.join(t.scratchDir, `${connector}.txt`);
      writeFileSync(file, "");
      const config = { "connector.class": "FileStreamSource", file, topic: name("conf-topic") };
      const created = await call(t, "PUT", `/connectors/${connector}/config`, config);
      assert.equal(created.status, 201);
      assert.ok(created.headers.get("location")?.endsWith(`/connectors/${connector}`));
      assert.equal((await call(t, "PUT", `/connectors/${connector}/config`, { ...config, "batch.size": "10" })).status, 200);
      const patched = await call(t, "PATCH", `/connectors/${connector}/config`, { "batch.size": null, "tasks.max": "1" });
      assert.equal(patched.status, 200);
      assert.deepEqual((patched.body as { config: Record<string, string> }).config, { ...config, "tasks.max": "1", name: connector });
      assert.equal((await call(t, "DELETE", `/connectors/${connector}`)).status, 204);
    },
  },
  {
    name: "plugins, plugin config and validate",
    run: async (t) => {
      const plugins = (await call(t, "GET", "/connector-plugins")).body as Array<{ class: string; type: string }>;
      assert.ok(plugins.some((p) => p.class === "org.apache.kafka.connect.file.FileStreamSourceConnector" && p.type === "source"));
      const all = (await call(t, "GET", "/connector-plugins?connectorsOnly=false")).body as Array<{ type: string }>;
      assert.ok(all.some((p) => p.type === "converter") && all.some((p) => p.type === "header_converter"));
      const keys = (await call(t, "GET", "/connector-plugins/FileStreamSource/config")).body as Array<{ name: string }>;
      assert.deepEqual(keys.slice(0, 4).map((k) => k.name), ["file", "topic", "batch.size", "name"]);
      const validated = await call(t, "PUT", "/connector-plugins/FileStreamSource/config/validate", { "connector.class": "FileStreamSource", name: "v", "tasks.max": "0" });
      assert.equal(validated.status, 200);
      const body = validated.body as { error_count: number; configs: Array<{ value: { name: string; errors: string[] } }> };
      assert.equal(body.error_count, 2);
      assert.deepEqual(body.configs.filter((c) => c.value.errors.length > 0).map((c) => c.value.name).sort(), ["tasks.max", "topic"]);
      assert.equal((await call(t, "GET", "/connector-plugins/NoSuchPlugin/config")).status, 404);
    },
  },
  {
    name: "topics in use, topic reset and loggers",
    run: async (t) => {
      const { connector, config } = await createSource(t);
      await eventually(async () => {
        const topics = (await call(t, "GET", `/connectors/${connector}/topics`)).body as Record<string, { topics: string[] }>;
        return topics[connector]?.topics.includes(config.topic) ? true : undefined;
      }, "the topic in use", 30_000);
      assert.equal((await call(t, "PUT", `/connectors/${connector}/topics/reset`)).status, 202);
      assert.equal((await call(t, "DELETE", `/connectors/${connector}`)).status, 204);
      assert.equal((await call(t, "GET", `/connectors/${connector}`)).status, 404);
      const loggers = (await call(t, "GET", "/admin/loggers")).body as Record<string, { level: string }>;
      assert.ok("root" in loggers);
      assert.equal((await call(t, "PUT", "/admin/loggers/tributary.runtime", { level: "nope" })).status, 404);
    },
  },
];
