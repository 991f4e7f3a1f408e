import { describe, expect, it } from "vitest";
import { connectTaskConfig } from "@/server/runtime/connect-task-config";

describe("Kafka Connect's task config", () => {
  const connector = { name: "files", "connector.class": "FileStreamSink", "tasks.max": "2", topics: "a,b", file: "/tmp/out" };

  it("carries the connector's keys, the task's own over them, and task.class", () => {
    expect(connectTaskConfig(connector, { file: "/tmp/task-0", "task.id": "0" }, "org.example.SinkTask", false)).toEqual({
      ...connector,
      file: "/tmp/task-0",
      "task.id": "0",
      "task.class": "org.example.SinkTask",
    });
  });

  it("keeps a sink's topics as the connector names them, whatever the task generated", () => {
    expect(connectTaskConfig(connector, { topics: "other" }, "T", true).topics).toBe("a,b");
    expect(connectTaskConfig(connector, { topics: "other" }, "T", false).topics).toBe("other");
  });
});
