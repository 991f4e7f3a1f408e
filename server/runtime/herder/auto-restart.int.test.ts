/**
 * Auto restart on the real broker, through the standalone herder with real SQLite stores and real
 * files: a FileStreamSink whose output folder does not exist fails at start; with the policy on,
 * the worker restarts it by itself with growing delays, and once the folder exists the next
 * attempt brings the task to RUNNING. What a user checks: the task ends RUNNING without anyone
 * restarting it, records reach the file, and the console's history endpoint lists the failed
 * attempts with the error, then the one that worked.
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { autoRestartsSchema } from "@/server/contracts/auto-restarts";
import { connectorRestartsResponse } from "@/server/http/console-connectors";
import { Runtime } from "@/server/runtime/runtime";
import { installRuntime, uninstallRuntime } from "@/server/runtime/runtime-slot";
import { MemoryWorkerProcessStore } from "@/server/storage/memory/worker-process-store";
import { eventually, uniqueName } from "@/scripts/test/integration";
import { startStandaloneHarness, type StandaloneHarness } from "@/scripts/test/standalone-harness";

let harness: StandaloneHarness;

beforeAll(async () => {
  harness = await startStandaloneHarness("auto-restart");
  const herder = harness.herder;
  const lifecycle = { prepare: async () => {}, start: async () => {}, stop: async () => {} };
  const facade = new Proxy(herder, {
    get: (target, key) => (key in lifecycle ? lifecycle[key as keyof typeof lifecycle] : typeof Reflect.get(target, key) === "function" ? (Reflect.get(target, key) as (...args: unknown[]) => unknown).bind(target) : Reflect.get(target, key)),
  });
  const { started } = installRuntime(
    () =>
      new Runtime({
        mode: "embedded",
        workerId: "test:8083",
        version: "0",
        restUrl: null,
        cluster: { bootstrap: "b", describeCluster: async () => ({ clusterId: "c", brokers: 1 }), close: async () => {} },
        workers: new MemoryWorkerProcessStore(),
        herder: facade,
      }),
  );
  await started;
});

afterAll(async () => {
  await uninstallRuntime();
  await harness.close();
});

async function history(name: string) {
  const response = await connectorRestartsResponse(new Request(`http://x/api/console/connectors/${encodeURIComponent(name)}/restarts`));
  expect(response.status).toBe(200);
  return autoRestartsSchema.parse(await response.json());
}

describe("auto restart of a FAILED task", () => {
  it("restarts a failing FileStreamSink with backoff until its folder exists, and the history shows the attempts with the error", async () => {
    const folder = path.join(harness.dir, uniqueName("missing"));
    const output = path.join(folder, "out.txt");
    const topic = uniqueName("auto-restart");
    const name = uniqueName("restarting-sink");
    await harness.clients.admin().createTopics([{ name: topic, partitions: 1, replicationFactor: 1 }]);
    await harness.herder.putConnectorConfig(
      name,
      {
        "connector.class": "FileStreamSink",
        topics: topic,
        file: output,
        "key.converter": "org.apache.kafka.connect.storage.StringConverter",
        "value.converter": "org.apache.kafka.connect.storage.StringConverter",
        "tributary.auto.restart.enabled": "true",
        "tributary.auto.restart.max.attempts": "0",
        "tributary.auto.restart.backoff.initial.ms": "200",
        "tributary.auto.restart.backoff.max.ms": "800",
      },
      { allowReplace: false },
    );

    const failed = await eventually(async () => {
      const view = await history(name);
      return view.attempts.filter((a) => a.outcome === "failed").length >= 2 ? view : undefined;
    }, 10_000, "two failed automatic restarts");
    expect(failed.policy).toEqual({ enabled: true, maxAttempts: 0, backoffInitialMs: 200, backoffMaxMs: 800 });
    const oldestFirst = [...failed.attempts].reverse();
    expect(oldestFirst.slice(0, 2).map((a) => [a.task, a.attempt, a.delayMs, a.outcome])).toEqual([
      [0, 1, 200, "failed"],
      [0, 2, 400, "failed"],
    ]);
    expect(oldestFirst[0]!.error).toMatch(/ENOENT/);
    expect(oldestFirst[0]!.error).toContain(folder);

    mkdirSync(folder);
    const running = await eventually(async () => {
      const status = await harness.herder.connectorStatus(name);
      const view = await history(name);
      return status.tasks[0]?.state === "RUNNING" && view.attempts[0]?.outcome === "running" ? view : undefined;
    }, 10_000, "the task RUNNING after an automatic restart");
    expect(running.pending).toEqual([]);
    expect(running.attempts.length).toBeGreaterThanOrEqual(3);

    const producer = harness.clients.producer(uniqueName("test-producer"), {});
    await producer.send([{ topic, partition: 0, key: null, value: Buffer.from("after the restart"), headers: [], timestamp: Date.now() }]);
    await producer.close();
    await eventually(() => (existsSync(output) && readFileSync(output, "utf8") === "after the restart\n" ? true : undefined), 10_000, "the record in the output file");
    await harness.herder.deleteConnector(name);
    const gone = await connectorRestartsResponse(new Request(`http://x/api/console/connectors/${encodeURIComponent(name)}/restarts`));
    expect(gone.status).toBe(404);
  }, 20_000);
});
