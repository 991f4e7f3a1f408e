import { TributaryError } from "@/server/errors/tributary-error";
import type { ConfigChange, ConfigSnapshot, ConfigStore, RestartRequest, StoredConnector, TargetState } from "@/server/storage/contracts/config-store";
import {
  commitRecord,
  connectorRecord,
  connectorTombstone,
  loggerLevelRecord,
  restartRecord,
  sessionKeyRecord,
  targetStateRecord,
  targetStateTombstone,
  taskRecord,
  type SessionKey,
} from "@/server/storage/kafka/config-records";
import { ConfigTopicState } from "@/server/storage/kafka/config-topic-state";
import type { LogRecord, TopicLog } from "@/server/storage/kafka/topic-log";

/** What the config topic carries besides connectors, told to `onConfigTopicEvent` listeners. */
export type ConfigTopicEvent = { kind: "session-key"; sessionKey: SessionKey } | { kind: "logger-level"; namespace: string; level: string };

/** How long one write may take, reading back included (Kafka Connect allows 30 s). */
const WRITE_TIMEOUT_MS = 30_000;

/**
 * ConfigStore on Kafka Connect's config topic (distributed mode), in its record formats, so
 * Apache Kafka Connect workers and Tributary workers read each other's connectors. Every change,
 * this worker's or another's, takes effect when it is read back from the topic: a write sends
 * its records, then reads the topic to its end, so the write's promise resolves once
 * `snapshot()` shows it and subscribers were told. This process's writes run one at a time, in
 * call order; a write that is not read back within 30 s rejects with `kafka.timeout` (the
 * records may still land).
 *
 * Task configs follow Kafka Connect's protocol: read to the end, write `task-<c>-0..N-1`, read
 * to the end, write `commit-<c>`. Only the worker that is the group's leader may write them (the
 * herder's rule), or two writers' task records may interleave and leave the connector
 * inconsistent. Notifications: one per record that changes what a snapshot shows, so a config
 * put with a target state tells `target-state` and then `connector-updated`; a target state
 * written before its connector exists is told as part of `connector-created`.
 *
 * Also kept: the latest session key (`sessionKey()`, `putSessionKey`), cluster log levels
 * (`putLoggerLevel`, told to `onConfigTopicEvent` listeners for records read after start only,
 * as Kafka Connect applies them), connectors left inconsistent (`inconsistentConnectors()`).
 * Exactly-once fencing records (`tasks-fencing-<c>`) are read and ignored.
 */
export class KafkaConfigStore implements ConfigStore {
  private readonly state = new ConfigTopicState();
  private readonly listeners = new Set<(change: ConfigChange) => void>();
  private readonly eventListeners = new Set<(event: ConfigTopicEvent) => void>();
  private started = false;
  private writes: Promise<unknown> = Promise.resolve();

  /** `log` is the config topic's (`config.storage.topic`, one partition). */
  constructor(private readonly log: TopicLog) {}

  /** Creates or checks the topic, reads it to its end; refuses a topic with more than one partition. */
  async start(): Promise<void> {
    await this.log.start((record) => this.apply(record));
    if (this.log.partitionCount() > 1) {
      throw new TributaryError(
        "config.invalid_value",
        `The config topic (config.storage.topic) has ${this.log.partitionCount()} partitions, but it must have exactly 1, or workers may read connector configs in different orders.`,
        { suggestion: "Point config.storage.topic at a compacted topic with one partition." },
      );
    }
    this.started = true;
  }

  /** Stops reading and writing; a stopped store cannot be started again. */
  stop(): Promise<void> {
    return this.log.stop();
  }

  /**
   * Reads the topic to its end: every record written before the call, by any worker, is then in
   * `snapshot()` and told to subscribers (Kafka Connect's refresh, which a leader does before it
   * assigns, to hold at least the config offset every member reported).
   */
  refresh(): Promise<void> {
    return this.log.readToEnd();
  }

  snapshot(): ConfigSnapshot {
    return this.state.snapshot();
  }

