/**
 * No record is lost across `kill -9` of a worker: a FileStreamSource → Kafka → FileStreamSink
 * pipeline on the headless worker is killed mid-stream and started again on the same database;
 * every input line ends up in the output file. Duplicates are allowed (at-least-once), losses not.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { eventually, freePort, kafkaBrokers, tempDir, uniqueName } from "@/scripts/test/integration";

const folder = tempDir("crash");
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
  folder.remove();
});

function lines(file: string): string[] {
  return existsSync(file) ? readFileSync(file, "utf8").split("\n").slice(0, -1) : [];
}

describe("kill -9 of the worker mid-stream", () => {
  it("ends, after a restart, with every line delivered", async () => {
    const port = await freePort();
    const input = path.join(folder.dir, "input.txt");
    const output = path.join(folder.dir, "output.txt");
    const topic = uniqueName("crash");
    const sent = Array.from({ length: 200_000 }, (_, i) => `record ${i} ${"x".repeat(40)}`);
    writeFileSync(input, `${sent.join("\n")}\n`);
    writeFileSync(path.join(folder.dir, "worker.properties"), `bootstrap.servers=${kafkaBrokers()}\nlisteners=http://127.0.0.1:${port}\noffset.flush.interval.ms=1000\nvalue.converter=org.apache.kafka.connect.storage.StringConverter\n`);
    writeFileSync(path.join(folder.dir, "source.properties"), `name=crash-source\nconnector.class=FileStreamSource\nfile=${input}\ntopic=${topic}\nbatch.size=500\n`);
    writeFileSync(path.join(folder.dir, "sink.properties"), `name=crash-sink\nconnector.class=FileStreamSink\nfile=${output}\ntopics=${topic}\n`);
    const start = (files: string[]) => {
      const child = spawn(path.resolve("bin", "tributary.mjs"), ["standalone", "worker.properties", ...files], {
        cwd: folder.dir,
        env: { ...process.env, DATABASE_URL: `file:${path.join(folder.dir, "worker.db")}` },
        stdio: "ignore",
      });
      children.push(child);
      return child;
    };

    const first = start(["source.properties", "sink.properties"]);
    await eventually(() => (lines(output).length >= 30_000 ? true : undefined), 60_000, "the pipeline to be mid-stream");
    first.kill("SIGKILL");
    await new Promise((resolve) => first.once("exit", resolve));
    const atKill = lines(output).length;
    expect(atKill).toBeLessThan(sent.length);

    const second = start([]);
    const delivered = await eventually(() => {
      const seen = new Set(lines(output));
      return sent.every((line) => seen.has(line)) ? lines(output) : undefined;
    }, 120_000, "every line after the restart");
    second.kill("SIGTERM");
    await new Promise((resolve) => second.once("exit", resolve));
    console.log(`kill -9 at ${atKill} lines; ${delivered.length - sent.length} duplicates after the restart`);
    expect(delivered.length).toBeGreaterThanOrEqual(sent.length);
  });
});
