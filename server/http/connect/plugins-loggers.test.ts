import { Writable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createConnectHandler } from "@/server/http/connect-api";
import { connectClient } from "@/server/http/connect/testing/connect-client";
import { FakeHerder } from "@/server/http/connect/testing/fake-herder";
import { getLogger, resetLogging } from "@/server/logging/logger";

let call: ReturnType<typeof connectClient>;

beforeEach(() => {
  const herder = new FakeHerder();
  call = connectClient(createConnectHandler(async () => herder));
});

describe("connector plugins", () => {
  it("lists connector plugins by default, every kind with connectorsOnly=false", async () => {
    const connectors = await call("GET", "/connector-plugins");
    expect(connectors.status).toBe(200);
    expect((await connectors.json()).map((plugin: { type: string }) => plugin.type)).toEqual(["sink", "source"]);
    const all = await (await call("GET", "/connector-plugins?connectorsOnly=FALSE")).json();
    expect(all).toContainEqual({ class: "org.apache.kafka.connect.transforms.InsertField$Value", type: "transformation" });
    expect(await (await call("GET", "/connector-plugins?connectorsOnly=true")).json()).toHaveLength(2);
  });

  it("GET /connector-plugins/{p}/config answers the ConfigKeyInfos; 404 unknown, 400 other kinds", async () => {
    const response = await call("GET", "/connector-plugins/FileStreamSinkConnector/config");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([expect.objectContaining({ name: "tasks.max", type: "INT", order: 3, default_value: "1" })]);
    expect(await (await call("GET", "/connector-plugins/Nope/config")).json()).toEqual({ error_code: 404, message: "Unknown plugin Nope." });
    expect((await call("GET", "/connector-plugins/InsertField$Value/config")).status).toBe(400);
  });

  it("PUT /config/validate answers 200 with ConfigInfos even when the config has errors", async () => {
    const response = await call("PUT", "/connector-plugins/FileStreamSink/config/validate", { json: { "connector.class": "FileStreamSink", "tasks.max": 1 } });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ name: "FileStreamSink", error_count: 1, groups: ["Common"] });
    expect(body.configs[0].value.errors).toEqual(['Missing required configuration "name" which has no default value.']);
  });

  it("PUT /config/validate answers 400 for a config without connector.class, a bad body or a non-JSON type", async () => {
    const missing = await call("PUT", "/connector-plugins/FileStreamSink/config/validate", { json: { topics: "t" } });
    expect(await missing.json()).toEqual({ error_code: 400, message: 'Connector config {"topics":"t"} contains no connector type' });
    expect((await call("PUT", "/connector-plugins/FileStreamSink/config/validate", { text: "{" })).status).toBe(400);
    expect((await call("PUT", "/connector-plugins/FileStreamSink/config/validate", { json: [] })).status).toBe(400);
    expect((await call("PUT", "/connector-plugins/FileStreamSink/config/validate", { json: {}, contentType: "text/json" })).status).toBe(415);
  });
});

describe("/admin/loggers", () => {
  beforeEach(() => resetLogging(new Writable({ write: (_chunk, _encoding, done) => done() }) as never));
  afterEach(() => resetLogging(process.stdout as never));

  const put = (name: string, json: unknown, query = "") => call("PUT", `/admin/loggers/${name}${query}`, { json });

  it("GET lists root until a level is set, then the explicit loggers too", async () => {
    const initial = await call("GET", "/admin/loggers");
    expect(initial.status).toBe(200);
    expect(await initial.json()).toEqual({ root: { level: "WARN", last_modified: null } });
    await put("tributary.demo", { level: "debug" });
    const body = await (await call("GET", "/admin/loggers")).json();
    expect(Object.keys(body)).toEqual(["root", "tributary.demo"]);
    expect(body["tributary.demo"]).toEqual({ level: "DEBUG", last_modified: expect.any(Number) });
  });

  it("PUT sets the logger and the known loggers below it, answering their sorted names", async () => {
    getLogger("tributary.demo.b");
    getLogger("tributary.demo.a");
    getLogger("tributary.demonic");
    const response = await put("tributary.demo", { level: "TRACE" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(["tributary.demo", "tributary.demo.a", "tributary.demo.b"]);
    expect(await (await call("GET", "/admin/loggers/tributary.demo.a")).json()).toMatchObject({ level: "TRACE" });
    expect(await (await call("GET", "/admin/loggers/tributary.demonic")).json()).toEqual({ level: "WARN", last_modified: null });
  });

  it("GET /admin/loggers/{l} answers 404 for a logger nobody created", async () => {
    const response = await call("GET", "/admin/loggers/no.such.logger");
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error_code: 404, message: "Logger no.such.logger not found." });
    expect(await (await call("GET", "/admin/loggers/root")).json()).toEqual({ level: "WARN", last_modified: null });
  });

  it("answers 400 without a level and 404 for an invalid one, as Connect does", async () => {
    expect(await (await put("tributary.demo", {})).json()).toEqual({ error_code: 400, message: "Desired 'level' parameter was not specified in request." });
    expect(await (await put("tributary.demo", { level: null })).json()).toEqual({ error_code: 400, message: "Desired 'level' parameter was not specified in request." });
    const invalid = await put("tributary.demo", { level: "LOUD" });
    expect(invalid.status).toBe(404);
    expect(await invalid.json()).toEqual({ error_code: 404, message: "invalid log level 'LOUD'." });
    expect((await call("PUT", "/admin/loggers/tributary.demo", { json: { level: "INFO" }, contentType: "text/plain" })).status).toBe(415);
  });

  it("scope=cluster applies to this worker and answers 204; an unknown scope is worker scope", async () => {
    const cluster = await put("tributary.demo", { level: "ERROR" }, "?scope=Cluster");
    expect(cluster.status).toBe(204);
    expect(await (await call("GET", "/admin/loggers/tributary.demo")).json()).toMatchObject({ level: "ERROR" });
    const unknown = await put("tributary.demo", { level: "off" }, "?scope=galaxy");
    expect(unknown.status).toBe(200);
    expect(await unknown.json()).toEqual(["tributary.demo"]);
    expect(await (await call("GET", "/admin/loggers/tributary.demo")).json()).toMatchObject({ level: "OFF" });
  });
});
