import type { RestartRequest, TargetState } from "@/server/storage/contracts/config-store";
import { encodeJson } from "@/server/storage/kafka/internal-json";
import type { LogWrite } from "@/server/storage/kafka/topic-log";

/**
 * The config topic's records in Kafka Connect's formats (KafkaConfigBackingStore), as this
 * worker writes them. Every key is a UTF-8 string; values are schemaless JSON.
 */

/** A key used to sign requests between workers (the `session-key` record). */
export interface SessionKey {
  key: Buffer;
  /** A `javax.crypto` algorithm name, `HmacSHA256` by default. */
  algorithm: string;
  /** Epoch milliseconds. */
  creationTimestamp: number;
}

/** Key prefixes of the config topic, matched in this order when reading. */
export const CONFIG_PREFIX = {
  targetState: "target-state-",
  connector: "connector-",
  task: "task-",
  commit: "commit-",
  restart: "restart-connector-",
  taskCount: "tasks-fencing-",
  logger: "logger-cluster-",
} as const;

/** The key of the session key record (the whole key, not a prefix). */
export const SESSION_KEY_KEY = "session-key";

const write = (key: string, value: unknown): LogWrite => ({ key: Buffer.from(key, "utf8"), value: value === null ? null : encodeJson(value) });

/** `connector-<name>` → `{"properties":{…}}`, the config exactly as submitted. */
export function connectorRecord(name: string, config: Readonly<Record<string, string>>): LogWrite {
  return write(`${CONFIG_PREFIX.connector}${name}`, { properties: config });
}

/** The tombstone of `connector-<name>`: the connector is deleted. */
export function connectorTombstone(name: string): LogWrite {
  return write(`${CONFIG_PREFIX.connector}${name}`, null);
}

/** `task-<name>-<task>` → `{"properties":{…}}`; takes effect only with the commit record after it. */
export function taskRecord(name: string, task: number, config: Readonly<Record<string, string>>): LogWrite {
  return write(`${CONFIG_PREFIX.task}${name}-${task}`, { properties: config });
}

/** `commit-<name>` → `{"tasks":N}`: applies the task records 0..N-1 written before it as one set. */
export function commitRecord(name: string, tasks: number): LogWrite {
  return write(`${CONFIG_PREFIX.commit}${name}`, { tasks });
}

/**
 * `target-state-<name>` → `{"state":…,"state.v2":…}`. `state.v2` holds the state; `state` says
 * PAUSED for STOPPED, because workers older than Kafka 3.5 know no STOPPED.
 */
export function targetStateRecord(name: string, state: TargetState): LogWrite {
  return write(`${CONFIG_PREFIX.targetState}${name}`, { state: state === "STOPPED" ? "PAUSED" : state, "state.v2": state });
}

/** The tombstone of `target-state-<name>`, written with the connector's. */
export function targetStateTombstone(name: string): LogWrite {
  return write(`${CONFIG_PREFIX.targetState}${name}`, null);
}

/** `restart-connector-<name>` → `{"include-tasks":…,"only-failed":…}`. */
export function restartRecord(name: string, request: RestartRequest): LogWrite {
  return write(`${CONFIG_PREFIX.restart}${name}`, { "include-tasks": request.includeTasks, "only-failed": request.onlyFailed });
}

/** `session-key` → `{"key":<base64>,"algorithm":…,"creation-timestamp":<ms>}`. */
export function sessionKeyRecord(sessionKey: SessionKey): LogWrite {
  return write(SESSION_KEY_KEY, { key: sessionKey.key.toString("base64"), algorithm: sessionKey.algorithm, "creation-timestamp": sessionKey.creationTimestamp });
}

/** `logger-cluster-<namespace>` → `{"level":…}`: a cluster-wide log level (`PUT /admin/loggers/<namespace>?scope=cluster`). */
export function loggerLevelRecord(namespace: string, level: string): LogWrite {
  return write(`${CONFIG_PREFIX.logger}${namespace}`, { level });
}
