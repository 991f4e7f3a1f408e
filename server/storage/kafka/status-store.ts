import { getLogger } from "@/server/logging/logger";
import type { ConnectorStatuses, Status, StatusChange, StatusStore, TaskStatus } from "@/server/storage/contracts/status-store";
import {
  parseStatus,
  parseStatusKey,
  parseTopicStatus,
  statusRecord,
  statusTombstone,
  topicStatusRecord,
  type StatusKey,
  type TopicStatus,
} from "@/server/storage/kafka/status-records";
import type { LogRecord, LogWrite, TopicLog } from "@/server/storage/kafka/topic-log";
import { SnapshotMap } from "@/server/storage/memory/snapshot-map";

const log = getLogger("tributary.storage.kafka.status");
const EMPTY: ConnectorStatuses = { connector: undefined, tasks: new Map() };

/**
 * StatusStore on Kafka Connect's status topic (distributed mode), in its record formats: every
 * worker's reports, Apache Kafka Connect's included, reach every worker's store as they are read.
 * A put sends the record and reads the topic to its end, so it resolves once `snapshot()` shows
 * it and subscribers were told; a status is stored when it is read back, whichever worker wrote
 * it. Puts of this process may run concurrently: one key's records keep their call order.
 *
 * Kafka Connect's rules against stale reports, kept as they are:
 * - Safe writes: a FAILED or UNASSIGNED status is not written over a status that another worker
 *   reported with a newer generation (that worker owns the connector or task now).
 * - On reading, a task's UNASSIGNED does not replace a RUNNING status of the same or a newer
 *   generation (a worker that lost the task may report it after the new owner did).
 *
 * Also topic tracking (`status-topic-<topic>:connector-<name>`): `putTopic`, `activeTopics`,
 * `resetTopics`, so the topics Kafka Connect recorded as used carry over.
 */
export class KafkaStatusStore implements StatusStore {
  private readonly entries = new SnapshotMap<string, ConnectorStatuses>();
  private readonly topics = new Map<string, Map<string, TopicStatus>>();
  private readonly listeners = new Set<(change: StatusChange) => void>();
  private started = false;

  /** `log` is the status topic's (`status.storage.topic`). */
  constructor(private readonly log: TopicLog) {}

  /** Creates or checks the topic and reads it to its end. */
  async start(): Promise<void> {
    await this.log.start((record) => this.apply(record));
    this.started = true;
  }

  /** Stops reading and writing; a stopped store cannot be started again. */
  stop(): Promise<void> {
    return this.log.stop();
  }

  snapshot(): ReadonlyMap<string, ConnectorStatuses> {
    return this.entries.snapshot();
  }

  subscribe(listener: (change: StatusChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  putConnector(connector: string, status: Status): Promise<void> {
    return this.put({ kind: "connector", connector }, this.entries.get(connector)?.connector, status);
  }

  putTask(connector: string, task: number, status: Status): Promise<void> {
    return this.put({ kind: "task", connector, task }, this.entries.get(connector)?.tasks.get(task), status);
  }

  async connector(connector: string): Promise<Status | undefined> {
    const status = this.entries.get(connector)?.connector;
    return status && { ...status };
  }

  async tasks(connector: string): Promise<TaskStatus[]> {
    return [...(this.entries.get(connector) ?? EMPTY).tasks].map(([task, status]) => ({ ...status, task }));
  }

  async removeTasks(connector: string, fromTask: number): Promise<void> {
    const tasks = [...(this.entries.get(connector) ?? EMPTY).tasks.keys()].filter((task) => task >= fromTask);
    await this.write(tasks.map((task) => statusTombstone({ kind: "task", connector, task })));
  }

  async removeConnector(connector: string): Promise<void> {
    const entry = this.entries.get(connector);
    if (!entry) return;
    const tasks = [...entry.tasks.keys()].map((task) => statusTombstone({ kind: "task", connector, task }));
    await this.write([...tasks, statusTombstone({ kind: "connector", connector })]);
  }

  /** Records that `status.connector` used `status.topic` (first record sent or consumed); resolves once read back. */
  async putTopic(status: TopicStatus): Promise<void> {
    await this.write([topicStatusRecord(status)]);
  }

  /** The topics the connector used since its last reset, by topic name. */
  activeTopics(connector: string): TopicStatus[] {
    return [...(this.topics.get(connector)?.values() ?? [])].sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0)).map((status) => ({ ...status }));
  }

