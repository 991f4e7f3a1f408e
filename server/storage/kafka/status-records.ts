import type { ConnectState, Status, TopicStatus } from "@/server/storage/contracts/status-store";

export type { TopicStatus };
import { asInt, asObject, decodeJson, encodeJson } from "@/server/storage/kafka/internal-json";
import type { LogWrite } from "@/server/storage/kafka/topic-log";

/**
 * The status topic's records in Kafka Connect's formats (KafkaStatusBackingStore): UTF-8 string
 * keys, schemaless JSON values, a tombstone for a status or topic that is gone.
 */


/** What a status topic key names. */
export type StatusKey =
  | { kind: "connector"; connector: string }
  | { kind: "task"; connector: string; task: number }
  | { kind: "topic"; connector: string; topic: string };

const CONNECTOR_PREFIX = "status-connector-";
const TASK_PREFIX = "status-task-";
const TOPIC_PREFIX = "status-topic-";
const TOPIC_SEPARATOR = ":connector-";
/** Kafka Connect's AbstractStatus.State values that a stored status may hold (DESTROYED is written as a tombstone). */
const STATES: readonly string[] = ["UNASSIGNED", "RUNNING", "PAUSED", "STOPPED", "FAILED", "RESTARTING"];

/** The record key of a connector's status, a task's status, or a connector's use of a topic. */
export function statusKey(key: StatusKey): Buffer {
  switch (key.kind) {
    case "connector":
      return Buffer.from(`${CONNECTOR_PREFIX}${key.connector}`, "utf8");
    case "task":
      return Buffer.from(`${TASK_PREFIX}${key.connector}-${key.task}`, "utf8");
    case "topic":
      return Buffer.from(`${TOPIC_PREFIX}${key.topic}${TOPIC_SEPARATOR}${key.connector}`, "utf8");
  }
}

/** Reads a status topic key, or undefined for a key in no known format. */
export function parseStatusKey(key: string): StatusKey | undefined {
  if (key.startsWith(CONNECTOR_PREFIX)) {
    const connector = key.slice(CONNECTOR_PREFIX.length);
    return connector ? { kind: "connector", connector } : undefined;
  }
  if (key.startsWith(TASK_PREFIX)) {
    const rest = key.slice(TASK_PREFIX.length);
    const dash = rest.lastIndexOf("-");
    const task = rest.slice(dash + 1);
    return dash >= 0 && /^\d+$/.test(task) ? { kind: "task", connector: rest.slice(0, dash), task: Number(task) } : undefined;
  }
  if (key.startsWith(TOPIC_PREFIX)) {
    const colon = key.indexOf(":", TOPIC_PREFIX.length);
    if (colon < 0 || !key.startsWith(TOPIC_SEPARATOR, colon)) return undefined;
    const topic = key.slice(TOPIC_PREFIX.length, colon);
    const connector = key.slice(colon + TOPIC_SEPARATOR.length);
    return topic && connector ? { kind: "topic", connector, topic } : undefined;
  }
  return undefined;
}

/** A status as `{"state":…,"trace":…|null,"worker_id":…,"generation":…}`. */
export function statusRecord(key: StatusKey, status: Status): LogWrite {
  return { key: statusKey(key), value: encodeJson({ state: status.state, trace: status.trace ?? null, worker_id: status.workerId, generation: status.generation }) };
}

/** A topic in use as `{"topic":{"name":…,"connector":…,"task":…,"discoverTimestamp":…}}`. */
export function topicStatusRecord(status: TopicStatus): LogWrite {
  const value = { topic: { name: status.topic, connector: status.connector, task: status.task, discoverTimestamp: status.discoverTimestamp } };
  return { key: statusKey({ kind: "topic", connector: status.connector, topic: status.topic }), value: encodeJson(value) };
}

/** The tombstone of a key: the status is gone (Kafka Connect's DESTROYED), or the topic was reset. */
export function statusTombstone(key: StatusKey): LogWrite {
  return { key: statusKey(key), value: null };
}

/** Reads a status value, or undefined when it is not one (unknown state, missing fields). */
export function parseStatus(bytes: Buffer): Status | undefined {
  const fields = asObject(decodeJson(bytes));
  const generation = asInt(fields?.generation);
  if (!fields || typeof fields.state !== "string" || !STATES.includes(fields.state) || typeof fields.worker_id !== "string" || generation === undefined) return undefined;
  const status: Status = { state: fields.state as ConnectState, workerId: fields.worker_id, generation };
  if (typeof fields.trace === "string") status.trace = fields.trace;
  return status;
}

/** Reads a topic status value, or undefined when it is not one. */
export function parseTopicStatus(bytes: Buffer): TopicStatus | undefined {
  const inner = asObject(asObject(decodeJson(bytes))?.topic);
  const task = asInt(inner?.task);
  const discovered = inner?.discoverTimestamp;
  if (!inner || typeof inner.name !== "string" || typeof inner.connector !== "string" || task === undefined || typeof discovered !== "number") return undefined;
  return { topic: inner.name, connector: inner.connector, task, discoverTimestamp: discovered };
}
