import { pino, type DestinationStream, type Level, type Logger } from "pino";

/**
 * The process-wide logger tree. Loggers are named with dotted names (`tributary.runtime`,
 * `kafkajs.Consumer`), the way Kafka Connect's `/admin/loggers` addresses log4j loggers, and each
 * carries its name in the `logger` field of every line.
 *
 * The root is created once per process and kept on `globalThis`, so Next's separate module graphs
 * (instrumentation and route handlers) write through the same destination and levels.
 */
const KEY = Symbol.for("tributary.logging");

interface LoggingState {
  root: Logger;
  children: Map<string, Logger>;
}

type Global = typeof globalThis & { [KEY]?: LoggingState };

/** Level names accepted by `LOG_LEVEL` and by the loggers API. */
export const LEVELS: readonly Level[] = ["fatal", "error", "warn", "info", "debug", "trace"];

function state(): LoggingState {
  const g = globalThis as Global;
  g[KEY] ??= { root: createRoot(), children: new Map() };
  return g[KEY];
}

function createRoot(destination?: DestinationStream): Logger {
  const level = (process.env.LOG_LEVEL ?? "info").toLowerCase();
  return pino(
    {
      level: LEVELS.includes(level as Level) ? level : "info",
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination ?? pino.destination({ dest: 1, sync: false }),
  );
}

/** Returns the logger called `name`, creating it under the root on first use. */
export function getLogger(name: string): Logger {
  const { root, children } = state();
  let logger = children.get(name);
  if (!logger) {
    logger = root.child({ logger: name });
    children.set(name, logger);
  }
  return logger;
}

/**
 * Replaces the root logger's destination and forgets named loggers. For tests that assert on log
 * output; call before the code under test asks for its loggers.
 */
export function resetLogging(destination: DestinationStream): void {
  (globalThis as Global)[KEY] = { root: createRoot(destination), children: new Map() };
}
