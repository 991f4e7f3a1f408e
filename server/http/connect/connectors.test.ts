import { beforeEach, describe, expect, it } from "vitest";
import { createConnectHandler } from "@/server/http/connect-api";
import { connectClient } from "@/server/http/connect/testing/connect-client";
import { FakeHerder } from "@/server/http/connect/testing/fake-herder";

const sinkConfig = { "connector.class": "FileStreamSink", "tasks.max": "2", topics: "t", file: "out.txt" };

let herder: FakeHerder;
let call: ReturnType<typeof connectClient>;

beforeEach(() => {
  herder = new FakeHerder();
  call = connectClient(createConnectHandler(async () => herder));
});

async function create(name: string, config: Record<string, unknown> = sinkConfig, extra: Record<string, unknown> = {}): Promise<Response> {
  return call("POST", "/connectors", { json: { name, config, ...extra } });
}

describe("POST /connectors", () => {
  it("answers 201 with an absolute Location under the API root and the ConnectorInfo", async () => {
    const response = await create("fs");
    expect(response.status).toBe(201);
    expect(response.headers.get("location")).toBe("http://connect.test:8083/api/connect/connectors/fs");
    expect(await response.json()).toEqual({
      name: "fs",
      config: { ...sinkConfig, name: "fs" },
      tasks: [
        { connector: "fs", task: 0 },
        { connector: "fs", task: 1 },
      ],
      type: "sink",
    });
  });

  it("builds Location at the listener's root on the headless worker, with the name encoded", async () => {
    const worker = connectClient(createConnectHandler(async () => herder), "worker");
    const response = await worker("POST", "/connectors", { json: { name: "my sink", config: sinkConfig } });
    expect(response.status).toBe(201);
    expect(response.headers.get("location")).toBe("http://connect.test:8083/connectors/my%20sink");
    expect((await worker("GET", "/connectors/my%20sink")).status).toBe(200);
  });

  it("trims the name, fills in config.name and coerces numbers and booleans to strings", async () => {
    const response = await create("  fs  ", { "connector.class": "FileStreamSink", "tasks.max": 1, topics: "t", "errors.log.enable": true });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ name: "fs", config: { name: "fs", "tasks.max": "1", "errors.log.enable": "true" } });
  });

  it("answers 409 for an existing name", async () => {
    await create("fs");
    const response = await create("fs");
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ error_code: 409, message: "Connector fs already exists" });
  });

  it("honours initial_state case-insensitively and refuses other values with 400", async () => {
    expect((await create("paused", sinkConfig, { initial_state: "paused" })).status).toBe(201);
    expect(await (await call("GET", "/connectors/paused/status")).json()).toMatchObject({ connector: { state: "PAUSED" } });
    expect((await create("stopped", sinkConfig, { initial_state: "STOPPED" })).status).toBe(201);
    expect(await (await call("GET", "/connectors/stopped/status")).json()).toMatchObject({ connector: { state: "STOPPED" }, tasks: [] });

    const response = await create("bad", sinkConfig, { initial_state: "RUNNIN" });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error_code: 400, message: "Invalid initial_state 'RUNNIN': expected RUNNING, PAUSED or STOPPED." });
  });

  it("refuses a config.name that differs from the body's name with Connect's message", async () => {
    const response = await create("a", { ...sinkConfig, name: "b" });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error_code: 400, message: "Connector name configuration (b) doesn't match connector name in the URL (a)" });
  });

  it("passes a missing name on as \"\" for the Herder's validation to refuse with 400", async () => {
    const response = await call("POST", "/connectors", { json: { config: sinkConfig } });
    expect(response.status).toBe(400);
    expect((await response.json()).message).toContain("String may not be empty");
  });

  it("lets a null config value reach the Herder's validation", async () => {
    const response = await create("fs", { ...sinkConfig, file: null });
    expect(response.status).toBe(400);
    expect((await response.json()).message).toContain("Null value can not be supplied as the configuration value.");
  });

  it("answers 400, not 500, with what is wrong and where, for bodies that do not bind", async () => {
    const cases: Array<[Parameters<typeof call>[2], string]> = [
      [{ text: '{"name": "x", ' }, "The request body is not valid JSON: "],
      [{ text: "" }, "The request body is empty: a JSON body is required."],
      [{ json: ["x"] }, "Invalid request body: expected a JSON object, got an array."],
      [{ json: { name: "x", config: sinkConfig, tasks: 1 } }, "Invalid request body: unknown field 'tasks' (allowed: 'name', 'config', 'initial_state')."],
      [{ json: { name: "x" } }, "Invalid request body: expected a JSON object of config keys and values, got nothing (at config)."],
      [{ json: { name: "x", config: { ...sinkConfig, "tasks.max": [1] } } }, 'Invalid request body: expected a string, number, boolean or null, got an array (at config["tasks.max"]).'],
      [{ json: { name: 7, config: sinkConfig } }, "Invalid request body: expected string, received number (at name)."],
    ];
    for (const [options, message] of cases) {
      const response = await call("POST", "/connectors", options);
      const body = await response.json();
      expect({ status: response.status, error_code: body.error_code }).toEqual({ status: 400, error_code: 400 });
      expect(body.message).toContain(message);
    }
    expect(await herder.connectors()).toEqual([]);
  });

  it("answers 415 unless the body is sent as application/json", async () => {
    for (const contentType of [null, "text/plain", "application/x-www-form-urlencoded"]) {
      const response = await call("POST", "/connectors", { json: { name: "fs", config: sinkConfig }, contentType });
      expect(response.status).toBe(415);
      const body = await response.json();
      expect(body.error_code).toBe(415);
      expect(body.message).toContain("'Content-Type: application/json'");
    }
    const withCharset = await call("POST", "/connectors", { json: { name: "fs", config: sinkConfig }, contentType: "Application/JSON; charset=utf-8" });
    expect(withCharset.status).toBe(201);
  });
});

