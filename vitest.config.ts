import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const alias = { "@": fileURLToPath(new URL("./", import.meta.url)) };
const exclude = ["**/node_modules/**", ".next/**", ".next-*/**", ".cache/**", "e2e/**"];

/**
 * Two projects: `unit` (`*.test.ts`, in-memory stores, fake clocks, no network) and
 * `integration` (`*.int.test.ts`, against the real local Kafka broker that the global setup
 * starts once per run, real SQLite files, real processes). Integration files run one at a time:
 * they share one broker on a 2-core machine.
 */
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          environment: "node",
          env: { LOG_LEVEL: "warn" },
          include: ["**/*.test.ts"],
          exclude: [...exclude, "**/*.int.test.ts"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          environment: "node",
          env: { LOG_LEVEL: "warn" },
          include: ["**/*.int.test.ts"],
          exclude,
          globalSetup: ["scripts/test/kafka-global-setup.ts"],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
