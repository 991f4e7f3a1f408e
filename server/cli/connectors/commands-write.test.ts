import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runConnectorsCommand } from "@/server/cli/connectors/commands";
import { startFakeConnect, type CannedResponse, type FakeConnect } from "@/server/cli/connectors/testing/fake-connect-server";

const config = { "connector.class": "FileStreamSource", "tasks.max": "1", file: "in.txt", topic: "lines", name: "src" };
const info = { name: "src", config, tasks: [{ connector: "src", task: 0 }], type: "source" };
const infoTable = [
  "NAME  TYPE    TASKS",
  "src   source  0",
  "",
  "KEY              VALUE",
  "connector.class  FileStreamSource",
  "file             in.txt",
  "name             src",
  "tasks.max        1",
  "topic            lines",
  "",
].join("\n");

let server: FakeConnect | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function run(routes: Record<string, CannedResponse>, args: string[], stdin = "") {
  server = await startFakeConnect(routes);
  return runConnectorsCommand([...args, "--url", server.url], { env: {}, readStdin: async () => stdin });
}

function writeTemp(name: string, text: string): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "connectors-cli-")), name);
  writeFileSync(file, text);
  return file;
}

function sentJson(index = 0): unknown {
  const request = server!.requests[index]!;
  expect(request.contentType).toBe("application/json");
  return JSON.parse(request.body);
}

describe("tributary connectors create", () => {
  it("POSTs a .properties file as {name, config} and prints the ConnectorInfo", async () => {
    const file = writeTemp("src.properties", "name=src\nconnector.class=FileStreamSource\ntasks.max=1\nfile=in.txt\ntopic=lines\n");
    const result = await run({ "POST /connectors": { status: 201, json: info } }, ["create", "-f", file]);
    expect(result).toEqual({ exitCode: 0, stdout: infoTable, stderr: "" });
    expect(server!.requests[0]).toMatchObject({ method: "POST", path: "/connectors" });
    expect(sentJson()).toEqual({ name: "src", config });
  });

  it("POSTs a flat JSON config map the same way", async () => {
    const file = writeTemp("src.json", JSON.stringify({ ...config, "tasks.max": 1 }));
    const result = await run({ "POST /connectors": { status: 201, json: info } }, ["create", "--file", file, "-o", "json"]);
    expect(result.stdout).toBe(`${JSON.stringify(info, null, 2)}\n`);
    expect(sentJson()).toEqual({ name: "src", config });
  });

  it("POSTs a JSON POST body from stdin with its initial_state", async () => {
    const body = { name: "src", config: { "connector.class": "FileStreamSource", file: "in.txt", topic: "lines" }, initial_state: "STOPPED" };
    const result = await run({ "POST /connectors": { status: 201, json: info } }, ["create", "-f", "-"], JSON.stringify(body));
    expect(result.exitCode).toBe(0);
    expect(sentJson()).toEqual(body);
  });

  it("refuses a file that names no connector, before sending anything", async () => {
    const result = await run({}, ["create", "-f", "-"], "connector.class=FileStreamSource\n");
    expect(result).toEqual({ exitCode: 1, stdout: "", stderr: 'tributary: stdin names no connector: add a "name" key\n' });
    expect(server!.requests).toEqual([]);
  });
});

describe("tributary connectors update", () => {
  it("PUTs the file's config to /connectors/NAME/config and prints the ConnectorInfo", async () => {
    const file = writeTemp("src.properties", "connector.class=FileStreamSource\ntasks.max=1\nfile=in.txt\ntopic=lines\nname=src\n");
    const result = await run({ "PUT /connectors/src/config": { status: 200, json: info } }, ["update", "src", "-f", file]);
    expect(result).toEqual({ exitCode: 0, stdout: infoTable, stderr: "" });
    expect(server!.requests[0]).toMatchObject({ method: "PUT", path: "/connectors/src/config" });
    expect(sentJson()).toEqual(config);
  });

  it("sends a POST body's config with its name, and leaves out initial_state", async () => {
    const body = { name: "src", config: { "connector.class": "FileStreamSource" }, initial_state: "PAUSED" };
    await run({ "PUT /connectors/src/config": { status: 201, json: info } }, ["update", "src", "-f", "-"], JSON.stringify(body));
    expect(sentJson()).toEqual({ "connector.class": "FileStreamSource", name: "src" });
  });

  it("sends a config without a name as it is: the path names the connector", async () => {
    await run({ "PUT /connectors/src/config": { status: 200, json: info } }, ["update", "src", "-f", "-"], '{"tasks.max":"3"}');
    expect(sentJson()).toEqual({ "tasks.max": "3" });
  });
});

describe("delete, pause, resume, stop", () => {
  it.each([
    ["delete", "DELETE", "/connectors/src", 204, "Deleted connector src."],
    ["pause", "PUT", "/connectors/src/pause", 202, "Pause requested for connector src."],
    ["resume", "PUT", "/connectors/src/resume", 202, "Resume requested for connector src."],
    ["stop", "PUT", "/connectors/src/stop", 204, "Stop requested for connector src."],
  ])("%s sends %s %s without a body and confirms in one line", async (command, method, urlPath, status, line) => {
    const result = await run({ [`${method} ${urlPath}`]: { status } }, [command, "src"]);
    expect(result).toEqual({ exitCode: 0, stdout: `${line}\n`, stderr: "" });
    expect(server!.requests).toEqual([{ method, path: urlPath, contentType: undefined, body: "" }]);
  });

  it("print nothing with --output json, as the API answers no body", async () => {
    expect(await run({ "PUT /connectors/src/pause": { status: 202 } }, ["pause", "src", "-o", "json"])).toEqual({ exitCode: 0, stdout: "", stderr: "" });
  });
});

describe("tributary connectors restart", () => {
  const plan = {
    name: "src",
    connector: { state: "RESTARTING", worker_id: "w:8083" },
    tasks: [{ id: 0, state: "RESTARTING", worker_id: "w:8083" }],
    type: "source",
  };

  it("without flags POSTs /restart and confirms the 204", async () => {
    const result = await run({ "POST /connectors/src/restart": { status: 204 } }, ["restart", "src"]);
    expect(result.stdout).toBe("Restart requested for connector src.\n");
    expect(server!.requests).toEqual([{ method: "POST", path: "/connectors/src/restart", contentType: undefined, body: "" }]);
  });

  it("passes --include-tasks and --only-failed as query parameters and prints the 202 restart plan", async () => {
    const routes = { "POST /connectors/src/restart?includeTasks=true&onlyFailed=true": { status: 202, json: plan } };
    const result = await run(routes, ["restart", "src", "--include-tasks", "--only-failed"]);
    expect(result.stdout).toBe(
      "CONNECTOR  TYPE    STATE       WORKER  TRACE\nsrc        source  RESTARTING  w:8083\n\nTASK  STATE       WORKER  TRACE\n0     RESTARTING  w:8083\n",
    );
    const json = await runConnectorsCommand(["restart", "src", "--include-tasks", "--only-failed", "-o", "json", "--url", server!.url], { env: {} });
    expect(json.stdout).toBe(`${JSON.stringify(plan, null, 2)}\n`);
  });

  it("sends only the flag given", async () => {
    await run({ "POST /connectors/src/restart?onlyFailed=true": { status: 202, json: plan } }, ["restart", "src", "--only-failed"]);
    expect(server!.requests[0]!.path).toBe("/connectors/src/restart?onlyFailed=true");
  });
});
