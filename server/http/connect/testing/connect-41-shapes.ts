/**
 * Kafka Connect 4.1's REST body shapes where Tributary once differed, checked against a running
 * worker. The expected values were measured on Apache Kafka Connect 4.1.0 (standalone, FileStream
 * connectors) request by request; each check says what a tool reads there. Runs beside the
 * conformance checks, on the headless worker's listener and on the app's `/api/connect`.
 * Test-only module.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import path from "node:path";
import type { ConformanceTarget } from "@/server/http/connect/testing/rest-conformance";

type Check = { name: string; run: (target: ConformanceTarget) => Promise<void> };

/** `[name, group, order, type, default_value, required, width, importance, display_name]` of one ConfigKeyInfo. */
type KeyRow = [string, string | null, number, string, string | null, boolean, string, string, string];

const VERSION = "<installed plugin version>";

/** Kafka Connect 4.1's framework keys every connector has, in its order. */
const COMMON_KEYS: KeyRow[] = [
  ["name", "Common", 1, "STRING", null, true, "MEDIUM", "HIGH", "Connector name"],
  ["connector.class", "Common", 2, "STRING", null, true, "LONG", "HIGH", "Connector class"],
  ["connector.plugin.version", "Common", 3, "STRING", VERSION, false, "MEDIUM", "MEDIUM", "Connector version"],
  ["tasks.max", "Common", 4, "INT", "1", false, "SHORT", "HIGH", "Tasks max"],
  ["tasks.max.enforce", "Common", 5, "BOOLEAN", "true", false, "SHORT", "LOW", "Enforce tasks max"],
  ["key.converter", "Common", 6, "CLASS", null, false, "SHORT", "LOW", "Key converter class"],
  ["key.converter.plugin.version", "Common", 7, "STRING", null, false, "SHORT", "LOW", "Key converter version"],
  ["value.converter", "Common", 8, "CLASS", null, false, "SHORT", "LOW", "Value converter class"],
  ["value.converter.plugin.version", "Common", 9, "STRING", null, false, "SHORT", "LOW", "Value converter version"],
  ["header.converter", "Common", 10, "CLASS", null, false, "SHORT", "LOW", "Header converter class"],
  ["header.converter.plugin.version", "Common", 11, "STRING", null, false, "SHORT", "LOW", "Header converter version"],
  ["transforms", "Transforms", 12, "LIST", "", false, "LONG", "LOW", "Transforms"],
  ["predicates", "Predicates", 13, "LIST", "", false, "LONG", "LOW", "Predicates"],
  ["config.action.reload", "Common", 14, "STRING", "restart", false, "MEDIUM", "LOW", "Reload Action"],
  ["errors.retry.timeout", "Error Handling", 1, "LONG", "0", false, "MEDIUM", "MEDIUM", "Retry Timeout for Errors"],
  ["errors.retry.delay.max.ms", "Error Handling", 2, "LONG", "60000", false, "MEDIUM", "MEDIUM", "Maximum Delay Between Retries for Errors"],
  ["errors.tolerance", "Error Handling", 3, "STRING", "none", false, "SHORT", "MEDIUM", "Error Tolerance"],
  ["errors.log.enable", "Error Handling", 4, "BOOLEAN", "false", false, "SHORT", "MEDIUM", "Log Errors"],
  ["errors.log.include.messages", "Error Handling", 5, "BOOLEAN", "false", false, "SHORT", "MEDIUM", "Log Error Details"],
];

/** `GET /connector-plugins/FileStreamSource/config` on Kafka Connect 4.1.0: 27 keys. */
const SOURCE_KEYS: KeyRow[] = [
  ["file", null, -1, "STRING", null, false, "NONE", "HIGH", "file"],
  ["topic", null, -1, "STRING", null, true, "NONE", "HIGH", "topic"],
  ["batch.size", null, -1, "INT", "2000", false, "NONE", "LOW", "batch.size"],
  ...COMMON_KEYS,
  ["topic.creation.groups", "Topic Creation", 1, "LIST", "", false, "LONG", "LOW", "Topic Creation Groups"],
  ["exactly.once.support", "Exactly Once Support", 2, "STRING", "requested", false, "SHORT", "MEDIUM", "Exactly once support"],
  ["transaction.boundary", "Exactly Once Support", 3, "STRING", "poll", false, "SHORT", "MEDIUM", "Transaction Boundary"],
  ["transaction.boundary.interval.ms", "Exactly Once Support", 4, "LONG", null, false, "SHORT", "LOW", "Transaction boundary interval"],
  ["offsets.storage.topic", "offsets.topic", 1, "STRING", null, false, "LONG", "LOW", "Offsets topic"],
];

