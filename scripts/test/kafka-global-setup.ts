/**
 * Vitest global setup of the integration project: makes sure a real Kafka broker is up and
 * provides its address to the tests (`inject("kafkaBrokers")`, see scripts/test/integration.ts).
 * Uses `KAFKA_BROKERS` when it is set (an existing cluster, or the broker `npm test` started);
 * otherwise starts the local `test` broker, and stops it after the run if it started it.
 */
import type { TestProject } from "vitest/node";
import { startBroker, stopBroker } from "../kafka/local-kafka";

declare module "vitest" {
  export interface ProvidedContext {
    kafkaBrokers: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.KAFKA_BROKERS) {
    project.provide("kafkaBrokers", process.env.KAFKA_BROKERS);
    return async () => {};
  }
  const broker = await startBroker({ name: "test", port: "auto" });
  project.provide("kafkaBrokers", broker.bootstrap);
  return async () => {
    if (!broker.reused) await stopBroker("test");
  };
}
