import { beforeAll, describe, expect, it } from "vitest";
import { formatDifferences } from "./compare";
import { runDifferential } from "./differential";
import { buildHarness } from "./kafka-harness";
import { shortVectors } from "./vectors";

describe("records compared with Apache Kafka Connect's own classes", () => {
  beforeAll(() => {
    buildHarness((line) => console.log(line));
  }, 600_000);

  it("writes and reads the short selection of vectors as Kafka Connect does, but for the listed deliberate differences", async () => {
    const vectors = shortVectors();
    const run = await runDifferential(vectors);
    console.log(
      `Differential (short): ${run.figures.total} vectors, ${run.figures.identical} identical, ${run.figures.deliberate} deliberately different, ` +
        `${run.figures.different} unexplained; Kafka Connect on Java ${run.info.javaVersion}`,
    );
    expect(run.figures.total).toBeGreaterThan(vectors.length);
    expect(run.figures.identical).toBeGreaterThan(run.figures.total * 0.9);
    expect(formatDifferences(run.verdicts), "vectors whose records differ from Kafka Connect's with no deliberate difference to explain them").toBe("");
  }, 600_000);
});
