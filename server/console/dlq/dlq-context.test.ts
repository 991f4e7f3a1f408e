import { describe, expect, it } from "vitest";
import { decodeContext, REPLAY_OF_HEADER, replayHeaders } from "@/server/console/dlq/dlq-context";
import { connectContextHeaders } from "@/server/console/dlq/testing/connect-dlq-record";
import type { KafkaHeader } from "@/server/runtime/ports";

const h = (key: string, value: string | null): KafkaHeader => ({ key, value: value === null ? null : Buffer.from(value, "utf8") });

describe("decodeContext", () => {
  it("reads every header Apache Kafka Connect writes for a sink failure", () => {
    const headers = [h("trace-id", "abc"), ...connectContextHeaders({ topic: "orders", partition: 3, offset: 1234n, connector: "orders-sink", task: 2 })];
    const { context, stacktrace } = decodeContext(headers);
    expect(context).toEqual({
      hasContextHeaders: true,
      origin: "sink",
      original: { topic: "orders", partition: 3, offset: "1234" },
      sourcePartition: null,
      sourceOffset: null,
      connector: "orders-sink",
      task: 2,
      stage: "VALUE_CONVERTER",
      className: "org.apache.kafka.connect.json.JsonConverter",
      exceptionClass: "org.apache.kafka.connect.errors.DataException",
      exceptionMessage: "Converting byte[] to Kafka Connect data failed due to serialization error: ",
      failedAt: null,
    });
    expect(stacktrace).toMatch(/^org\.apache\.kafka\.connect\.errors\.DataException: Converting/);
    expect(stacktrace).toContain("\tat org.apache.kafka.connect.json.JsonConverter.toConnectData");
  });

  it("reads Tributary's headers: a source's intended topic, partition and offset, and when the record failed", () => {
    const headers = [
      h("__connect.errors.topic", "pageviews"),
      h("__connect.errors.connector.name", "datagen"),
      h("__connect.errors.task.id", "0"),
      h("__connect.errors.stage", "TRANSFORMATION"),
      h("__connect.errors.class.name", "org.apache.kafka.connect.transforms.Cast$Value"),
      h("__connect.errors.exception.class.name", "org.apache.kafka.connect.errors.DataException"),
      h("__connect.errors.exception.message", "Unexpected type"),
      h("__tributary.errors.source.partition", '{"filename":"/tmp/in.txt"}'),
      h("__tributary.errors.source.offset", '{"position":42}'),
      h("__tributary.errors.timestamp", "1764676800123"),
    ];
    const { context } = decodeContext(headers);
    expect(context.failedAt).toBe(1_764_676_800_123);
    expect(context.origin).toBe("source");
    expect(context.original).toEqual({ topic: "pageviews", partition: null, offset: null });
    expect(context.sourcePartition).toBe('{"filename":"/tmp/in.txt"}');
    expect(context.sourceOffset).toBe('{"position":42}');
    expect(context.stage).toBe("TRANSFORMATION");
  });

  it("decodes a record without context headers as such, every field null", () => {
    const { context, stacktrace } = decodeContext([h("content-type", "application/json")]);
    expect(context.hasContextHeaders).toBe(false);
    expect(context.origin).toBeNull();
    expect(Object.values(context.original)).toEqual([null, null, null]);
    expect([context.stage, context.exceptionClass, context.exceptionMessage, context.connector, context.task, stacktrace]).toEqual([null, null, null, null, null, null]);
  });

  it("keeps a null exception message null, takes the newest of repeated headers, and survives malformed numbers", () => {
    const headers = [
      ...connectContextHeaders({ topic: "a", partition: 0, offset: 1, connector: "c", task: 0, message: null }),
      h("__connect.errors.stage", "TASK_PUT"),
      h("__connect.errors.partition", "not-a-number"),
    ];
    const { context } = decodeContext(headers);
    expect(context.exceptionMessage).toBeNull();
    expect(context.stage).toBe("TASK_PUT");
    expect(context.original.partition).toBeNull();
  });
});

describe("replayHeaders", () => {
  it("drops the error context and an older replay stamp, keeps the record's own headers in order, and stamps the DLQ coordinates", () => {
    const headers = [
      h("trace-id", "abc"),
      ...connectContextHeaders({ topic: "orders", partition: 0, offset: 7, connector: "c", task: 0 }),
      h("__tributary.errors.source.offset", "{}"),
      h(REPLAY_OF_HEADER, "old-dlq/0/1"),
      h("tenant", "t1"),
    ];
    const replayed = replayHeaders(headers, "orders-dlq", 0, 99n);
    expect(replayed.map((x) => [x.key, x.value?.toString()])).toEqual([
      ["trace-id", "abc"],
      ["tenant", "t1"],
      ["__tributary.replay.of", "orders-dlq/0/99"],
    ]);
  });
});
