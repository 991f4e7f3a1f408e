import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

/**
 * E2E against the built app (`next build` first; `npm test` does it) on a real Kafka broker:
 * `KAFKA_BROKERS` must point at one (`npm test` starts the local test broker). Each run gets a
 * fresh SQLite database. Chromium is Debian's (`/usr/bin/chromium`); Playwright downloads nothing.
 */
const port = Number(process.env.E2E_PORT ?? 3200);
const baseURL = `http://127.0.0.1:${port}`;
process.env.E2E_DATABASE_URL ??= `file:${path.resolve(".cache", "e2e", `tributary-${Date.now()}.db`)}`;

export default defineConfig({
  testDir: "e2e",
  outputDir: ".cache/e2e/results",
  workers: 1,
  timeout: 60_000,
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: `node_modules/.bin/next start -H 127.0.0.1 -p ${port}`,
    url: `${baseURL}/api/connect/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    stdout: "pipe",
    env: {
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_MANUAL_SIG_HANDLE: "true",
      CONNECT_OFFSET_FLUSH_INTERVAL_MS: "500",
      TRIBUTARY_DEMO: "off",
      // Config providers, for the spec that keeps a connector's secret in a file (api-fuzz.spec.ts).
      CONNECT_CONFIG_PROVIDERS: "file",
      CONNECT_CONFIG_PROVIDERS_FILE_CLASS: "org.apache.kafka.common.config.provider.FileConfigProvider",
      PORT: String(port),
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? "",
    },
  },
});
