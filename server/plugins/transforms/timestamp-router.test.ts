import { describe, expect, it } from "vitest";
import { ConfigException } from "@/server/plugins/api/config-def";
import { DataException } from "@/server/plugins/api/data/errors";
import { SinkRecord, SourceRecord } from "@/server/plugins/api/records";
import { TimestampRouter } from "@/server/plugins/transforms/timestamp-router";

function configured(configs: Record<string, string>): TimestampRouter {
  const smt = new TimestampRouter();
  smt.configure(configs);
  return smt;
}

describe("TimestampRouter", () => {
  it.each([
    [{}, "test-20171204"],
    [{ "timestamp.format": "yyyy-MM-dd'T'HH" }, "test-2017-12-04T23"],
    [{ "topic.format": "${timestamp}.${topic}.${topic}", "timestamp.format": "yyyyMM" }, "201712.test.test"],
    [{ "topic.format": "fixed" }, "fixed"],
  ])("with %j renames the topic to %j (UTC)", (configs, topic) => {
    const record = new SourceRecord({ topic: "test", sourcePartition: null, sourceOffset: { o: 1 }, timestamp: Date.UTC(2017, 11, 4, 23, 59, 59) });
    const out = configured(configs).apply(record) as SourceRecord;
    expect(out.topic).toBe(topic);
    expect(out.sourceOffset).toEqual({ o: 1 });
  });

  it("keeps a sink record's original topic", () => {
    const record = new SinkRecord({ topic: "test", kafkaPartition: 3, kafkaOffset: 9n, timestamp: 0 });
    const out = configured({}).apply(record) as SinkRecord;
    expect([out.topic, out.originalTopic, out.kafkaPartition]).toEqual(["test-19700101", "test", 3]);
  });

  it("throws a DataException for a record without a timestamp", () => {
    const record = new SourceRecord({ topic: "test", sourcePartition: null, sourceOffset: null });
    expect(() => configured({}).apply(record)).toThrow(DataException);
    expect(() => configured({}).apply(record)).toThrow(/Timestamp missing on record/);
  });

  it("refuses a pattern SimpleDateFormat would refuse", () => {
    expect(() => configured({ "timestamp.format": "yyyy-qq" })).toThrow(ConfigException);
    expect(() => configured({ "timestamp.format": "yyyy-qq" })).toThrow("Invalid value yyyy-qq for configuration timestamp.format: Illegal pattern character 'q'");
  });
});
