import { messageOf, TributaryError } from "@/server/errors/tributary-error";
import { getLogger } from "@/server/logging/logger";
import type { TaskId } from "@/server/runtime/worker/worker-task";
import type { TopicStatusStore } from "@/server/storage/contracts/status-store";

const log = getLogger("tributary.runtime.herder");

/**
 * The topics each connector used since its last reset (Kafka Connect's topic tracking): a
 * source's topic once a record was sent to it, a sink's once a record was consumed from it.
 * `enabled`/`allowReset` are the worker's `topic.tracking.enable` and `topic.tracking.allow.reset`.
 *
 * Standalone keeps them in memory. With a `store` (distributed mode's status topic) they are
 * recorded there, once per connector and topic (again after a reset, made on any worker), so
 * every worker answers for every connector and a cluster's history carries over.
 */
export class ActiveTopics {
  private readonly topics = new Map<string, Set<string>>();
  private readonly writing = new Set<string>();

  constructor(
    private readonly settings: { enabled: boolean; allowReset: boolean } = { enabled: true, allowReset: true },
    private readonly store?: TopicStatusStore,
  ) {}

  used(id: TaskId, topic: string): void {
    if (!this.settings.enabled) return;
    if (this.store) return this.record(this.store, id, topic);
    let topics = this.topics.get(id.connector);
    if (!topics) this.topics.set(id.connector, (topics = new Set()));
    topics.add(topic);
  }

  /** Sorted; 403 `topic_tracking.disabled` when tracking is off. */
  of(connector: string): string[] {
    if (!this.settings.enabled) throw new TributaryError("topic_tracking.disabled", "Topic tracking is disabled.");
    if (this.store) return this.store.activeTopics(connector).map((status) => status.topic);
    return [...(this.topics.get(connector) ?? [])].sort();
  }

  /** Forgets the connector's topics; 403 when tracking or its reset is off. */
  async reset(connector: string): Promise<void> {
    if (!this.settings.enabled) throw new TributaryError("topic_tracking.disabled", "Topic tracking is disabled.");
    if (!this.settings.allowReset) throw new TributaryError("topic_tracking.disabled", "Topic tracking reset is disabled.");
    this.topics.delete(connector);
    await this.store?.resetTopics(connector);
  }

  /** Writes the topic to the store unless it is there or on its way (so a reset made on any worker is followed by a new record). */
  private record(store: TopicStatusStore, id: TaskId, topic: string): void {
    const key = `${id.connector}\u0000${topic}`;
    if (this.writing.has(key) || store.activeTopics(id.connector).some((status) => status.topic === topic)) return;
    this.writing.add(key);
    store
      .putTopic({ topic, connector: id.connector, task: id.task, discoverTimestamp: Date.now() })
      .catch((error: unknown) => log.warn({ connector: id.connector, topic, err: messageOf(error) }, "could not record an active topic"))
      .finally(() => this.writing.delete(key));
  }

  /** Forgets a deleted connector, whatever the settings. */
  async forget(connector: string): Promise<void> {
    this.topics.delete(connector);
    await this.store?.resetTopics(connector);
  }
}