describe("GET /connectors", () => {
  beforeEach(async () => {
    await create("b");
    await create("a");
  });

  it("lists names", async () => {
    const response = await call("GET", "/connectors");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(["a", "b"]);
  });

  it("expands status and info, repeated, into a map", async () => {
    const body = await (await call("GET", "/connectors?expand=status&expand=info")).json();
    expect(Object.keys(body)).toEqual(["a", "b"]);
    expect(body.a.status).toMatchObject({ name: "a", connector: { state: "RUNNING", worker_id: "fake:8083" }, type: "sink" });
    expect(body.a.info).toMatchObject({ name: "a", config: { name: "a" }, type: "sink" });
    expect(Object.keys(await (await call("GET", "/connectors?expand=info")).json().then((all) => all.b))).toEqual(["info"]);
  });

  it("gives {} for unknown expansions and leaves out connectors without status", async () => {
    expect(await (await call("GET", "/connectors?expand=everything")).json()).toEqual({ a: {}, b: {} });
    herder.withoutStatus.add("b");
    expect(Object.keys(await (await call("GET", "/connectors?expand=status")).json())).toEqual(["a"]);
  });
});

describe("one connector", () => {
  beforeEach(async () => {
    await create("fs");
  });

  it("GET /connectors/{c} and /config answer the info and the raw config", async () => {
    expect(await (await call("GET", "/connectors/fs")).json()).toMatchObject({ name: "fs", type: "sink" });
    expect(await (await call("GET", "/connectors/fs/config")).json()).toEqual({ ...sinkConfig, name: "fs" });
  });

  it("answers 404 with Connect's messages for an unknown connector", async () => {
    for (const [method, path, message] of [
      ["GET", "/connectors/nope", "Connector nope not found"],
      ["GET", "/connectors/nope/config", "Connector nope not found"],
      ["DELETE", "/connectors/nope", "Connector nope not found"],
      ["GET", "/connectors/nope/status", "No status found for connector nope"],
    ] as const) {
      const response = await call(method, path);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error_code: 404, message });
    }
    const patch = await call("PATCH", "/connectors/nope/config", { json: { "tasks.max": "1" } });
    expect(await patch.json()).toEqual({ error_code: 404, message: "Connector nope not found" });
  });

  it("GET /status answers the ConnectorStateInfo, with trace only on failed tasks", async () => {
    herder.failTask("fs", 1);
    const body = await (await call("GET", "/connectors/fs/status")).json();
    expect(body).toMatchObject({ name: "fs", connector: { state: "RUNNING" }, type: "sink" });
    expect(body.tasks[0]).toEqual({ id: 0, state: "RUNNING", worker_id: "fake:8083" });
    expect(body.tasks[1]).toMatchObject({ id: 1, state: "FAILED", trace: expect.stringContaining("ConnectException") });
  });

  it("PUT /config answers 200 when updating and 201 + Location when creating, filling in the path's name", async () => {
    const updated = await call("PUT", "/connectors/fs/config", { json: { ...sinkConfig, "tasks.max": 1 } });
    expect(updated.status).toBe(200);
    expect(updated.headers.get("location")).toBeNull();
    expect(await updated.json()).toMatchObject({ name: "fs", config: { name: "fs", "tasks.max": "1" }, tasks: [{ connector: "fs", task: 0 }] });

    const created = await call("PUT", "/connectors/new%20one/config", { json: sinkConfig });
    expect(created.status).toBe(201);
    expect(created.headers.get("location")).toBe("http://connect.test:8083/api/connect/connectors/new%20one");
    expect(await created.json()).toMatchObject({ name: "new one", config: { name: "new one" } });
  });

  it("PUT /config refuses a config.name other than the path's, untrimmed", async () => {
    const response = await call("PUT", "/connectors/fs/config", { json: { ...sinkConfig, name: " fs" } });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error_code: 400, message: "Connector name configuration ( fs) doesn't match connector name in the URL (fs)" });
  });

  it("PUT /config needs a JSON object of strings", async () => {
    expect((await call("PUT", "/connectors/fs/config", { text: "nope" })).status).toBe(400);
    expect((await call("PUT", "/connectors/fs/config", { json: sinkConfig, contentType: "text/plain" })).status).toBe(415);
    const nested = await call("PUT", "/connectors/fs/config", { json: { ...sinkConfig, file: { path: "x" } } });
    expect(await nested.json()).toEqual({ error_code: 400, message: "Invalid request body: expected a string, number, boolean or null, got an object (at file)." });
  });

  it("PATCH /config merges, removes keys set to null and answers 200", async () => {
    const response = await call("PATCH", "/connectors/fs/config", { json: { file: null, "tasks.max": 1, "errors.tolerance": "all" } });
    expect(response.status).toBe(200);
    const { config } = await response.json();
    expect(config).toEqual({ "connector.class": "FileStreamSink", "tasks.max": "1", topics: "t", name: "fs", "errors.tolerance": "all" });
  });

  it("DELETE answers 204 with no body", async () => {
    const response = await call("DELETE", "/connectors/fs");
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
    expect((await call("GET", "/connectors/fs")).status).toBe(404);
  });
});
