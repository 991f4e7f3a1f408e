import { describe, expect, it } from "vitest";
import { groupForTopic, topicCreationGroups } from "@/server/runtime/worker/topic-creation";

describe("source topic creation groups", () => {
  it("is off without topic.creation.default settings", () => {
    expect(topicCreationGroups({ "connector.class": "X", topic: "t" })).toBeNull();
  });

  it("matches named groups first, falls back to default, and passes other keys as topic configs", () => {
    const groups = topicCreationGroups({
      "topic.creation.groups": "compacted, audit",
      "topic.creation.default.replication.factor": "-1",
      "topic.creation.default.partitions": "3",
      "topic.creation.default.retention.ms": "86400000",
      "topic.creation.compacted.include": "state\\..*",
      "topic.creation.compacted.partitions": "1",
      "topic.creation.compacted.cleanup.policy": "compact",
      "topic.creation.audit.include": "audit.*",
      "topic.creation.audit.exclude": "audit-tmp",
      "topic.creation.default.exclude": "scratch.*",
    })!;
    expect(groupForTopic(groups, "state.users")).toMatchObject({ name: "compacted", partitions: 1, replicationFactor: -1, configs: { "retention.ms": "86400000", "cleanup.policy": "compact" } });
    expect(groupForTopic(groups, "audit-2026")).toMatchObject({ name: "audit", partitions: 3 });
    expect(groupForTopic(groups, "audit-tmp")?.name).toBe("default");
    expect(groupForTopic(groups, "orders")).toMatchObject({ name: "default", partitions: 3, configs: { "retention.ms": "86400000" } });
    expect(groupForTopic(groups, "scratch-1")).toBeUndefined();
  });
});
