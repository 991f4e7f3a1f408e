/**
 * One standalone store, one owner: a second `tributary standalone` on the database another one
 * holds refuses to start with one line naming the holder and how to run several workers; once
 * the holder is killed with -9, the next start takes the store over, and the statuses the dead
 * process left never show as current.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { eventually, freePort, kafkaBrokers, tempDir, uniqueName } from "@/scripts/test/integration";

const bin = path.resolve("bin", "tributary.mjs");
const folder = tempDir("store-lock");
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
  folder.remove();
});

const database = path.join(folder.dir, "worker.db");
const env = { ...process.env, DATABASE_URL: `file:${database}`, KAFKA_BROKERS: kafkaBrokers() };

function workerFile(port: number): string {
  const file = path.join(folder.dir, `worker-${port}.properties`);
  writeFileSync(file, `listeners=http://127.0.0.1:${port}\nvalue.converter=org.apache.kafka.connect.storage.StringConverter\n`);
  return file;
}

async function healthy(port: number): Promise<void> {
  await eventually(async () => ((await fetch(`http://127.0.0.1:${port}/health`).catch(() => null))?.status === 200 ? true : undefined), 30_000, `the worker on ${port}`);
}

describe("the standalone store lock", () => {
  it("refuses a second process with one line naming the holder, and lets the next start take over after kill -9", async () => {
    const first = await freePort();
    const input = path.join(folder.dir, "input.txt");
    writeFileSync(input, "one\ntwo\n");
    writeFileSync(path.join(folder.dir, "source.properties"), `name=lines\nconnector.class=FileStreamSource\nfile=${input}\ntopic=${uniqueName("lock")}\n`);
    const holder = spawn(bin, ["standalone", workerFile(first), "source.properties"], { cwd: folder.dir, env, stdio: "ignore" });
    children.push(holder);
    await healthy(first);
    await eventually(async () => {
      const status = (await (await fetch(`http://127.0.0.1:${first}/connectors/lines/status`)).json()) as { connector?: { state: string } };
      return status.connector?.state === "RUNNING" ? true : undefined;
    }, 30_000, "the connector running on the first worker");

    const second = await freePort();
    const refused = spawnSync(bin, ["standalone", workerFile(second)], { cwd: folder.dir, env, encoding: "utf8", timeout: 60_000 });
    expect(refused.status).toBe(1);
    const lines = refused.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `^tributary: The database ${database.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} is in use by another Tributary process \\(pid ${holder.pid} on ${hostname()}, tributary standalone at http://[^:]+:${first}, since \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\\)\\. \\(.*use distributed mode \\(tributary distributed\\)\\)$`,
      ),
    );
    expect((await fetch(`http://127.0.0.1:${first}/connectors/lines/status`)).status).toBe(200);

    holder.kill("SIGKILL");
    await new Promise((resolve) => holder.once("exit", resolve));
    const successor = spawn(bin, ["standalone", workerFile(second)], { cwd: folder.dir, env, stdio: "ignore" });
    children.push(successor);
    await healthy(second);
    const status = (await (await fetch(`http://127.0.0.1:${second}/connectors/lines/status`)).json()) as { connector: { state: string; worker_id: string }; tasks: Array<{ worker_id: string }> };
    expect(status.connector.worker_id).toMatch(new RegExp(`:${second}$`));
    expect(status.tasks.every((task) => task.worker_id.endsWith(`:${second}`))).toBe(true);
    await eventually(async () => {
      const now = (await (await fetch(`http://127.0.0.1:${second}/connectors/lines/status`)).json()) as { connector: { state: string } };
      return now.connector.state === "RUNNING" ? true : undefined;
    }, 30_000, "the connector running on the successor");
    successor.kill("SIGTERM");
    await new Promise((resolve) => successor.once("exit", resolve));
  });
});