/** `GET /connector-plugins/FileStreamSink/config` on Kafka Connect 4.1.0: 25 keys. */
const SINK_KEYS: KeyRow[] = [
  ["file", null, -1, "STRING", null, false, "NONE", "HIGH", "file"],
  ...COMMON_KEYS,
  ["topics", "Common", 4, "LIST", "", false, "LONG", "HIGH", "Topics"],
  ["topics.regex", "Common", 4, "STRING", "", false, "LONG", "HIGH", "Topics regex"],
  ["errors.deadletterqueue.topic.name", "Error Handling", 6, "STRING", "", false, "MEDIUM", "MEDIUM", "Dead Letter Queue Topic Name"],
  ["errors.deadletterqueue.topic.replication.factor", "Error Handling", 7, "SHORT", "3", false, "MEDIUM", "MEDIUM", "Dead Letter Queue Topic Replication Factor"],
  ["errors.deadletterqueue.context.headers.enable", "Error Handling", 8, "BOOLEAN", "false", false, "MEDIUM", "MEDIUM", "Enable Error Context Headers"],
];

interface KeyInfo {
  name: string;
  group: string | null;
  order: number;
  type: string;
  default_value: string | null;
  required: boolean;
  width: string;
  importance: string;
  display_name: string;
  documentation: string;
}

const rowOf = (key: KeyInfo, version: string): KeyRow => [
  key.name,
  key.group,
  key.order,
  key.type,
  key.name === "connector.plugin.version" && key.default_value === version ? VERSION : key.default_value,
  key.required,
  key.width,
  key.importance,
  key.display_name,
];

