import { readPropertiesFile } from "@/server/config/properties";
import { parseWorkerConfig, WorkerConfigError, type WorkerConfig } from "@/server/config/worker-config";
import { messageOf } from "@/server/errors/tributary-error";

/**
 * Maps environment variables to worker keys, lowest precedence first:
 * - `CONNECT_<KEY>` as in Confluent's images: strip the prefix, lower-case, then `___` → `-`,
 *   `__` → `_`, `_` → `.` (`CONNECT_OFFSET_FLUSH_INTERVAL_MS` → `offset.flush.interval.ms`);
 * - `KAFKA_BROKERS` → `bootstrap.servers` (the README's switch to an existing cluster);
 * - `DATABASE_URL` → `tributary.database.url`.
 */
export function workerKeysFromEnv(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || !name.startsWith("CONNECT_")) continue;
    const key = name
      .slice("CONNECT_".length)
      .toLowerCase()
      .replace(/___/g, "\u0000")
      .replace(/__/g, "\u0001")
      .replace(/_/g, ".")
      .replace(/\u0000/g, "-")
      .replace(/\u0001/g, "_");
    out[key] = value;
  }
  if (env.KAFKA_BROKERS) out["bootstrap.servers"] = env.KAFKA_BROKERS;
  if (env.DATABASE_URL) out["tributary.database.url"] = env.DATABASE_URL;
  return out;
}

/**
 * Loads the worker configuration from an optional `.properties` file overlaid with the
 * environment (environment wins). Throws WorkerConfigError with one line naming the bad key or
 * the unreadable file; callers at process start print that line and exit non-zero.
 */
export function loadWorkerConfig(options: { file?: string; env?: Readonly<Record<string, string | undefined>> } = {}): WorkerConfig {
  const env = options.env ?? process.env;
  let fromFile: Record<string, string> = {};
  if (options.file) {
    try {
      fromFile = readPropertiesFile(options.file);
    } catch (error) {
      throw new WorkerConfigError(options.file, `Cannot read worker configuration file ${options.file}: ${messageOf(error)}`);
    }
  }
  const fromEnv = workerKeysFromEnv(env);
  return parseWorkerConfig({ ...fromFile, ...fromEnv }, (key) =>
    key in fromEnv ? "the environment" : (options.file ?? "defaults"),
  );
}
