import { afterEach, describe, expect, it } from "vitest";
import { runConnectorsCommand } from "@/server/cli/connectors/commands";
import { startFakeConnect, type CannedResponse, type FakeConnect } from "@/server/cli/connectors/testing/fake-connect-server";

const info = {
  name: "fs",
  config: { "connector.class": "FileStreamSink", "tasks.max": "2", topics: "orders", file: "/tmp/out.txt", name: "fs" },
  tasks: [{ connector: "fs", task: 0 }, { connector: "fs", task: 1 }],
  type: "sink",
};
const trace = "org.apache.kafka.connect.errors.ConnectException: disk full\n\tat org.apache.kafka.connect.file.FileStreamSinkTask.put(FileStreamSinkTask.java:95)";
const status = {
  name: "fs",
  connector: { state: "RUNNING", worker_id: "10.0.0.5:8083" },
  tasks: [
    { id: 0, state: "RUNNING", worker_id: "10.0.0.5:8083" },
    { id: 1, state: "FAILED", worker_id: "10.0.0.6:8083", trace },
  ],
  type: "sink",
};
const sourceStatus = { name: "datagen-orders", connector: { state: "PAUSED", worker_id: "10.0.0.5:8083" }, tasks: [{ id: 0, state: "PAUSED", worker_id: "10.0.0.5:8083" }], type: "source" };
const expanded = { fs: { status, info }, "datagen-orders": { status: sourceStatus } };

let server: FakeConnect | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function run(routes: Record<string, CannedResponse>, args: string[]) {
  server = await startFakeConnect(routes);
  return runConnectorsCommand([...args, "--url", server.url], { env: {} });
}

describe("tributary connectors list", () => {
  it("asks for status and info in one request and prints NAME, TYPE, STATE, TASKS (running/total) sorted by name", async () => {
    const result = await run({ "GET /connectors?expand=status&expand=info": { status: 200, json: expanded } }, ["list"]);
    expect(result).toEqual({
      exitCode: 0,
      stderr: "",
      stdout: ["NAME            TYPE    STATE    TASKS", "datagen-orders  source  PAUSED   0/1", "fs              sink    RUNNING  1/2", ""].join("\n"),
    });
    expect(server!.requests).toEqual([{ method: "GET", path: "/connectors?expand=status&expand=info", contentType: undefined, body: "" }]);
  });

  it("prints the API's JSON, pretty-printed, with --output json", async () => {
    const result = await run({ "GET /connectors?expand=status&expand=info": { status: 200, json: expanded } }, ["list", "--output", "json"]);
    expect(result.stdout).toBe(`${JSON.stringify(expanded, null, 2)}\n`);
  });

  it("says so when there are no connectors", async () => {
    expect((await run({ "GET /connectors?expand=status&expand=info": { status: 200, json: {} } }, ["list"])).stdout).toBe("No connectors.\n");
  });

  it("uses $TRIBUTARY_URL, and a base path such as the console's /api/connect", async () => {
    server = await startFakeConnect({ "GET /api/connect/connectors?expand=status&expand=info": { status: 200, json: {} } });
    const result = await runConnectorsCommand(["list", "-o", "json"], { env: { TRIBUTARY_URL: `${server.url}/api/connect/` } });
    expect(result).toEqual({ exitCode: 0, stdout: "{}\n", stderr: "" });
  });
});

describe("tributary connectors get, config, status", () => {
  it("get prints name, type and task ids, then the config sorted by key", async () => {
    const result = await run({ "GET /connectors/fs": { status: 200, json: info } }, ["get", "fs"]);
    expect(result.stdout).toBe(
      [
        "NAME  TYPE  TASKS",
        "fs    sink  0, 1",
        "",
        "KEY              VALUE",
        "connector.class  FileStreamSink",
        "file             /tmp/out.txt",
        "name             fs",
        "tasks.max        2",
        "topics           orders",
        "",
      ].join("\n"),
    );
  });

  it("encodes the connector's name as one path segment", async () => {
    const result = await run({ "GET /connectors/my%20conn%2Fv2/config": { status: 200, json: { name: "my conn/v2" } } }, ["config", "my conn/v2", "-o", "json"]);
    expect(result.stdout).toBe('{\n  "name": "my conn/v2"\n}\n');
  });

  it("config prints KEY and VALUE", async () => {
    const result = await run({ "GET /connectors/fs/config": { status: 200, json: { topics: "orders", "connector.class": "FileStreamSink" } } }, ["config", "fs"]);
    expect(result.stdout).toBe("KEY              VALUE\nconnector.class  FileStreamSink\ntopics           orders\n");
  });

  it("status prints the connector, then each task with its state and the first line of its trace", async () => {
    const result = await run({ "GET /connectors/fs/status": { status: 200, json: status } }, ["status", "fs"]);
    expect(result.stdout).toBe(
      [
        "CONNECTOR  TYPE  STATE    WORKER         TRACE",
        "fs         sink  RUNNING  10.0.0.5:8083",
        "",
        "TASK  STATE    WORKER         TRACE",
        "0     RUNNING  10.0.0.5:8083",
        "1     FAILED   10.0.0.6:8083  org.apache.kafka.connect.errors.ConnectException: disk full",
        "",
      ].join("\n"),
    );
  });

  it("status --output json prints the whole trace as the API sent it", async () => {
    const result = await run({ "GET /connectors/fs/status": { status: 200, json: status } }, ["status", "fs", "--output=json"]);
    expect(JSON.parse(result.stdout)).toEqual(status);
    expect(result.stdout).toContain('"trace": "org.apache.kafka.connect.errors.ConnectException: disk full\\n\\tat ');
  });

  it("status of a stopped connector says it has no tasks", async () => {
    const stopped = { name: "fs", connector: { state: "STOPPED", worker_id: "w:8083" }, tasks: [], type: "sink" };
    const result = await run({ "GET /connectors/fs/status": { status: 200, json: stopped } }, ["status", "fs"]);
    expect(result.stdout).toBe("CONNECTOR  TYPE  STATE    WORKER  TRACE\nfs         sink  STOPPED  w:8083\n\nNo tasks.\n");
  });
});

describe("tributary connectors offsets, plugins", () => {
  it("offsets prints each partition and offset as compact JSON", async () => {
    const offsets = { offsets: [{ partition: { filename: "/tmp/in.txt" }, offset: { position: 30 } }] };
    const result = await run({ "GET /connectors/src/offsets": { status: 200, json: offsets } }, ["offsets", "src"]);
    expect(result.stdout).toBe('PARTITION                   OFFSET\n{"filename":"/tmp/in.txt"}  {"position":30}\n');
    expect((await runConnectorsCommand(["offsets", "src", "-o", "json", "--url", server!.url], { env: {} })).stdout).toBe(`${JSON.stringify(offsets, null, 2)}\n`);
  });

  it("plugins lists class, type and version", async () => {
    const plugins = [
      { class: "org.apache.kafka.connect.file.FileStreamSinkConnector", type: "sink", version: "4.0.0" },
      { class: "io.example.NoVersion", type: "source" },
    ];
    const result = await run({ "GET /connector-plugins": { status: 200, json: plugins } }, ["plugins"]);
    expect(result.stdout).toBe(
      [
        "CLASS                                                  TYPE    VERSION",
        "org.apache.kafka.connect.file.FileStreamSinkConnector  sink    4.0.0",
        "io.example.NoVersion                                   source  -",
        "",
      ].join("\n"),
    );
  });
});
