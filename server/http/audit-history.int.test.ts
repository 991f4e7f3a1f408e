/**
 * The audit log and config history through the route wrappers and handlers the app uses, on a
 * real SQLite file and a fake herder: who is recorded (the proxy's principal, else anonymous),
 * configs masked by ConfigDef type and by name, versions attributed to their caller, rollback,
 * and the endpoints' 4xx answers.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, tempDir } from "@/scripts/test/integration";
import { AuditLog } from "@/server/console/audit/audit-log";
import { installAuditLog, uninstallAuditLog } from "@/server/console/audit/audit-slot";
import { encodePrincipal, PRINCIPAL_HEADER } from "@/server/console/auth/principal";
import { ConfigHistory } from "@/server/console/config-history/config-history";
import { installConfigHistory, uninstallConfigHistory } from "@/server/console/config-history/history-slot";
import { withAudit } from "@/server/http/audit-route";
import { withConfigHistory } from "@/server/http/config-history-route";
import { createConnectHandler } from "@/server/http/connect-api";
import { FakeHerder } from "@/server/http/connect/testing/fake-herder";
import { auditExportResponse, auditResponse } from "@/server/http/console-audit";
import { connectorRollbackResponse, connectorVersionResponse, connectorVersionsResponse } from "@/server/http/console-versions";
import type { ConfigKeyInfo } from "@/server/runtime/herder/herder-types";
import { Runtime } from "@/server/runtime/runtime";
import { installRuntime, uninstallRuntime } from "@/server/runtime/runtime-slot";
import { MemoryWorkerProcessStore } from "@/server/storage/memory/worker-process-store";
import { openDatabase, type Database } from "@/server/storage/prisma/database";
import { applyMigrations } from "@/server/storage/prisma/migrate";

/** A FakeHerder whose connectors declare `sftp.pass` PASSWORD, a key not named like a secret. */
class PasswordHerder extends FakeHerder {
  override pluginConfig(pluginName: string): ConfigKeyInfo[] {
    return [...super.pluginConfig(pluginName), { ...super.pluginConfig(pluginName)[0]!, name: "sftp.pass", type: "PASSWORD" }];
  }
}

const folder = tempDir("audit-http");
const herder = new PasswordHerder();
const connect = createConnectHandler(async () => herder);
const change = withAudit(withConfigHistory((request: Request, segments: string[]) => connect(request, segments)));
let db: Database;
let audit: AuditLog;

