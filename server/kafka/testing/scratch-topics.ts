import { Kafka, logLevel } from "kafkajs";

/**
 * Topics an integration test makes on the real broker, deleted together at the end: `create`
 * waits until the topic answers, `dropAll` deletes every topic made (and any named) and disconnects. For tests.
 */
export function scratchTopics(brokers: string): {
  create(name: string, options?: { partitions?: number; configs?: Record<string, string> }): Promise<string>;
  dropAll(also?: string[]): Promise<void>;
} {
  const admin = new Kafka({ clientId: "scratch-topics", brokers: brokers.split(","), logLevel: logLevel.NOTHING }).admin();
  const made: string[] = [];
  let connected: Promise<void> | undefined;
  return {
    async create(name, options = {}) {
      connected ??= admin.connect();
      await connected;
      await admin.createTopics({
        waitForLeaders: false,
        topics: [{ topic: name, numPartitions: options.partitions ?? 1, configEntries: Object.entries(options.configs ?? {}).map(([n, value]) => ({ name: n, value })) }],
      });
      made.push(name);
      // Metadata can lag creation by a moment ("does not host this topic-partition"): wait until offsets answer.
      for (let attempt = 0; ; attempt++) {
        try {
          await admin.fetchTopicOffsets(name);
          return name;
        } catch (error) {
          if (attempt >= 50) throw error;
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      }
    },
    async dropAll(also = []) {
      connected ??= admin.connect();
      await connected;
      const existing = new Set(await admin.listTopics());
      const topics = [...made, ...also].filter((topic) => existing.has(topic));
      if (topics.length > 0) await admin.deleteTopics({ topics }).catch(() => undefined);
      await admin.disconnect();
    },
  };
}
