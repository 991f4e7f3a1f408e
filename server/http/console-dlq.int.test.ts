/**
 * The DLQ inbox API's HTTP answers on the real broker: statuses, the console error body, the
 * streamed export; the inbox behind it is tested in server/console/dlq.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, kafkaBrokers, tempDir, uniqueName } from "@/scripts/test/integration";
import { parseWorkerConfig } from "@/server/config/worker-config";
import { DlqInbox } from "@/server/console/dlq/dlq-inbox";
import { closeDlqInbox, installDlqInbox } from "@/server/console/dlq/dlq-slot";
import { KnownDlqTopics } from "@/server/console/dlq/known-dlq-topics";
import { ReplayLedger } from "@/server/console/dlq/replay-ledger";
import { connectContextHeaders } from "@/server/console/dlq/testing/connect-dlq-record";
import {
  dlqCancelReplayResponse,
  dlqExportResponse,
  dlqPurgeResponse,
  dlqRecordResponse,
  dlqRecordsResponse,
  dlqReplayJobResponse,
  dlqReplayResponse,
  dlqTopicsResponse,
} from "@/server/http/console-dlq";
import { dlqClients } from "@/server/kafka/dlq-clients";
import { scratchTopics } from "@/server/kafka/testing/scratch-topics";
import { Runtime } from "@/server/runtime/runtime";
import { installRuntime, uninstallRuntime } from "@/server/runtime/runtime-slot";
import { MemoryWorkerProcessStore } from "@/server/storage/memory/worker-process-store";
import { openDatabase, type Database } from "@/server/storage/prisma/database";
import { applyMigrations } from "@/server/storage/prisma/migrate";

const folder = tempDir("console-dlq");
const topics = scratchTopics(kafkaBrokers());
const worker = parseWorkerConfig({ "bootstrap.servers": kafkaBrokers() }, () => "test");
const writer = dlqClients(worker, { clientId: "dlq-http-writer", replayRetries: 2 });
const original = uniqueName("http-orders");
const dlq = uniqueName("http-orders-dlq");
let db: Database;

const get = (url: string) => new Request(`http://console${url}`);
const post = (url: string, body: unknown, contentType = "application/json") =>
  new Request(`http://console${url}`, { method: "POST", headers: { "content-type": contentType }, body: JSON.stringify(body) });

beforeAll(async () => {
  const url = `file:${path.join(folder.dir, "console.db")}`;
  applyMigrations(url, path.resolve("prisma", "migrations"));
  db = openDatabase(url);
  await topics.create(original);
  await topics.create(dlq);
  await writer.producer.send(
    Array.from({ length: 5 }, (_, i) => ({
      topic: dlq,
      partition: null,
      key: null,
      value: Buffer.from(`bad ${i}`),
      headers: connectContextHeaders({ topic: original, partition: 0, offset: i, connector: "sink", task: 0 }),
      timestamp: 1_700_000_000_000 + i,
    })),
  );
  const { started } = installRuntime(
    () => new Runtime({ mode: "embedded", workerId: "w:1", version: "0", restUrl: null, cluster: { bootstrap: "b", describeCluster: async () => ({ clusterId: "c", brokers: 1 }), close: async () => {} }, workers: new MemoryWorkerProcessStore() }),
  );
  await started;
  const herder = { connectors: async () => ["sink"], connectorConfig: async () => ({ "errors.deadletterqueue.topic.name": dlq, "errors.tolerance": "all" }) };
  installDlqInbox(() => new DlqInbox({ ...dlqClients(worker, { clientId: "dlq-http", replayRetries: 2 }), ledger: new ReplayLedger(db), known: new KnownDlqTopics(db), connectors: () => herder }));
});

afterAll(async () => {
  await closeDlqInbox();
  await uninstallRuntime();
  await writer.browser.close();
  await writer.producer.close();
  await topics.dropAll();
  await db.$disconnect();
  folder.remove();
});

describe("/api/console/dlq", () => {
  it("answers the topics and a page of records as JSON", async () => {
    const listed = await dlqTopicsResponse();
    expect(listed.status).toBe(200);
    expect((await listed.json()).topics).toEqual([expect.objectContaining({ topic: dlq, records: 5 })]);
    const page = await dlqRecordsResponse(get(`/api/console/dlq/topics/${dlq}/records?limit=2&stage=VALUE_CONVERTER`), dlq);
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("no-store");
    expect(await page.json()).toMatchObject({ matched: 5, next: "3", records: [{ offset: "4" }, { offset: "3" }] });
  });

  it("answers bad input with 400 saying what to fix, and unknown things with 404", async () => {
    const badQuery = await dlqRecordsResponse(get(`/api/console/dlq/topics/${dlq}/records?limit=9999&colour=red`), dlq);
    expect(badQuery.status).toBe(400);
    const body = await badQuery.json();
    expect(body).toMatchObject({ error_code: 400, code: "request.invalid" });
    expect(body.message).toMatch(/^Invalid query: .*limit is at most 500.*unknown parameter 'colour'/);
    expect((await dlqRecordsResponse(get("/x"), "no topic!")).status).toBe(400);
    expect((await dlqRecordResponse(dlq, "0", "x")).status).toBe(400);
    const missing = await dlqRecordsResponse(get("/x"), uniqueName("missing"));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: "topic.not_found", suggestion: expect.stringContaining("errors.deadletterqueue.topic.name") });
    expect((await dlqRecordResponse(dlq, "0", "77")).status).toBe(404);
    expect((await dlqReplayJobResponse("nope")).status).toBe(404);
    expect((await dlqReplayResponse(post("/x", { filter: {} }, "text/plain"), dlq)).status).toBe(415);
    const both = await dlqReplayResponse(post("/x", { filter: {}, records: [{ partition: 0, offset: "1" }] }), dlq);
    expect(both.status).toBe(400);
    expect((await both.json()).message).toMatch(/give either records or filter/);
    expect((await dlqPurgeResponse(post("/x", { partition: 0, before: "2", confirm: "no" }), dlq)).status).toBe(400);
  });

  it("starts a replay with 202, refuses a second one of the topic with 409 while it runs, and cancels it", async () => {
    const started = await dlqReplayResponse(post("/x", { filter: {}, recordsPerSecond: 1 }), dlq);
    expect(started.status).toBe(202);
    const job = await started.json();
    expect(job).toMatchObject({ state: "running", total: 5 });
    const second = await dlqReplayResponse(post("/x", { records: [{ partition: 0, offset: "0" }] }), dlq);
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({ code: "replay.in_progress" });
    expect((await dlqCancelReplayResponse(job.id)).status).toBe(200);
    const ended = await eventually(async () => {
      const now = await (await dlqReplayJobResponse(job.id)).json();
      return now.state === "running" ? undefined : now;
    });
    expect(ended.state).toBe("cancelled");
    expect(ended.replayed).toBeLessThanOrEqual(1);
    expect(ended.replayed + ended.failed).toBe(5);
    expect(ended.undelivered.every((u: { reason: string }) => u.reason === "cancelled before it was sent")).toBe(true);
  });

  it("streams the export as a JSON attachment", async () => {
    const response = await dlqExportResponse(get(`/api/console/dlq/topics/${dlq}/export?stage=VALUE_CONVERTER`), dlq);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="${dlq}-\\d{8}T\\d{6}\\.json"$`));
    const exported = JSON.parse(await response.text());
    expect(exported.filter).toEqual({ stage: "VALUE_CONVERTER" });
    expect(exported.records.map((r: { offset: string; value: { text: string } }) => [r.offset, r.value.text])).toEqual([0, 1, 2, 3, 4].map((i) => [String(i), `bad ${i}`]));
  });
});