  subscribe(listener: (change: ConfigChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Adds a listener of session keys and cluster log levels read after start; same rules as `subscribe`. */
  onConfigTopicEvent(listener: (event: ConfigTopicEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /** The latest session key in the topic, if any worker wrote one. */
  sessionKey(): SessionKey | undefined {
    return this.state.sessionKey();
  }

  /** Connectors whose last task commit was incomplete: they show no task configs until their leader writes a complete set. */
  inconsistentConnectors(): ReadonlySet<string> {
    return this.state.inconsistent();
  }

  async connectors(): Promise<StoredConnector[]> {
    return [...this.state.snapshot().connectors.values()].map(copy);
  }

  async connector(name: string): Promise<StoredConnector | undefined> {
    const entry = this.state.snapshot().connectors.get(name);
    return entry && copy(entry);
  }

  putConnectorConfig(name: string, config: Record<string, string>, targetState?: TargetState): Promise<void> {
    return this.write("connector configuration", async () => {
      await this.log.send([...(targetState ? [targetStateRecord(name, targetState)] : []), connectorRecord(name, config)]);
      await this.log.readToEnd();
    });
  }

  putTaskConfigs(name: string, taskConfigs: Record<string, string>[]): Promise<void> {
    return this.write("task configurations", async () => {
      await this.readExisting(name);
      if (taskConfigs.length > 0) {
        await this.log.send(taskConfigs.map((config, task) => taskRecord(name, task, config)));
        await this.log.readToEnd();
      }
      // Invariant: the commit goes out only after every task record of the set was acknowledged and read back.
      await this.log.send([commitRecord(name, taskConfigs.length)]);
      await this.log.readToEnd();
    });
  }

  putTargetState(name: string, state: TargetState): Promise<void> {
    return this.write("target state", async () => {
      await this.readExisting(name);
      await this.log.send([targetStateRecord(name, state)]);
      await this.log.readToEnd();
    });
  }

  putRestartRequest(name: string, request: RestartRequest): Promise<void> {
    return this.write("restart request", async () => {
      await this.readExisting(name);
      await this.log.send([restartRecord(name, request)]);
      await this.log.readToEnd();
    });
  }

  removeConnector(name: string): Promise<boolean> {
    return this.write("connector removal", async () => {
      await this.log.readToEnd();
      if (!this.state.snapshot().connectors.has(name)) return false;
      await this.log.send([connectorTombstone(name), targetStateTombstone(name)]);
      await this.log.readToEnd();
      return true;
    });
  }

  /** Writes a new session key (the leader does, every `inter.worker.key.ttl.ms`); resolves once read back. */
  putSessionKey(sessionKey: SessionKey): Promise<void> {
    return this.write("session key", async () => {
      await this.log.send([sessionKeyRecord(sessionKey)]);
      await this.log.readToEnd();
    });
  }

  /** Writes a cluster-wide log level for `namespace`; every started worker's listeners hear of it. */
  putLoggerLevel(namespace: string, level: string): Promise<void> {
    return this.write("logger level", async () => {
      await this.log.send([loggerLevelRecord(namespace, level)]);
      await this.log.readToEnd();
    });
  }

  private apply(record: LogRecord): void {
    const effect = this.state.apply(record);
    if (!effect || !this.started) return;
    if (effect.kind === "session-key" || effect.kind === "logger-level") {
      for (const listener of this.eventListeners) listener(effect);
      return;
    }
    const change: ConfigChange = { kind: effect.kind, connector: effect.connector, version: this.state.version };
    for (const listener of this.listeners) listener(change);
  }

  /** Reads the topic to its end, then throws `connector.not_found` unless the connector exists. */
  private async readExisting(name: string): Promise<void> {
    await this.log.readToEnd();
    if (!this.state.snapshot().connectors.has(name)) throw new TributaryError("connector.not_found", `Connector ${name} not found`);
  }

  /** Runs `work` after this process's earlier writes settled, failing the caller after WRITE_TIMEOUT_MS. */
  private write<T>(what: string, work: () => Promise<T>): Promise<T> {
    const next = this.writes.catch(() => undefined).then(work);
    this.writes = next;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new TributaryError("kafka.timeout", `Writing the ${what} to the config topic did not complete within ${WRITE_TIMEOUT_MS} ms`, { retriable: true })),
        WRITE_TIMEOUT_MS,
      );
      next.then(resolve, reject).finally(() => clearTimeout(timer));
    });
  }
}

function copy(entry: Readonly<StoredConnector>): StoredConnector {
  return { ...entry, config: { ...entry.config }, taskConfigs: entry.taskConfigs.map((task) => ({ ...task })) };
}
