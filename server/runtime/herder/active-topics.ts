import { TributaryError } from "@/server/errors/tributary-error";

/**
 * The topics each connector used since its last reset (Kafka Connect's topic tracking): a
 * source's topic once a record was sent to it, a sink's once a record was consumed from it.
 * Kept in memory by the standalone herder; `enabled`/`allowReset` are the worker's
 * `topic.tracking.enable` and `topic.tracking.allow.reset`.
 */
export class ActiveTopics {
  private readonly topics = new Map<string, Set<string>>();

  constructor(private readonly settings: { enabled: boolean; allowReset: boolean } = { enabled: true, allowReset: true }) {}

  used(connector: string, topic: string): void {
    if (!this.settings.enabled) return;
    let topics = this.topics.get(connector);
    if (!topics) this.topics.set(connector, (topics = new Set()));
    topics.add(topic);
  }

  /** Sorted; 403 `topic_tracking.disabled` when tracking is off. */
  of(connector: string): string[] {
    if (!this.settings.enabled) throw new TributaryError("topic_tracking.disabled", "Topic tracking is disabled.");
    return [...(this.topics.get(connector) ?? [])].sort();
  }

  /** Forgets the connector's topics; 403 when tracking or its reset is off. */
  reset(connector: string): void {
    if (!this.settings.enabled) throw new TributaryError("topic_tracking.disabled", "Topic tracking is disabled.");
    if (!this.settings.allowReset) throw new TributaryError("topic_tracking.disabled", "Topic tracking reset is disabled.");
    this.topics.delete(connector);
  }

  /** Forgets a deleted connector, whatever the settings. */
  forget(connector: string): void {
    this.topics.delete(connector);
  }
}
