/**
 * Moving a running cluster from Apache Kafka Connect (4.3.1, jars from Maven Central) to
 * Tributary as a user would: a Java distributed worker runs a FileStreamSource and a
 * FileStreamSink; it is stopped, and `tributary distributed` starts with the Java worker's own
 * properties file. The same connectors run again on the Tributary worker, and the source carries
 * on from Kafka Connect's committed offset: no line written before the move is sent again.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startApacheConnect, testClusterWorker, type ApacheConnectWorker } from "@/scripts/kafka/apache-connect";
import { eventually, freePort, kafkaBrokers, tempDir, uniqueName } from "@/scripts/test/integration";

const folder = tempDir("cluster-migration");
let java: ApacheConnectWorker | undefined;
let tributary: ChildProcess | undefined;

afterAll(async () => {
  await java?.stop().catch(() => undefined);
  if (tributary && tributary.exitCode === null) {
    const exited = new Promise((resolve) => tributary!.once("exit", resolve));
    tributary.kill("SIGTERM");
    await exited;
  }
  folder.remove();
});

describe("moving a cluster from Apache Kafka Connect to Tributary", () => {
  it("runs Kafka Connect's connectors from its own properties file and continues the source from its committed offset", async () => {
    const port = await freePort();
    const group = uniqueName("move-cluster");
    const files = { source: path.join(folder.dir, "source.txt"), sink: path.join(folder.dir, "sink.txt") };
    const names = { source: uniqueName("move-src"), sink: uniqueName("move-sink") };
    const topic = uniqueName("move-lines");
    writeFileSync(files.source, "one\ntwo\nthree\n");
    java = await startApacheConnect({
      mode: "distributed",
      dir: folder.dir,
      worker: testClusterWorker({
        brokers: kafkaBrokers(),
        groupId: group,
        port,
        internal: { "config.storage.topic": `${group}-configs`, "offset.storage.topic": `${group}-offsets`, "status.storage.topic": `${group}-status` },
      }),
    });
    const url = `http://127.0.0.1:${port}`;
    const call = async (method: string, route: string, body?: unknown) => {
      const response = await fetch(`${url}${route}`, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
    };
    expect((await call("POST", "/connectors", { name: names.source, config: { "connector.class": "FileStreamSource", file: files.source, topic, "tasks.max": "1" } })).status).toBe(201);
    expect((await call("POST", "/connectors", { name: names.sink, config: { "connector.class": "FileStreamSink", file: files.sink, topics: topic, "tasks.max": "1" } })).status).toBe(201);
    const sinkText = () => (existsSync(files.sink) ? readFileSync(files.sink, "utf8") : "");
    await eventually(() => (sinkText() === "one\ntwo\nthree\n" ? true : undefined), 90_000, "Kafka Connect's sink to write the three lines");
    await eventually(async () => {
      const offsets = (await call("GET", `/connectors/${names.source}/offsets`)).body as { offsets: Array<{ offset: { position: number } }> };
      return offsets.offsets[0]?.offset.position === 14 ? true : undefined;
    }, 60_000, "Kafka Connect to commit the source's offset");
    await java.stop();
    java = undefined;

    tributary = spawn(path.resolve("bin", "tributary.mjs"), ["distributed", path.join(folder.dir, "worker.properties")], { cwd: folder.dir, stdio: "ignore" });
    await eventually(async () => {
      const root = (await call("GET", "/").catch(() => undefined))?.body as { tributary_version?: string } | undefined;
      return root?.tributary_version ? true : undefined;
    }, 60_000, "the Tributary worker to answer on Kafka Connect's listener");
    for (const name of [names.source, names.sink]) {
      await eventually(async () => {
        const status = (await call("GET", `/connectors/${name}/status`)).body as { connector?: { state: string }; tasks?: Array<{ state: string }> };
        return status.connector?.state === "RUNNING" && status.tasks?.length === 1 && status.tasks[0]!.state === "RUNNING" ? true : undefined;
      }, 60_000, `${name} to run on the Tributary worker`);
    }
    expect(((await call("GET", "/connectors")).body as string[]).sort()).toEqual([names.sink, names.source].sort());

    appendFileSync(files.source, "four\nfive\n");
    await eventually(() => (sinkText().includes("five\n") ? true : undefined), 60_000, "the new lines to arrive through Tributary");
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(sinkText()).toBe("one\ntwo\nthree\nfour\nfive\n");
  }, 300_000);
});