  /** Forgets the connector's topics (`PUT /connectors/<c>/topics/reset`); resolves once read back. */
  async resetTopics(connector: string): Promise<void> {
    await this.write(this.activeTopics(connector).map(({ topic }) => statusTombstone({ kind: "topic", connector, topic })));
  }

  private async put(key: StatusKey & { connector: string }, current: Status | undefined, status: Status): Promise<void> {
    // Invariant: a FAILED or UNASSIGNED report never overwrites what another worker reported in a newer generation.
    const safe = status.state !== "FAILED" && status.state !== "UNASSIGNED";
    if (!safe && current && current.workerId !== status.workerId && current.generation > status.generation) {
      log.debug({ ...key, state: status.state, generation: status.generation, current: current.generation }, "not overwriting a newer generation's status");
      return;
    }
    await this.write([statusRecord(key, status)]);
  }

  private async write(records: LogWrite[]): Promise<void> {
    if (records.length === 0) return;
    await this.log.send(records);
    await this.log.readToEnd();
  }

  private apply(record: LogRecord): void {
    const key = record.key && parseStatusKey(record.key.toString("utf8"));
    if (!key) {
      log.warn({ key: record.key?.toString("utf8") }, "skipped a record with an unknown key in the status topic");
      return;
    }
    if (key.kind === "topic") {
      this.applyTopic(key.connector, key.topic, record.value);
      return;
    }
    if (record.value === null) {
      this.remove(key);
      return;
    }
    const status = parseStatus(record.value);
    if (!status) {
      log.warn({ ...key }, "skipped a status in an unknown format in the status topic");
      return;
    }
    const entry = this.entries.get(key.connector) ?? EMPTY;
    if (key.kind === "connector") {
      this.entries.set(key.connector, { connector: status, tasks: entry.tasks });
    } else {
      const current = entry.tasks.get(key.task);
      if (status.state === "UNASSIGNED" && current?.state === "RUNNING" && current.generation >= status.generation) return;
      const tasks = new Map(entry.tasks).set(key.task, status);
      this.entries.set(key.connector, { connector: entry.connector, tasks: new Map([...tasks].sort(([a], [b]) => a - b)) });
    }
    if (!this.started) return;
    const change: StatusChange = { connector: key.connector, task: key.kind === "task" ? key.task : null, status: { ...status } };
    for (const listener of this.listeners) listener(change);
  }

  /** A tombstone: a connector's goes with its tasks' statuses (as Kafka Connect reads it), a task's alone. */
  private remove(key: Exclude<StatusKey, { kind: "topic" }>): void {
    const entry = this.entries.get(key.connector);
    if (!entry) return;
    if (key.kind === "connector") {
      this.entries.delete(key.connector);
      return;
    }
    const tasks = new Map(entry.tasks);
    tasks.delete(key.task);
    if (tasks.size === 0 && !entry.connector) this.entries.delete(key.connector);
    else this.entries.set(key.connector, { connector: entry.connector, tasks });
  }

  private applyTopic(connector: string, topic: string, value: Buffer | null): void {
    if (value === null) {
      this.topics.get(connector)?.delete(topic);
      return;
    }
    const status = parseTopicStatus(value);
    if (!status) {
      log.warn({ connector, topic }, "skipped a topic status in an unknown format in the status topic");
      return;
    }
    let topics = this.topics.get(connector);
    if (!topics) this.topics.set(connector, (topics = new Map()));
    topics.set(topic, status);
  }
}