const base = "http://console.test";
function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const request = new Request(`${base}/api/connect${path}`, { method, headers: { "content-type": "application/json", ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
  return change(request, path.split("/").filter(Boolean).map(decodeURIComponent));
}
const get = (path: string) => new Request(`${base}/api/console${path}`);
const config = { "connector.class": "org.apache.kafka.connect.file.FileStreamSinkConnector", topics: "t", file: "a.txt", "db.password": "pw-one", "sftp.pass": "sftp-one" };

beforeAll(async () => {
  const url = `file:${path.join(folder.dir, "console.db")}`;
  applyMigrations(url, path.resolve("prisma", "migrations"));
  db = openDatabase(url);
  audit = new AuditLog(db);
  installAuditLog(audit);
  installConfigHistory(new ConfigHistory(db));
  const control = Object.assign(herder, { prepare: async () => {}, start: async () => {}, stop: async () => {} });
  const cluster = { bootstrap: "b", describeCluster: async () => ({ clusterId: "c", brokers: 1 }), close: async () => {} };
  await installRuntime(() => new Runtime({ mode: "embedded", workerId: "w:1", version: "0", restUrl: null, cluster, workers: new MemoryWorkerProcessStore(), herder: control })).started;
});

afterAll(async () => {
  await uninstallRuntime();
  uninstallAuditLog();
  uninstallConfigHistory();
  await db.$disconnect();
  folder.remove();
});

async function entries(target: string): Promise<Array<Record<string, unknown>>> {
  const body = (await (await auditResponse(get(`/audit?target=${target}`))).json()) as { entries: Array<Record<string, unknown>> };
  return body.entries;
}

describe("changes through the Connect API", () => {
  it("are audited with their caller and masked configs, and applied configs become versions", async () => {
    const ann = { [PRINCIPAL_HEADER]: encodePrincipal({ user: "ann", via: "session", grants: [], address: "10.0.0.7" }) };
    expect((await call("POST", "/connectors", { name: "s", config }, { "x-forwarded-for": "192.0.2.1, 10.0.0.1" })).status).toBe(201);
    expect((await call("PUT", "/connectors/s/config", { ...config, topics: "u", "db.password": "pw-two" }, ann)).status).toBe(200);
    expect((await call("PUT", "/connectors/s/pause", undefined, ann)).status).toBe(202);
    expect((await call("PUT", "/connectors/s/config", { ...config, name: "other" })).status).toBe(400);

    const logged = await eventually(async () => ((await entries("s")).length === 4 ? entries("s") : undefined), 5_000);
    await eventually(async () => ((await connectorVersionsResponse(get("/connectors/s/versions")).then((r) => r.json())) as { versions: unknown[] }).versions.length === 2 || undefined, 5_000);
    expect(logged.map((e) => [e.event, e.user, e.address, e.status, e.outcome])).toEqual([
      ["connector.config.update", "anonymous", "", 400, "refused"],
      ["connector.pause", "ann", "10.0.0.7", 202, "ok"],
      ["connector.config.update", "ann", "10.0.0.7", 200, "ok"],
      ["connector.create", "anonymous", "192.0.2.1", 201, "ok"],
    ]);
    expect(logged[0]!.detail).toEqual(expect.any(String));
    expect(logged[1]).toMatchObject({ before: null, after: null });
    expect(logged[2]).toMatchObject({ before: { topics: "t", "db.password": "[hidden]", "sftp.pass": "[hidden]" }, after: { topics: "u", "db.password": "[hidden] (changed)", "sftp.pass": "[hidden]" } });
    expect(logged[3]).toMatchObject({ before: null, after: { topics: "t", "sftp.pass": "[hidden]" } });

    const versions = (await (await connectorVersionsResponse(get("/connectors/s/versions"))).json()) as { versions: Array<{ version: number; user: string; changedKeys: number }> };
    expect(versions.versions.map((v) => [v.version, v.user, v.changedKeys])).toEqual([[2, "ann", 2], [1, "anonymous", 6]]);
    const v1 = (await (await connectorVersionResponse(get("/connectors/s/versions/1"))).json()) as { config: Record<string, string> };
    expect(v1.config).toMatchObject({ "db.password": "[hidden]", "sftp.pass": "[hidden]", topics: "t" });
    const v2 = (await (await connectorVersionResponse(get("/connectors/s/versions/2?against=1"))).json()) as { config: Record<string, string> };
    expect(v2.config).toMatchObject({ "db.password": "[hidden] (changed)", "sftp.pass": "[hidden]", topics: "u" });
    expect((await connectorVersionResponse(get("/connectors/s/versions/2?against=x"))).status).toBe(400);
  });

  it("rolls back to a version with its real secrets, as a new version noted and audited", async () => {
    const rollback = withAudit((request: Request) => connectorRollbackResponse(request));
    const response = await rollback(new Request(`${base}/api/console/connectors/s/versions/1/rollback`, { method: "POST" }), undefined);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ connector: "s", version: 3, created: true });
    expect(await herder.connectorConfig("s")).toMatchObject({ topics: "t", "db.password": "pw-one", "sftp.pass": "sftp-one" });
    const versions = (await (await connectorVersionsResponse(get("/connectors/s/versions"))).json()) as { versions: Array<{ version: number; note: string | null }> };
    expect(versions.versions[0]).toMatchObject({ version: 3, note: "rolled back to v1" });
    await eventually(async () => ((await entries("s"))[0]?.event === "connector.rollback" ? true : undefined), 5_000);
  });

  it("answers 404 for unknown connectors and versions and 400 for bad parameters", async () => {
    expect((await connectorVersionsResponse(get("/connectors/none/versions"))).status).toBe(404);
    expect((await connectorVersionResponse(get("/connectors/s/versions/99"))).status).toBe(404);
    expect((await connectorVersionResponse(get("/connectors/s/versions/0"))).status).toBe(400);
    expect((await connectorRollbackResponse(new Request(`${base}/api/console/connectors/none/versions/1/rollback`, { method: "POST" }))).status).toBe(404);
    for (const query of ["limit=0", "since=yesterday", "colour=red", "before=x"]) {
      const answer = await auditResponse(get(`/audit?${query}`));
      expect(answer.status, query).toBe(400);
      expect(await answer.json()).toMatchObject({ error_code: 400, code: "request.invalid" });
    }
  });

  it("names the DLQ topic or replay job a DLQ change acts on, and passes reads through unrecorded", async () => {
    const accepted = withAudit(async () => Response.json({}, { status: 202 }));
    await accepted(new Request(`${base}/api/console/dlq/topics/orders-dlq/replay`, { method: "POST" }), undefined);
    await accepted(new Request(`${base}/api/console/dlq/replays/job%201/cancel`, { method: "POST" }), undefined);
    await accepted(new Request(`${base}/api/console/dlq/topics/orders-dlq`), undefined);
    await audit.settled();
    expect((await entries("orders-dlq")).map((e) => e.event)).toEqual(["dlq.replay"]);
    expect((await entries("job%201")).map((e) => e.event)).toEqual(["dlq.replay.cancel"]);
  });

  it("exports the log as JSON lines in an attachment, with no secret value", async () => {
    await audit.settled();
    const response = await auditExportResponse(get("/audit/export?target=s"));
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="tributary-audit-.*\.jsonl"$/);
    const text = await response.text();
    expect(text.trim().split("\n").map((line) => (JSON.parse(line) as { event: string }).event)[0]).toBe("connector.rollback");
    for (const secret of ["pw-one", "pw-two", "sftp-one"]) expect(text).not.toContain(secret);
  });
});
