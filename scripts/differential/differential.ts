/**
 * One differential run: the vectors through Kafka Connect's classes (the Java harness) and
 * through Tributary, then the read-back vectors derived from what Kafka wrote, the same way;
 * every answer judged (compare.ts). Used by the integration test (a short selection) and by
 * `npm run test:differential` (everything).
 */
import { figures, judge, type Figures, type Verdict } from "./compare";
import type { HarnessInfo } from "./deliberate-differences";
import { buildHarness, runKafka } from "./kafka-harness";
import { readBackVectors } from "./read-back";
import { runTributary } from "./tributary-runner";
import type { Vector } from "./vector";

/** A run's verdicts, figures and the JVM the harness ran on. */
export interface DifferentialRun {
  verdicts: Verdict[];
  figures: Figures;
  info: HarnessInfo;
  seconds: { kafka: number; tributary: number };
}

/** Runs `vectors` (and their read-back vectors) on both sides and judges every answer. */
export async function runDifferential(vectors: readonly Vector[], log: (line: string) => void = () => {}): Promise<DifferentialRun> {
  const harness = buildHarness(log);
  const seconds = { kafka: 0, tributary: 0 };
  const timed = async <T>(side: "kafka" | "tributary", work: () => T | Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      seconds[side] += (performance.now() - started) / 1000;
    }
  };
  const kafka = await timed("kafka", () => runKafka(harness, vectors));
  const tributary = await timed("tributary", () => runTributary(vectors));
  const derived = readBackVectors(vectors, kafka);
  const kafkaDerived = await timed("kafka", () => runKafka(harness, derived));
  const tributaryDerived = await timed("tributary", () => runTributary(derived));
  const meta = kafka.get("@harness")?.result as HarnessInfo;
  const verdicts = [
    ...vectors.map((vector) => judge(vector, kafka.get(vector.id), tributary.get(vector.id)!, meta)),
    ...derived.map((vector) => judge(vector, kafkaDerived.get(vector.id), tributaryDerived.get(vector.id)!, meta)),
  ];
  return { verdicts, figures: figures(verdicts), info: meta, seconds };
}
