/**
 * Moving a cluster between Apache Kafka Connect (4.3.1, jars from Maven Central) and Tributary's
 * Kafka stores with the same connect-distributed.properties. A Java distributed worker on fresh
 * internal topics runs a FileStreamSource that read some lines, a FileStreamSink, a PAUSED and a
 * STOPPED connector, and is asked for a restart; Tributary's stores, opened from the worker's own
 * properties file, must hold what that worker's REST API reports and hear its writes live. Then,
 * with the Java worker stopped, the stores write a connector with a committed offset and resume
 * the sink, and a Java worker started afterwards must act on it: moving back is safe too.
 */
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApacheConnect, testClusterWorker, type ApacheConnectWorker } from "@/scripts/kafka/apache-connect";
import { isPortFree } from "@/scripts/net/ports";
import { eventually, kafkaBrokers, tempDir, uniqueName } from "@/scripts/test/integration";
import { loadWorkerConfig } from "@/server/config/load-worker-config";
import type { WorkerConfig } from "@/server/config/worker-config";
import { WorkerClientFactory } from "@/server/kafka/client-factory";
import { KafkaTopicLogs } from "@/server/kafka/compacted-topic-log";
import { scratchTopics } from "@/server/kafka/testing/scratch-topics";
import type { ConfigChange } from "@/server/storage/contracts/config-store";
import type { StatusChange } from "@/server/storage/contracts/status-store";
import { createKafkaStores, type KafkaStores } from "@/server/storage/kafka/kafka-stores";

type RestStatus = { connector: { state: string; worker_id: string; trace?: string }; tasks: Array<{ id: number; state: string; worker_id: string }> };

const folder = tempDir("connect-migration");
const topic = uniqueName("migration-lines");
const names = { source: uniqueName("mig-src"), sink: uniqueName("mig-sink"), paused: uniqueName("mig-paused"), stopped: uniqueName("mig-stopped"), added: uniqueName("mig-added") };
const files = {
  source: path.join(folder.dir, "source.txt"),
  sink: path.join(folder.dir, "sink.txt"),
  paused: path.join(folder.dir, "paused.txt"),
  stopped: path.join(folder.dir, "stopped.txt"),
  added: path.join(folder.dir, "added.txt"),
};
const internal = { "config.storage.topic": uniqueName("mig-configs"), "offset.storage.topic": uniqueName("mig-offsets"), "status.storage.topic": uniqueName("mig-status") };
const group = uniqueName("mig-cluster");

let java: ApacheConnectWorker | undefined;
let restUrl = "";
let config: WorkerConfig;
let stores: KafkaStores;
/** What the Java worker's REST API reported, per connector, before it stopped. */
const reported = new Map<string, { config: Record<string, string>; tasks: Array<Record<string, string>>; status: RestStatus }>();
let reportedOffsets: unknown;
let reportedTopics: string[] = [];
const configChanges: ConfigChange[] = [];
const statusChanges: StatusChange[] = [];

