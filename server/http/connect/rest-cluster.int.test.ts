/**
 * The Kafka Connect REST conformance suite against a worker that does not lead a cluster of
 * three `tributary distributed` processes on the real broker: every write it gets is forwarded to
 * the leader, every read is answered from its own copy of the internal topics.
 */
import { afterAll, beforeAll, describe, it } from "vitest";
import { kafkaBrokers, tempDir } from "@/scripts/test/integration";
import { startCluster, type Cluster } from "@/scripts/test/cluster-harness";
import { connect41ShapeChecks } from "@/server/http/connect/testing/connect-41-shapes";
import { restConformanceChecks, type ConformanceTarget } from "@/server/http/connect/testing/rest-conformance";

const folder = tempDir("rest-cluster");
let cluster: Cluster;
let target: ConformanceTarget;

beforeAll(async () => {
  cluster = await startCluster({ brokers: kafkaBrokers(), dir: folder.dir, size: 3, name: "rest-cluster", settings: ["offset.flush.interval.ms=300"] });
  const { leader } = await cluster.settled();
  const follower = cluster.workers.find((worker) => worker !== leader)!;
  target = { baseUrl: follower.url, scratchDir: folder.dir };
});

afterAll(async () => {
  await cluster?.stop();
  folder.remove();
});

describe("Kafka Connect REST API on a non-leader worker of a three-worker cluster", () => {
  for (const check of [...restConformanceChecks, ...connect41ShapeChecks]) it(check.name, () => check.run(target));
});
