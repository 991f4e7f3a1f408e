import { getLogger } from "@/server/logging/logger";
import type { ConfigChange, ConfigSnapshot, RestartRequest, StoredConnector, TargetState } from "@/server/storage/contracts/config-store";
import { CONFIG_PREFIX, SESSION_KEY_KEY, type SessionKey } from "@/server/storage/kafka/config-records";
import { asInt, asObject, decodeJson, type JsonObject } from "@/server/storage/kafka/internal-json";
import type { LogRecord } from "@/server/storage/kafka/topic-log";

/** What one record changed that a worker must hear of; undefined when nothing it could see changed. */
export type ConfigRecordEffect =
  | { kind: ConfigChange["kind"]; connector: string }
  | { kind: "session-key"; sessionKey: SessionKey }
  | { kind: "logger-level"; namespace: string; level: string }
  | undefined;

const TARGET_STATES: readonly string[] = ["STARTED", "PAUSED", "STOPPED"];
const log = getLogger("tributary.storage.kafka.config");
const byName = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The config topic read record by record, as Kafka Connect's workers read it: connector configs
 * apply at once; task configs wait in a buffer until their connector's commit record, which
 * applies them only when every task 0..N-1 is buffered (otherwise the connector is
 * `inconsistent` and shows no task configs until a complete set is committed); a target state
 * may come before its connector (`initial_state`); records in an unknown format, or with an
 * unknown key, are logged and skipped. Not thread-safe: one reader applies records in order.
 */
export class ConfigTopicState {
  private readonly configs = new Map<string, Readonly<Record<string, string>>>();
  private readonly targetStates = new Map<string, TargetState>();
  private readonly taskConfigs = new Map<string, ReadonlyArray<Readonly<Record<string, string>>>>();
  private readonly buffered = new Map<string, Map<number, Record<string, string>>>();
  private readonly inconsistentSet = new Set<string>();
  private readonly restarts = new Map<string, Readonly<RestartRequest>>();
  private latestSessionKey: SessionKey | undefined;
  private offset = 0;
  private cached: ConfigSnapshot | undefined;

  /** The config topic's offset after the last record applied: the snapshot version. */
  get version(): number {
    return this.offset;
  }

  /** The state as of the last record applied; the same object until a record changes something. */
  snapshot(): ConfigSnapshot {
    if (this.cached?.version === this.offset) return this.cached;
    const connectors = new Map<string, Readonly<StoredConnector>>();
    for (const [name, config] of [...this.configs].sort(byName)) {
      const taskConfigs = this.inconsistentSet.has(name) ? [] : [...(this.taskConfigs.get(name) ?? [])];
      connectors.set(name, { name, config, targetState: this.targetStates.get(name) ?? "STARTED", taskConfigs });
    }
    this.cached = { version: this.offset, connectors, restartRequests: new Map(this.restarts) };
    return this.cached;
  }

  /** Connectors whose latest task commit found task configs missing (compaction, a leader that died mid-write). */
  inconsistent(): ReadonlySet<string> {
    return new Set(this.inconsistentSet);
  }

  /** The latest session key read, if any. */
  sessionKey(): SessionKey | undefined {
    return this.latestSessionKey;
  }

  /** Applies the next record of the config topic. */
  apply(record: LogRecord): ConfigRecordEffect {
    this.offset = Number(record.offset) + 1;
    this.cached = undefined;
    const key = record.key?.toString("utf8");
    if (key === undefined) return skip("a record without a key", "");
    const value = record.value === null ? null : decodeJson(record.value);
    if (value === undefined) return skip("a value that is not JSON", key);
    if (key.startsWith(CONFIG_PREFIX.targetState)) return this.targetState(key.slice(CONFIG_PREFIX.targetState.length), value, key);
    if (key.startsWith(CONFIG_PREFIX.connector)) return this.connector(key.slice(CONFIG_PREFIX.connector.length), value, key);
    if (key.startsWith(CONFIG_PREFIX.task)) return this.task(key, value);
    if (key.startsWith(CONFIG_PREFIX.commit)) return this.commit(key.slice(CONFIG_PREFIX.commit.length), value, key);
    if (key.startsWith(CONFIG_PREFIX.restart)) return this.restart(key.slice(CONFIG_PREFIX.restart.length), value, key);
    if (key.startsWith(CONFIG_PREFIX.taskCount)) return undefined;
    if (key === SESSION_KEY_KEY) return this.session(value, key);
    if (key.startsWith(CONFIG_PREFIX.logger)) return this.loggerLevel(key.slice(CONFIG_PREFIX.logger.length), value, key);
    return skip("an unknown key", key);
  }

