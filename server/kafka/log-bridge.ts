import { logLevel, type LogEntry, type logCreator } from "kafkajs";
import type { Logger } from "pino";
import { getLogger } from "@/server/logging/logger";

const toPino: Record<number, "error" | "warn" | "info" | "debug"> = {
  [logLevel.ERROR]: "error",
  [logLevel.WARN]: "warn",
  [logLevel.INFO]: "info",
  [logLevel.DEBUG]: "debug",
};

/**
 * kafkajs' logCreator writing into our logger tree: a line from kafkajs namespace `Consumer`
 * goes to logger `kafkajs.Consumer`, with kafkajs' extra fields kept and its own timestamp and
 * logger name dropped.
 *
 * kafkajs logs every failed broker response (`[Connection] Response …`) at error level, even the
 * transient ones it retries and gets past ("The coordinator is loading"). The failure that
 * matters reaches the caller as a thrown error; these lines go to warn, so error means error.
 * Its warning that an idempotent producer with bounded retries may break exactly-once goes to
 * debug: the DLQ replay producer bounds its retries on purpose (it must report what did not go)
 * and dedupes replays itself, so the line would only alarm operators at every start.
 */
export const kafkaLogCreator: logCreator = () => {
  const loggers = new Map<string, Logger>();
  return ({ namespace, level, log }: LogEntry) => {
    const name = namespace ? `kafkajs.${namespace}` : "kafkajs";
    let logger = loggers.get(name);
    if (!logger) {
      logger = getLogger(name);
      loggers.set(name, logger);
    }
    const { message, timestamp: _timestamp, logger: _logger, ...fields } = log;
    const responseFailure = namespace === "Connection" && level === logLevel.ERROR && message.startsWith("Response ");
    const boundedRetriesNotice = namespace === "Producer" && message.startsWith("Limiting retries for the idempotent producer");
    logger[boundedRetriesNotice ? "debug" : responseFailure ? "warn" : (toPino[level] ?? "info")](fields, message);
  };
};

/** The kafkajs level that lets through what the `kafkajs` logger would print, and no more. */
export function kafkaLogLevel(): logLevel {
  const level = getLogger("kafkajs").level;
  if (level === "debug" || level === "trace") return logLevel.DEBUG;
  if (level === "info") return logLevel.INFO;
  if (level === "warn") return logLevel.WARN;
  return level === "silent" ? logLevel.NOTHING : logLevel.ERROR;
}