const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString("hex")}`;

async function call(target: ConformanceTarget, method: string, route: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${target.baseUrl}${route}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

async function until<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function pluginVersion(target: ConformanceTarget, className: string): Promise<string> {
  const plugins = (await call(target, "GET", "/connector-plugins")).body as Array<{ class: string; version?: string }>;
  const version = plugins.find((plugin) => plugin.class === className)?.version;
  assert.ok(version, `${className} reports a version`);
  return version;
}

interface Status {
  connector: { state: string; version?: string };
  tasks: Array<{ id: number; state: string; version?: string }>;
}

/** The checks, in the order they are registered. */
export const connect41ShapeChecks: Check[] = [
  {
    name: "4.1: GET / reports the Kafka Connect version whose API is served, and Tributary's own beside it",
    run: async (t) => {
      const root = (await call(t, "GET", "/")).body as Record<string, unknown>;
      assert.equal(root.version, "4.1.0");
      assert.match(String(root.tributary_version), /^\d+\.\d+\.\d+/);
      assert.deepEqual(Object.keys(root).slice(0, 3), ["version", "commit", "kafka_cluster_id"]);
    },
  },
  {
    name: "4.1: plugin config lists the plugin's keys, then every framework key in Connect's order, groups and labels",
    run: async (t) => {
      for (const [plugin, className, expected] of [
        ["FileStreamSource", "org.apache.kafka.connect.file.FileStreamSourceConnector", SOURCE_KEYS],
        ["FileStreamSink", "org.apache.kafka.connect.file.FileStreamSinkConnector", SINK_KEYS],
      ] as const) {
        const version = await pluginVersion(t, className);
        const keys = (await call(t, "GET", `/connector-plugins/${plugin}/config`)).body as KeyInfo[];
        assert.deepEqual(keys.slice(0, expected.length).map((key) => rowOf(key, version)), expected);
        const extensions = keys.slice(expected.length);
        assert.ok(extensions.every((key) => key.name.startsWith("tributary.") || key.documentation.includes("Tributary only")), `${plugin}: keys beyond Connect's say they are Tributary's`);
      }
    },
  },
  {
    name: "4.1: validate lists the framework's keys first with Connect's groups, echoes the connector version, keeps Connect's two messages for tasks.max=abc",
    run: async (t) => {
      const version = await pluginVersion(t, "org.apache.kafka.connect.file.FileStreamSourceConnector");
      const body = (await call(t, "PUT", "/connector-plugins/FileStreamSource/config/validate", { "connector.class": "FileStreamSource", name: "x", topic: "t", "tasks.max": "abc" })).body as {
        error_count: number;
        groups: string[];
        configs: Array<{ definition: { name: string } | null; value: { name: string; value: string | null; errors: string[]; recommended_values: string[] } }>;
      };
      const connectGroups = ["Common", "Transforms", "Predicates", "Error Handling", "Topic Creation", "Exactly Once Support", "offsets.topic"];
      assert.deepEqual(body.groups.slice(0, connectGroups.length), connectGroups);
      assert.deepEqual(body.groups.slice(connectGroups.length), ["Auto restart"], "after Connect's groups, only Tributary's own");
      const names = body.configs.map((entry) => entry.value.name);
      assert.deepEqual(names.slice(0, 24), SOURCE_KEYS.slice(3).map(([name]) => name));
      assert.deepEqual(names.slice(-3), ["file", "topic", "batch.size"]);
      const pinned = body.configs.find((entry) => entry.value.name === "connector.plugin.version")!.value;
      assert.equal(pinned.value, version);
      assert.deepEqual(pinned.recommended_values, [version]);
      assert.equal(body.error_count, 2);
      assert.deepEqual(body.configs.find((entry) => entry.value.name === "tasks.max")!.value.errors, [
        "Invalid value abc for configuration tasks.max: Not a number of type INT",
        "Invalid value null for configuration tasks.max: Value must be non-null",
      ]);
    },
  },
  {
    name: "4.1: task configs carry the connector's keys and task.class; statuses, task status, expand=status and the restart plan carry version",
    run: async (t) => {
      const connector = unique("shape-sink");
      const topic = unique("shape-topic");
      const config = { "connector.class": "FileStreamSink", file: path.join(t.scratchDir, `${connector}.txt`), topics: topic, "tasks.max": "2" };
      assert.equal((await call(t, "POST", "/connectors", { name: connector, config })).status, 201);
      const version = await pluginVersion(t, "org.apache.kafka.connect.file.FileStreamSinkConnector");
      type TaskInfo = { id: { connector: string; task: number }; config: Record<string, string> };
      // In distributed mode (Kafka Connect's too) a new connector's tasks appear once its worker generated them.
      const tasks = await until(async () => {
        const body = (await call(t, "GET", `/connectors/${connector}/tasks`)).body as TaskInfo[];
        return body.length > 0 ? body : undefined;
      }, "the connector's tasks");
      assert.deepEqual(tasks.map((task) => task.id.task), [0, 1]);
      for (const task of tasks) assert.deepEqual(task.config, { ...config, name: connector, "task.class": "org.apache.kafka.connect.file.FileStreamSinkTask" });
      const status = await until(async () => {
        const body = (await call(t, "GET", `/connectors/${connector}/status`)).body as Status;
        return body.tasks?.length === 2 && body.tasks.every((task) => task.state === "RUNNING") ? body : undefined;
      }, "two running tasks");
      assert.equal(status.connector.version, version);
      assert.deepEqual(status.tasks.map((task) => task.version), [version, version]);
      assert.equal(((await call(t, "GET", `/connectors/${connector}/tasks/1/status`)).body as { version: string }).version, version);
      const expanded = (await call(t, "GET", "/connectors?expand=status")).body as Record<string, { status: Status }>;
      assert.equal(expanded[connector]!.status.connector.version, version);
      const plan = await call(t, "POST", `/connectors/${connector}/restart?includeTasks=true`);
      assert.equal(plan.status, 202);
      assert.deepEqual((plan.body as Status).tasks.map((task) => [task.state, task.version]), [["RESTARTING", version], ["RESTARTING", version]]);
      assert.equal((await call(t, "DELETE", `/connectors/${connector}`)).status, 204);
    },
  },
  {
    name: "4.1: PUT /admin/loggers/root with an unchanged level answers [] and stamps nothing; GET lists root and every logger",
    run: async (t) => {
      const before = (await call(t, "GET", "/admin/loggers/root")).body as { level: string; last_modified: number | null };
      const unchanged = await call(t, "PUT", "/admin/loggers/root", { level: before.level });
      assert.equal(unchanged.status, 200);
      assert.deepEqual(unchanged.body, []);
      assert.deepEqual((await call(t, "GET", "/admin/loggers/root")).body, before);
      const all = (await call(t, "GET", "/admin/loggers")).body as Record<string, { level: string }>;
      assert.ok("root" in all && Object.keys(all).length > 1, "root and the worker's loggers are listed");
    },
  },
  {
    name: "stop, restart and task restart of a missing connector answer 404 (Kafka Connect 4.1 answers 500 there: a bug Tributary does not copy)",
    run: async (t) => {
      assert.deepEqual((await call(t, "PUT", "/connectors/shape-missing/stop")).body, { error_code: 404, message: "Unknown connector shape-missing" });
      assert.deepEqual((await call(t, "POST", "/connectors/shape-missing/restart")).body, { error_code: 404, message: "Unknown connector: shape-missing" });
      assert.equal((await call(t, "POST", "/connectors/shape-missing/tasks/0/restart")).status, 404);
    },
  },
];
