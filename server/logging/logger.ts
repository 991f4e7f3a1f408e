import { pino, type DestinationStream, type Level, type LevelWithSilent, type Logger } from "pino";
import { TributaryError } from "@/server/errors/tributary-error";

/**
 * The process-wide logger tree. Loggers are named with dotted names (`tributary.runtime`,
 * `kafkajs.Consumer`), the way Kafka Connect's `/admin/loggers` addresses log4j loggers, and each
 * carries its name in the `logger` field of every line. A logger's level is the closest explicit
 * level among itself and its dotted ancestors, else the root's.
 *
 * The root is created once per process and kept on `globalThis`, so Next's separate module graphs
 * (instrumentation and route handlers) write through the same destination and levels.
 */
const KEY = Symbol.for("tributary.logging");

/** The name Kafka Connect gives the root logger in `/admin/loggers`. */
const ROOT = "root";

interface LoggingState {
  root: Logger;
  children: Map<string, Logger>;
  /** Loggers whose level was set through `setLoggerLevel`; the root is never in it. */
  explicit: Map<string, LevelWithSilent>;
  /** When each logger's level was last set through `setLoggerLevel` (epoch ms), root included. */
  modified: Map<string, number>;
}

type Global = typeof globalThis & { [KEY]?: LoggingState };

/** Level names accepted by `LOG_LEVEL`. */
const LEVELS: readonly Level[] = ["fatal", "error", "warn", "info", "debug", "trace"];

/** Kafka Connect's (log4j's) level names, as `/admin/loggers` accepts and shows them, to pino's. */
const pinoLevelByLog4j: Record<string, LevelWithSilent> = {
  TRACE: "trace",
  DEBUG: "debug",
  INFO: "info",
  WARN: "warn",
  ERROR: "error",
  FATAL: "fatal",
  OFF: "silent",
};

/** One logger's level as `/admin/loggers` shows it (Kafka Connect's LoggerLevel). */
export interface LoggerLevel {
  /** Upper-case log4j name: `TRACE DEBUG INFO WARN ERROR FATAL OFF`. */
  level: string;
  /** Epoch ms of the last change through `setLoggerLevel`, or null if never set that way. */
  last_modified: number | null;
}

function state(): LoggingState {
  const g = globalThis as Global;
  g[KEY] ??= freshState(createRoot());
  return g[KEY];
}

function freshState(root: Logger): LoggingState {
  return { root, children: new Map(), explicit: new Map(), modified: new Map() };
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
    destination ?? standardDestination(process.env.TRIBUTARY_LOG_FILE),
  );
}

/**
 * Standard output, and also the file `logFile` (appended to, its folder created) when it is set:
 * `TRIBUTARY_LOG_FILE` keeps the same lines for operators who collect logs from files. Both
 * streams take every level; the loggers' levels decide what is written.
 */
function standardDestination(logFile: string | undefined): DestinationStream {
  const stdout = pino.destination({ dest: 1, sync: false });
  if (!logFile) return stdout;
  const file = pino.destination({ dest: logFile, sync: false, mkdir: true, append: true });
  return pino.multistream([
    { level: "trace", stream: stdout },
    { level: "trace", stream: file },
  ]);
}

/** The level a logger called `name` gets: its closest explicit ancestor's, else the root's. */
function inheritedLevel({ root, explicit }: LoggingState, name: string): LevelWithSilent {
  for (let end = name.lastIndexOf("."); end > 0; end = name.lastIndexOf(".", end - 1)) {
    const level = explicit.get(name.slice(0, end));
    if (level) return level;
  }
  return root.level as LevelWithSilent;
}

/**
 * Returns the logger called `name`, creating it under the root on first use with the level of
 * its closest ancestor that has an explicit level (set through `setLoggerLevel`), else the root's.
 */
export function getLogger(name: string): Logger {
  const current = state();
  let logger = current.children.get(name);
  if (!logger) {
    logger = current.root.child({ logger: name }, { level: inheritedLevel(current, name) });
    current.children.set(name, logger);
  }
  return logger;
}

function shown(level: string): string {
  return level === "silent" ? "OFF" : level.toUpperCase();
}

/**
 * Sets the level of logger `name` and of every known logger below it in the dotted tree
 * (`tributary.runtime` covers `tributary.runtime.task`; `root` covers every logger), the way
 * Kafka Connect's worker-scope `PUT /admin/loggers/{name}` does. Creates `name` if unknown.
 * `level` is a log4j name, case-insensitive (`OFF` silences). Returns, sorted, the names whose
 * level this changed; only those are stamped with the current time (an unchanged level answers
 * `[]` and touches nothing, as in Kafka Connect 4.1). The loggers set become explicit.
 * Throws `logger.invalid_level` (`invalid log level 'x'.`) for any other level name.
 */
export function setLoggerLevel(name: string, level: string): string[] {
  const pinoLevel = pinoLevelByLog4j[level.toUpperCase()];
  if (!pinoLevel) throw new TributaryError("logger.invalid_level", `invalid log level '${level}'.`);
  const current = state();
  const now = Date.now();
  if (name !== ROOT) getLogger(name);
  const affected = [...current.children.keys()].filter((child) => name === ROOT || child === name || child.startsWith(`${name}.`));
  const before = new Map(affected.map((child) => [child, current.children.get(child)!.level]));
  const changed = affected.filter((child) => before.get(child) !== pinoLevel);
  if (name === ROOT) {
    if (current.root.level !== pinoLevel) changed.push(ROOT);
    current.root.level = pinoLevel;
  }
  for (const child of affected) {
    current.children.get(child)!.level = pinoLevel;
    current.explicit.set(child, pinoLevel);
  }
  for (const changedName of changed) current.modified.set(changedName, now);
  return changed.sort();
}

/**
 * The level of one logger: `root` or any logger created so far, explicit or inherited.
 * Throws `logger.not_found` (`Logger l not found.`) for a name no code has asked for.
 */
export function loggerLevel(name: string): LoggerLevel {
  const current = state();
  const logger = name === ROOT ? current.root : current.children.get(name);
  if (!logger) throw new TributaryError("logger.not_found", `Logger ${name} not found.`);
  return { level: shown(logger.level), last_modified: current.modified.get(name) ?? null };
}

/**
 * Every logger this process has created, plus `root`, with its level, sorted by name, leaving
 * out loggers set to OFF (`GET /admin/loggers`, as Kafka Connect 4.1 lists its log4j loggers).
 */
export function loggerLevels(): Record<string, LoggerLevel> {
  const names = [ROOT, ...state().children.keys()].sort();
  return Object.fromEntries(names.map((name) => [name, loggerLevel(name)] as const).filter(([, level]) => level.level !== "OFF"));
}

/**
 * Replaces the root logger's destination and forgets named loggers and explicit levels. For tests
 * that assert on log output; call before the code under test asks for its loggers.
 */
export function resetLogging(destination: DestinationStream): void {
  (globalThis as Global)[KEY] = freshState(createRoot(destination));
}
