/**
 * A cluster of real `tributary distributed` worker processes (the bundled bin) on a real broker,
 * for the integration tests and the chaos run: each worker on its own loopback port, all in one
 * fresh group with its own internal topics. Each worker's JSON log is followed so a test knows
 * who leads and which generation each worker holds.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { freePort } from "../net/ports";

/** One worker process of the cluster. */
export interface ClusterWorker {
  /** `127.0.0.1:<port>`, Kafka Connect's worker id (the advertised REST address). */
  id: string;
  url: string;
  child: ChildProcess;
  /** The latest generation this worker joined, and whether it led it. */
  generation: number;
  leader: boolean;
  /** Its log lines that were warnings or errors, for a failing test's message. */
  problems: string[];
}

export interface ClusterOptions {
  brokers: string;
  /** Where worker files go. */
  dir: string;
  size: number;
  /** Extra worker settings, `key=value`. */
  settings?: string[];
  /** Prefix of the group and its topics; a random suffix is added. */
  name?: string;
}

export interface Cluster {
  groupId: string;
  workers: ClusterWorker[];
  /** Starts one more worker in the group (also used to bring a killed one back). */
  add(): Promise<ClusterWorker>;
  /** Resolves once every live worker joined one generation and one of them leads it. */
  settled(timeoutMs?: number): Promise<{ generation: number; leader: ClusterWorker }>;
  /** `kill -9`: no leave, no commit; the group finds out when its session times out. */
  kill(worker: ClusterWorker): void;
  /** SIGTERM to every live worker; resolves when all exited. */
  stop(): Promise<void>;
}

const bin = path.resolve("bin", "tributary.mjs");

/** Starts `size` workers and resolves once they all answer REST and hold one generation. */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const suffix = randomBytes(4).toString("hex");
  const groupId = `${options.name ?? "cluster"}-${suffix}`;
  const workers: ClusterWorker[] = [];
  const live = () => workers.filter((worker) => worker.child.exitCode === null && worker.child.signalCode === null);

  const add = async (): Promise<ClusterWorker> => {
    const port = await freePort();
    const file = path.join(options.dir, `worker-${port}.properties`);
    writeFileSync(
      file,
      [
        `bootstrap.servers=${options.brokers}`,
        `group.id=${groupId}`,
        `config.storage.topic=${groupId}-configs`,
        `offset.storage.topic=${groupId}-offsets`,
        `status.storage.topic=${groupId}-status`,
        "config.storage.replication.factor=1",
        "offset.storage.replication.factor=1",
        "status.storage.replication.factor=1",
        `listeners=http://127.0.0.1:${port}`,
        "rest.advertised.host.name=127.0.0.1",
        ...(options.settings ?? []),
        "",
      ].join("\n"),
    );
    const child = spawn(bin, ["distributed", file], { cwd: options.dir, env: { ...process.env, LOG_LEVEL: "info" }, stdio: ["ignore", "pipe", "pipe"] });
    const worker: ClusterWorker = { id: `127.0.0.1:${port}`, url: `http://127.0.0.1:${port}`, child, generation: -1, leader: false, problems: [] };
    const follow = (line: string) => {
      try {
        const entry = JSON.parse(line) as { msg?: string; level?: string; generation?: number; leader?: boolean };
        if (entry.msg === "joined the group") {
          worker.generation = entry.generation ?? -1;
          worker.leader = entry.leader === true;
        }
        if (entry.level === "warn" || entry.level === "error" || entry.level === "fatal") worker.problems.push(line);
      } catch {
        worker.problems.push(line);
      }
    };
    createInterface({ input: child.stdout! }).on("line", follow);
    createInterface({ input: child.stderr! }).on("line", follow);
    workers.push(worker);
    await waitFor(async () => (await fetch(`${worker.url}/`).catch(() => undefined))?.ok === true, 30_000, `worker ${worker.id} to answer`);
    return worker;
  };

  const settled = async (timeoutMs = 60_000) => {
    let result: { generation: number; leader: ClusterWorker } | undefined;
    await waitFor(
      () => {
        const members = live();
        const generation = members[0]?.generation ?? -1;
        const leaders = members.filter((worker) => worker.leader);
        if (generation < 0 || members.some((worker) => worker.generation !== generation) || leaders.length !== 1) return false;
        result = { generation, leader: leaders[0]! };
        return true;
      },
      timeoutMs,
      "the cluster to settle on one generation",
    );
    return result!;
  };

  const cluster: Cluster = {
    groupId,
    workers,
    add,
    settled,
    kill: (worker) => void worker.child.kill("SIGKILL"),
    stop: async () => {
      await Promise.all(
        live().map(
          (worker) =>
            new Promise<void>((resolve) => {
              worker.child.once("exit", () => resolve());
              worker.child.kill("SIGTERM");
            }),
        ),
      );
    },
  };
  try {
    for (let i = 0; i < options.size; i++) await add();
    await settled();
  } catch (error) {
    await cluster.stop();
    throw new Error(`${(error as Error).message}\n${workers.flatMap((worker) => worker.problems).join("\n")}`);
  }
  return cluster;
}

/** Polls `check` every 100 ms until it holds; throws naming `what` after `timeoutMs`. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await Promise.resolve().then(check).catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
}
