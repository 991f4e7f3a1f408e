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
/** Where the first server's Tributary log lines also go, so specs can check what was logged. */
process.env.E2E_LOG_FILE ??= path.resolve(".cache", "e2e", `server-${port}.log`);
/** The second server, with login on (project `auth`, specs in e2e/auth/): its own port and database. */
const authPort = Number(process.env.E2E_AUTH_PORT ?? port + 1);
const authBaseURL = `http://127.0.0.1:${authPort}`;
process.env.E2E_AUTH_DATABASE_URL ??= `file:${path.resolve(".cache", "e2e", `tributary-auth-${Date.now()}.db`)}`;
/** The first admin's password on the `auth` server (the specs sign in with it). */
process.env.E2E_ADMIN_PASSWORD ??= "e2e-admin-password-0";

const serverEnv = {
  NEXT_TELEMETRY_DISABLED: "1",
  NEXT_MANUAL_SIG_HANDLE: "true",
  CONNECT_OFFSET_FLUSH_INTERVAL_MS: "500",
  TRIBUTARY_DEMO: "off",
  KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? "",
};

/** The production build served on `serverPort` of 127.0.0.1, with the common settings and `env`. */
function appServer(serverPort: number, env: Record<string, string | undefined>) {
  return {
    command: `node_modules/.bin/next start -H 127.0.0.1 -p ${serverPort}`,
    url: `http://127.0.0.1:${serverPort}/api/connect/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    gracefulShutdown: { signal: "SIGTERM" as const, timeout: 10_000 },
    stdout: "pipe" as const,
    env: { ...serverEnv, PORT: String(serverPort), ...env } as Record<string, string>,
  };
}

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
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, testIgnore: ["auth/**"] },
    { name: "auth", use: { baseURL: authBaseURL }, testMatch: ["auth/**/*.spec.ts"] },
  ],
  webServer: [
    appServer(port, {
      // Config providers, for the spec that keeps a connector's secret in a file (api-fuzz.spec.ts).
      CONNECT_CONFIG_PROVIDERS: "file",
      CONNECT_CONFIG_PROVIDERS_FILE_CLASS: "org.apache.kafka.common.config.provider.FileConfigProvider",
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      TRIBUTARY_LOG_FILE: process.env.E2E_LOG_FILE,
    }),
    appServer(authPort, { DATABASE_URL: process.env.E2E_AUTH_DATABASE_URL, TRIBUTARY_AUTH: "on", TRIBUTARY_ADMIN_PASSWORD: process.env.E2E_ADMIN_PASSWORD }),
  ],
});
