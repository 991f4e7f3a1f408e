import { describe, expect, it } from "vitest";
import { ActiveTopics } from "@/server/runtime/herder/active-topics";
import type { TopicStatus, TopicStatusStore } from "@/server/storage/contracts/status-store";

const task = (connector: string, n = 0) => ({ connector, task: n });

/** The status topic's topic records, in memory. */
function memoryTopicStore(): TopicStatusStore & { puts: TopicStatus[] } {
  const topics = new Map<string, TopicStatus>();
  const puts: TopicStatus[] = [];
  return {
    puts,
    async putTopic(status) {
      puts.push(status);
      topics.set(`${status.connector}/${status.topic}`, status);
    },
    activeTopics: (connector) => [...topics.values()].filter((status) => status.connector === connector).sort((a, b) => a.topic.localeCompare(b.topic)),
    async resetTopics(connector) {
      for (const key of [...topics.keys()]) if (key.startsWith(`${connector}/`)) topics.delete(key);
    },
  };
}

describe("topic tracking", () => {
  it("records topics per connector, sorted, until a reset", async () => {
    const topics = new ActiveTopics();
    topics.used(task("c"), "orders");
    topics.used(task("c"), "audit");
    topics.used(task("c"), "orders");
    expect(topics.of("c")).toEqual(["audit", "orders"]);
    await topics.reset("c");
    expect(topics.of("c")).toEqual([]);
  });

  it("answers 403 when tracking or resetting is turned off", async () => {
    expect(() => new ActiveTopics({ enabled: false, allowReset: true }).of("c")).toThrow("Topic tracking is disabled.");
    await expect(new ActiveTopics({ enabled: true, allowReset: false }).reset("c")).rejects.toThrow("Topic tracking reset is disabled.");
  });

  it("with a store (distributed mode), records each topic once with the task that used it, and any worker reads and resets them there", async () => {
    const store = memoryTopicStore();
    const here = new ActiveTopics(undefined, store);
    const elsewhere = new ActiveTopics(undefined, store);
    here.used(task("c", 2), "orders");
    here.used(task("c", 1), "orders");
    here.used(task("c", 1), "audit");
    await Promise.resolve();
    expect(store.puts.map(({ topic, task: n }) => `${topic}@${n}`)).toEqual(["orders@2", "audit@1"]);
    expect(elsewhere.of("c")).toEqual(["audit", "orders"]);
    await elsewhere.reset("c");
    expect(here.of("c")).toEqual([]);
    here.used(task("c", 0), "orders");
    await Promise.resolve();
    expect(store.puts).toHaveLength(3);
    expect(elsewhere.of("c")).toEqual(["orders"]);
    await here.forget("c");
    expect(elsewhere.of("c")).toEqual([]);
  });
});