  private targetState(connector: string, value: unknown, key: string): ConfigRecordEffect {
    if (value === null) {
      this.targetStates.delete(connector);
      return undefined;
    }
    const fields = asObject(value);
    if (!fields) return skip("a target state that is not an object", key);
    const state = typeof fields["state.v2"] === "string" ? fields["state.v2"] : fields.state;
    if (typeof state !== "string" || !TARGET_STATES.includes(state)) return skip("an unknown target state", key);
    this.targetStates.set(connector, state as TargetState);
    return this.configs.has(connector) ? { kind: "target-state", connector } : undefined;
  }

  private connector(connector: string, value: unknown, key: string): ConfigRecordEffect {
    if (value === null) {
      this.buffered.delete(connector);
      if (!this.configs.has(connector)) return undefined;
      this.configs.delete(connector);
      this.taskConfigs.delete(connector);
      this.inconsistentSet.delete(connector);
      this.restarts.delete(connector);
      return { kind: "connector-removed", connector };
    }
    const properties = asObject(asObject(value)?.properties);
    if (!properties) return skip("a connector config without a properties object", key);
    const created = !this.configs.has(connector);
    this.configs.set(connector, strings(properties));
    return { kind: created ? "connector-created" : "connector-updated", connector };
  }

  /** `task-<connector>-<n>`: the connector's name is everything between the prefix and the last `-`. */
  private task(key: string, value: unknown): ConfigRecordEffect {
    const rest = key.slice(CONFIG_PREFIX.task.length);
    const dash = rest.lastIndexOf("-");
    const task = rest.slice(dash + 1);
    if (dash < 0 || !/^\d+$/.test(task)) return skip("a task key without a task number", key);
    const properties = asObject(asObject(value)?.properties);
    if (!properties) return skip("a task config without a properties object", key);
    const connector = rest.slice(0, dash);
    let buffer = this.buffered.get(connector);
    if (!buffer) this.buffered.set(connector, (buffer = new Map()));
    buffer.set(Number(task), strings(properties));
    return undefined;
  }

  private commit(connector: string, value: unknown, key: string): ConfigRecordEffect {
    const buffer = this.buffered.get(connector);
    if (!this.configs.has(connector)) {
      this.buffered.delete(connector);
      return undefined;
    }
    const count = asInt(asObject(value)?.tasks);
    if (count === undefined || count < 0) return skip("a task commit without a task count", key);
    this.buffered.delete(connector);
    const ids = Array.from({ length: count }, (_, task) => task);
    // Invariant: a commit applies task configs only as a complete set 0..N-1; a partial set (its
    // task records compacted away, or never all written) leaves the connector without task configs.
    if (ids.every((task) => buffer?.has(task))) {
      this.taskConfigs.set(connector, ids.map((task) => buffer!.get(task)!));
      this.inconsistentSet.delete(connector);
    } else {
      log.warn({ connector, tasks: count }, "task configs committed without all their task records; the connector's tasks must be reconfigured");
      this.inconsistentSet.add(connector);
    }
    return { kind: "tasks", connector };
  }

  private restart(connector: string, value: unknown, key: string): ConfigRecordEffect {
    const fields = asObject(value);
    if (!fields) return skip("a restart request that is not an object", key);
    if (!this.configs.has(connector)) return undefined;
    this.restarts.set(connector, { includeTasks: fields["include-tasks"] === true, onlyFailed: fields["only-failed"] === true });
    return { kind: "restart", connector };
  }

  private session(value: unknown, key: string): ConfigRecordEffect {
    const fields = asObject(value);
    const created = fields?.["creation-timestamp"];
    if (!fields || typeof fields.key !== "string" || typeof fields.algorithm !== "string" || typeof created !== "number" || !Number.isInteger(created)) {
      return skip("a session key without key, algorithm and creation-timestamp", key);
    }
    this.latestSessionKey = { key: Buffer.from(fields.key, "base64"), algorithm: fields.algorithm, creationTimestamp: created };
    return { kind: "session-key", sessionKey: this.latestSessionKey };
  }

  private loggerLevel(namespace: string, value: unknown, key: string): ConfigRecordEffect {
    const level = asObject(value)?.level;
    if (typeof level !== "string") return skip("a logger level without a level", key);
    return { kind: "logger-level", namespace, level };
  }
}

/** A properties object as strings: numbers and booleans written by other tools become text, nulls and nested values are dropped. */
function strings(properties: JsonObject): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(properties)) {
    if (typeof value === "string") out[key] = value;
    else if (typeof value === "number" || typeof value === "boolean") out[key] = String(value);
  }
  return out;
}

function skip(what: string, key: string): undefined {
  log.warn({ key }, `skipped ${what} in the config topic`);
  return undefined;
}