async function rest<T = unknown>(method: string, url: string, body?: unknown): Promise<T> {
  const response = await fetch(`${restUrl}${url}`, { method, headers: { "Content-Type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

async function startJava(): Promise<void> {
  let port = 18700 + Math.floor(Math.random() * 90);
  while (!(await isPortFree(port))) port++;
  java = await startApacheConnect({
    mode: "distributed",
    dir: folder.dir,
    worker: testClusterWorker({ brokers: kafkaBrokers(), groupId: group, port, internal }),
  });
  restUrl = java.restUrl;
}

const statusOf = (name: string) => rest<RestStatus>("GET", `/connectors/${name}/status`);
const linesOf = (file: string) => readFileSync(file, "utf8");

async function untilStates(name: string, connector: string, task: string | null): Promise<RestStatus> {
  return eventually(
    async () => {
      const status = await statusOf(name);
      const tasksReady = task === null ? status.tasks.length === 0 : status.tasks.length > 0 && status.tasks.every((t) => t.state === task);
      return status.connector.state === connector && tasksReady ? status : undefined;
    },
    60_000,
    `${name} to be ${connector}`,
  );
}

beforeAll(async () => {
  writeFileSync(files.source, "one\ntwo\nthree\n");
  writeFileSync(files.paused, "");
  writeFileSync(files.added, "added-1\nadded-2\nadded-3\nadded-4\n");
  await startJava();
  const fileConnector = (name: string, className: string, extra: Record<string, string>) =>
    rest("POST", "/connectors", { name, config: { "connector.class": className, "tasks.max": "1", ...extra } });
  await fileConnector(names.source, "org.apache.kafka.connect.file.FileStreamSourceConnector", { file: files.source, topic });
  await fileConnector(names.sink, "FileStreamSink", { file: files.sink, topics: topic });
  await fileConnector(names.paused, "FileStreamSource", { file: files.paused, topic });
  await fileConnector(names.stopped, "FileStreamSink", { file: files.stopped, topics: topic });
  await untilStates(names.paused, "RUNNING", "RUNNING");
  await rest("PUT", `/connectors/${names.paused}/pause`);
  await untilStates(names.stopped, "RUNNING", "RUNNING");
  await rest("PUT", `/connectors/${names.stopped}/stop`);
  await eventually(() => (linesOf(files.sink) === "one\ntwo\nthree\n" ? true : undefined), 60_000, "the sink to write the three lines");
  reportedOffsets = await eventually(async () => {
    const offsets = await rest<{ offsets: Array<{ offset: { position: number } }> }>("GET", `/connectors/${names.source}/offsets`);
    return offsets.offsets[0]?.offset.position === 14 ? offsets.offsets : undefined;
  }, 60_000, "the source's offset to be committed");
  await rest("POST", `/connectors/${names.source}/restart?includeTasks=true&onlyFailed=false`);
  await rest("PUT", "/admin/loggers/org.apache.kafka.connect.file?scope=cluster", { level: "DEBUG" });
  const expected = { [names.source]: ["RUNNING", "RUNNING"], [names.sink]: ["RUNNING", "RUNNING"], [names.paused]: ["PAUSED", "PAUSED"], [names.stopped]: ["STOPPED", null] } as const;
  for (const [name, [connector, task]] of Object.entries(expected)) {
    const status = await untilStates(name, connector, task);
    const tasks = (await rest<Array<{ config: Record<string, string> }>>("GET", `/connectors/${name}/tasks`)).map((t) => t.config);
    reported.set(name, { config: await rest("GET", `/connectors/${name}/config`), tasks, status });
  }
  reportedTopics = (await rest<Record<string, { topics: string[] }>>("GET", `/connectors/${names.source}/topics`))[names.source]!.topics;

  config = loadWorkerConfig({ file: path.join(folder.dir, "worker.properties"), env: {} });
  stores = createKafkaStores(config, new KafkaTopicLogs(config));
  stores.config.subscribe((change) => configChanges.push(change));
  stores.status.subscribe((change) => statusChanges.push(change));
  await stores.start();
}, 300_000);

afterAll(async () => {
  await java?.stop().catch(() => undefined);
  await stores?.stop();
  const clients = new WorkerClientFactory(loadWorkerConfig({ file: undefined, env: { KAFKA_BROKERS: kafkaBrokers() } }));
  for (const id of [group, ...Object.values(names).map((name) => `connect-${name}`)]) await clients.admin().deleteGroup(id).catch(() => undefined);
  await clients.close();
  await scratchTopics(kafkaBrokers()).dropAll([topic, ...Object.values(internal)]);
  folder.remove();
}, 120_000);

describe("Tributary's Kafka stores on a cluster Apache Kafka Connect ran", () => {
  it("hold every connector with its exact config, target state and task configs", () => {
    const targetStates = { [names.source]: "STARTED", [names.sink]: "STARTED", [names.paused]: "PAUSED", [names.stopped]: "STOPPED" };
    expect([...stores.config.snapshot().connectors.keys()]).toEqual(Object.keys(targetStates).sort());
    for (const [name, targetState] of Object.entries(targetStates)) {
      const { config: connectorConfig, tasks } = reported.get(name)!;
      expect(stores.config.snapshot().connectors.get(name), name).toEqual({ name, config: connectorConfig, targetState, taskConfigs: tasks });
    }
    expect(reported.get(names.source)!.tasks).toHaveLength(1);
    expect(reported.get(names.stopped)!.tasks).toHaveLength(0);
    expect(stores.config.inconsistentConnectors().size).toBe(0);
  });

  it("hold the source's committed offset, the restart request, the active topics and the session key", async () => {
    expect(await stores.offsets.offsets(names.source)).toEqual(reportedOffsets);
    expect(await stores.offsets.offsets(names.source)).toEqual([{ partition: { filename: files.source }, offset: { position: 14 } }]);
    expect(stores.config.snapshot().restartRequests.get(names.source)).toEqual({ includeTasks: true, onlyFailed: false });
    expect(stores.status.activeTopics(names.source).map((t) => t.topic)).toEqual(reportedTopics);
    expect(reportedTopics).toEqual([topic]);
    expect(stores.config.sessionKey()).toMatchObject({ algorithm: "HmacSHA256" });
  });

  it("hold the statuses the Java worker reported, connectors and tasks", async () => {
    const mismatches = () =>
      [...reported].flatMap(([name, { status }]) => {
        const stored = stores.status.snapshot().get(name);
        const wanted = [[null, status.connector.state, status.connector.worker_id], ...status.tasks.map((task) => [task.id, task.state, task.worker_id])];
        const found = wanted.map(([id]) => {
          const one = id === null ? stored?.connector : stored?.tasks.get(id as number);
          return [id, one?.state, one?.workerId];
        });
        return JSON.stringify(found) === JSON.stringify(wanted) ? [] : [{ name, wanted, found }];
      });
    // A status written just before the stores started may still be on its way (the restart's RUNNING).
    await eventually(() => (mismatches().length === 0 ? true : undefined), 10_000).catch(() => undefined);
    expect(mismatches()).toEqual([]);
  });

  it("hear the Java worker's changes as it makes them", async () => {
    configChanges.length = 0;
    statusChanges.length = 0;
    await rest("PUT", `/connectors/${names.sink}/pause`);
    await eventually(() => configChanges.find((change) => change.kind === "target-state" && change.connector === names.sink), 30_000, "the pause to reach the config store");
    expect(stores.config.snapshot().connectors.get(names.sink)!.targetState).toBe("PAUSED");
    await eventually(() => statusChanges.find((change) => change.connector === names.sink && change.task === 0 && change.status.state === "PAUSED"), 30_000, "the sink task's PAUSED");
  });
});

describe("Apache Kafka Connect on a cluster Tributary's stores wrote to", () => {
  it("runs the connector, the offset and the target state Tributary wrote after the Java worker stopped", async () => {
    await java!.stop();
    java = undefined;
    const added = { "connector.class": "FileStreamSource", "tasks.max": "1", file: files.added, topic, name: names.added };
    await stores.config.putConnectorConfig(names.added, added);
    await stores.offsets.write(names.added, [{ partition: { filename: files.added }, offset: { position: Buffer.byteLength("added-1\nadded-2\n") } }]);
    await stores.config.putTargetState(names.sink, "STARTED");
    appendFileSync(files.source, "four\n");

    await startJava();
    expect(await rest("GET", `/connectors/${names.added}/config`)).toEqual(added);
    await untilStates(names.sink, "RUNNING", "RUNNING");
    await untilStates(names.paused, "PAUSED", "PAUSED");
    await untilStates(names.stopped, "STOPPED", null);
    // The source resumes after "three", the added connector after its second line, and the sink
    // after what its consumer group committed: nothing is read or delivered twice.
    await eventually(() => (linesOf(files.sink).split("\n").length >= 7 ? true : undefined), 90_000, "the sink to write the new lines");
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const lines = linesOf(files.sink).split("\n");
    expect(lines.slice(0, 3)).toEqual(["one", "two", "three"]);
    expect(lines.slice(3).sort()).toEqual(["", "added-3", "added-4", "four"]);
  });
});
