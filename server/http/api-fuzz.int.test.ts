/**
 * The headless worker (`tributary standalone`, a real process on the real broker) under hostile
 * input: thousands of malformed requests against every Kafka Connect endpoint, and conflicting
 * writes at once. No answer may be a 5xx or missing, the process must live on, and no secret may
 * show: not the one a config provider reads from a file (anywhere), nor a literal password (in
 * any error, status or validation answer, or any log line). Also proves `${file:…}` secrets are
 * resolved for the task only: the HTTP sink authenticates with the file's password while every
 * REST answer and log line keeps the reference.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectFuzzCases, describeAnswer, raceCases, sendAll, type FuzzAnswer } from "@/scripts/test/api-fuzz";
import { eventually, freePort, kafkaBrokers, tempDir, uniqueName } from "@/scripts/test/integration";

const providerSecret = `file-secret-${randomBytes(8).toString("hex")}`;
const literalSecret = `literal-secret-${randomBytes(8).toString("hex")}`;
const { dir, remove } = tempDir("api-fuzz");
const secretsFile = path.join(dir, "secrets.properties");
const reference = `\${file:${secretsFile}:pw}`;
const topic = uniqueName("fuzz-lines");
const sink = uniqueName("fuzz-sink");
const literal = uniqueName("fuzz-literal");

let worker: ChildProcess;
let port: number;
let log = "";
const received: Array<{ authorization: string | undefined; body: string }> = [];
const target = http.createServer((req, res) => {
  let body = "";
  req.on("data", (chunk: Buffer) => (body += chunk.toString()));
  req.on("end", () => {
    received.push({ authorization: req.headers.authorization, body });
    res.end("{}");
  });
});

const api = (method: string, route: string, body?: unknown) =>
  fetch(`http://127.0.0.1:${port}${route}`, { method, headers: body === undefined ? {} : { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });

function sinkConfig(password: string): Record<string, string> {
  const url = `http://127.0.0.1:${(target.address() as AddressInfo).port}/records`;
  return {
    "connector.class": "io.confluent.connect.http.HttpSinkConnector",
    topics: topic,
    "http.api.url": url,
    "auth.type": "BASIC",
    "connection.user": "fuzz",
    "connection.password": password,
    "request.body.format": "string",
    "key.converter": "org.apache.kafka.connect.storage.StringConverter",
    "value.converter": "org.apache.kafka.connect.storage.StringConverter",
  };
}

beforeAll(async () => {
  await new Promise<void>((resolve) => target.listen(0, "127.0.0.1", resolve));
  writeFileSync(secretsFile, `pw=${providerSecret}\n`);
  writeFileSync(path.join(dir, "input.txt"), "hello from the file\n");
  port = await freePort();
  const properties = [
    `bootstrap.servers=${kafkaBrokers()}`,
    `listeners=http://127.0.0.1:${port}`,
    "key.converter=org.apache.kafka.connect.json.JsonConverter",
    "value.converter=org.apache.kafka.connect.json.JsonConverter",
    "offset.storage.file.filename=/tmp/connect.offsets",
    "offset.flush.interval.ms=1000",
    "config.providers=file",
    "config.providers.file.class=org.apache.kafka.common.config.provider.FileConfigProvider",
  ];
  writeFileSync(path.join(dir, "worker.properties"), `${properties.join("\n")}\n`);
  worker = spawn(path.resolve("bin", "tributary.mjs"), ["standalone", path.join(dir, "worker.properties")], {
    cwd: dir,
    env: { ...process.env, DATABASE_URL: `file:${path.join(dir, "worker.db")}`, LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  worker.stdout!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  worker.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  await eventually(async () => ((await fetch(`http://127.0.0.1:${port}/health`)).status === 200 ? true : undefined), 60_000, "the worker's /health");
});

afterAll(async () => {
  worker?.kill("SIGTERM");
  await new Promise((resolve) => (worker?.exitCode !== null ? resolve(null) : worker.once("exit", resolve)));
  await new Promise((resolve) => target.close(resolve));
  remove();
});

describe("the worker's REST API under hostile input", () => {
  it("resolves a ${file:…} password only for the running task: the sink authenticates with it, REST answers and logs keep the reference", async () => {
    const source = { "connector.class": "FileStreamSource", file: path.join(dir, "input.txt"), topic, "value.converter": "org.apache.kafka.connect.storage.StringConverter", "key.converter": "org.apache.kafka.connect.storage.StringConverter" };
    expect((await api("PUT", `/connectors/${topic}-source/config`, source)).status).toBe(201);
    const created = await api("POST", "/connectors", { name: sink, config: sinkConfig(reference) });
    expect(created.status, await created.clone().text()).toBe(201);

    const delivered = await eventually(() => received.find((request) => request.body.includes("hello from the file")), 60_000, "the sink's request");
    expect(delivered.authorization).toBe(`Basic ${Buffer.from(`fuzz:${providerSecret}`).toString("base64")}`);

    expect(((await (await api("GET", `/connectors/${sink}/config`)).json()) as Record<string, string>)["connection.password"]).toBe(reference);
    const tasks = (await (await api("GET", `/connectors/${sink}/tasks`)).json()) as Array<{ config: Record<string, string> }>;
    expect(tasks[0]!.config["connection.password"]).toBe(reference);
    for (const route of ["/connectors?expand=info&expand=status", `/connectors/${sink}`, `/connectors/${sink}/tasks-config`, `/connectors/${sink}/status`]) {
      expect(await (await api("GET", route)).text(), route).not.toContain(providerSecret);
    }
    expect(log).not.toContain(providerSecret);
  });

  it("answers thousands of malformed and hostile requests and conflicting writes without a 5xx, a hang, a crash or a secret", async () => {
    const made = await api("PUT", `/connectors/${literal}/config`, sinkConfig(literalSecret));
    expect(made.status).toBe(201);
    const base = { host: "127.0.0.1", port };
    const race = raceCases(uniqueName("fuzz-race"), { "connector.class": "FileStreamSource", file: path.join(dir, "race.txt"), topic }, "");
    const cases = connectFuzzCases([sink, literal], "", port, literalSecret);
    const started = Date.now();
    const [answers, raced] = await Promise.all([sendAll(base, cases, 8), sendAll(base, race, 24)]);
    const all: FuzzAnswer[] = [...answers, ...raced];
    const sent = all.filter((answer) => answer.status !== -1).length;
    console.log(`api fuzz: sent ${sent} requests (${race.length} of them conflicting writes) in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const leaksLiteral = (answer: FuzzAnswer) => answer.status >= 400 || /\/(status|validate|restart)\b/.test(answer.fuzz.path);
    const failures = all.filter(
      (answer) =>
        answer.status === 0 ||
        answer.status >= 500 ||
        `${answer.body}${answer.headers}`.includes(providerSecret) ||
        (leaksLiteral(answer) && answer.body.includes(literalSecret)),
    );
    expect(failures.map(describeAnswer)).toEqual([]);
    expect(sent).toBeGreaterThan(2000);

    expect(worker.exitCode).toBeNull();
    expect((await api("GET", "/health")).status).toBe(200);
    const after = uniqueName("fuzz-after");
    expect((await api("PUT", `/connectors/${after}/config`, { "connector.class": "FileStreamSource", file: path.join(dir, "input.txt"), topic })).status).toBe(201);
    await eventually(async () => {
      const status = (await (await api("GET", `/connectors/${after}/status`)).json()) as { tasks: Array<{ state: string }> };
      return status.tasks[0]?.state === "RUNNING" ? true : undefined;
    }, 30_000, "a connector created after the fuzz to run");
    expect(log).not.toContain(providerSecret);
    expect(log).not.toContain(literalSecret);
  });
});
