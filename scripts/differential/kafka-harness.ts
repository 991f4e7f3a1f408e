/**
 * Apache Kafka Connect's side of the differential test: the Java harness in `java/`, compiled
 * against the jars `pom.xml` pins (resolved from Maven Central by Maven), run on a file of test
 * vectors. Jars are cached under `.cache/differential/libs-<pom hash>` and classes under
 * `.cache/differential/classes-<sources hash>`, so only a change to the pom or the harness
 * rebuilds. Needs `mvn`, `javac` and `java` (JDK 17+) on PATH. Synchronous; one caller at a time.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { KafkaResult, Vector } from "./vector";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");
const pom = path.join(here, "pom.xml");
const javaRoot = path.join(here, "java");
const cacheRoot = path.join(root, ".cache", "differential");

/** The Kafka version the harness runs, as pinned in the pom. */
const HARNESS_KAFKA_VERSION = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(readFileSync(pom, "utf8"))![1]!;

function javaSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return javaSources(full);
    return entry.name.endsWith(".java") ? [full] : [];
  });
}

const hashOf = (files: readonly string[]) => {
  const hash = createHash("sha256");
  for (const file of files) hash.update(path.relative(here, file)).update("\0").update(readFileSync(file));
  return hash.digest("hex").slice(0, 16);
};

function exec(command: string, args: string[], what: string): void {
  const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw new Error(`Could not run ${command} (${what}): ${result.error.message}. Install JDK 17+ and Maven.`);
  if (result.status !== 0) throw new Error(`${what} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
}

/** Where the built harness lives: its classes folder and its jars folder. */
export interface BuiltHarness {
  classes: string;
  libs: string;
}

/**
 * Resolves the jars and compiles the harness unless both are cached for the current pom and
 * sources; returns their folders. `log` hears about the slow steps only.
 */
export function buildHarness(log: (line: string) => void = () => {}): BuiltHarness {
  const libs = path.join(cacheRoot, `libs-${hashOf([pom])}`);
  if (!existsSync(path.join(libs, ".complete"))) {
    log(`Resolving Kafka Connect ${HARNESS_KAFKA_VERSION} jars for the differential harness (first run only)…`);
    rmSync(libs, { recursive: true, force: true });
    exec("mvn", ["-q", "-B", "-Dstyle.color=never", "-f", pom, "dependency:copy-dependencies", `-DoutputDirectory=${libs}`, "-DincludeScope=runtime"], "Maven resolving the harness jars");
    writeFileSync(path.join(libs, ".complete"), `${new Date().toISOString()}\n`);
  }
  const sources = javaSources(javaRoot).sort();
  const classes = path.join(cacheRoot, `classes-${hashOf([pom, ...sources])}`);
  if (!existsSync(path.join(classes, ".complete"))) {
    log("Compiling the differential harness…");
    rmSync(classes, { recursive: true, force: true });
    mkdirSync(classes, { recursive: true });
    exec("javac", ["-Xlint:all,-processing", "-Werror", "--release", "17", "-d", classes, "-cp", `${libs}/*`, ...sources], "javac compiling the harness");
    writeFileSync(path.join(classes, ".complete"), `${new Date().toISOString()}\n`);
  }
  return { classes, libs };
}

/**
 * Runs `vectors` through Kafka Connect's classes and returns each vector's result by id. The
 * JVM runs in UTC (Kafka parses and prints dates in the JVM's default zone; Tributary's are UTC).
 */
export function runKafka(harness: BuiltHarness, vectors: readonly Vector[]): Map<string, KafkaResult> {
  const work = path.join(cacheRoot, "runs", `${process.pid}-${Date.now()}`);
  mkdirSync(work, { recursive: true });
  try {
    const input = path.join(work, "vectors.json");
    const output = path.join(work, "results.jsonl");
    writeFileSync(input, JSON.stringify(vectors));
    exec("java", ["-Duser.timezone=UTC", "-Xss4m", "-cp", `${harness.classes}:${harness.libs}/*`, "dev.tributary.differential.Harness", input, output], "The Kafka Connect harness");
    const results = new Map<string, KafkaResult>();
    for (const line of readFileSync(output, "utf8").split("\n")) {
      if (line === "") continue;
      const result = JSON.parse(line) as KafkaResult & { id: string };
      results.set(result.id, result);
    }
    return results;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
