import { describe, expect, it } from "vitest";
import { describeOffset, describePartition, draftRows, planEdits, resetPreview, type DraftRow } from "@/components/offsets/offset-edits";
import type { ConnectorOffsetsView } from "@/server/contracts/connector-offsets";

const source: ConnectorOffsetsView = {
  connector: "src",
  type: "source",
  offsets: [
    { partition: { filename: "/tmp/a.txt" }, offset: { position: 30 } },
    { partition: { filename: "/tmp/b.txt" }, offset: { position: 7 } },
  ],
  partitions: [],
};

const sink: ConnectorOffsetsView = {
  connector: "snk",
  type: "sink",
  offsets: [{ partition: { kafka_topic: "orders", kafka_partition: 0 }, offset: { kafka_offset: 10 } }],
  partitions: [
    { topic: "orders", partition: 0, committed: 10, end: 12, lag: 2 },
    { topic: "orders", partition: 1, committed: null, end: 4, lag: null },
  ],
};

const edit = (rows: DraftRow[], index: number, change: Partial<DraftRow>) => rows.map((row, i) => (i === index ? { ...row, ...change } : row));

describe("offset edits", () => {
  it("describes partitions and offsets in plain words", () => {
    expect(describePartition({ kafka_topic: "orders", kafka_partition: 3 })).toBe("orders · partition 3");
    expect(describePartition({ filename: "/tmp/a.txt", shard: 2 })).toBe("filename=/tmp/a.txt, shard=2");
    expect(describeOffset({ kafka_offset: 12 })).toBe("12");
    expect(describeOffset({ position: 30 })).toBe("position=30");
    expect(describeOffset(null)).toBe("none");
  });

  it("starts from the current offsets, a sink's uncommitted partitions included, and plans nothing unchanged", () => {
    const rows = draftRows(sink);
    expect(rows.map((row) => [row.key, row.text])).toEqual([
      ['{"kafka_topic":"orders","kafka_partition":0}', "10"],
      ['{"kafka_topic":"orders","kafka_partition":1}', ""],
    ]);
    expect(planEdits(rows, "sink")).toEqual({ offsets: [], preview: [], errors: {} });
    expect(planEdits(draftRows(source), "source")).toEqual({ offsets: [], preview: [], errors: {} });
  });

  it("turns a sink's new numbers into Connect's PATCH entries with a preview", () => {
    const rows = edit(edit(draftRows(sink), 0, { text: "0" }), 1, { text: " 4 " });
    expect(planEdits(rows, "sink")).toEqual({
      offsets: [
        { partition: { kafka_topic: "orders", kafka_partition: 0 }, offset: { kafka_offset: 0 } },
        { partition: { kafka_topic: "orders", kafka_partition: 1 }, offset: { kafka_offset: 4 } },
      ],
      preview: [
        { key: rows[0]!.key, partition: "orders · partition 0", from: "10", to: "0" },
        { key: rows[1]!.key, partition: "orders · partition 1", from: "none", to: "4" },
      ],
      errors: {},
    });
  });

  it("turns a source's JSON edits and resets into PATCH entries, ignoring key order and spacing", () => {
    let rows = edit(draftRows(source), 0, { text: '{ "position" : 0 }' });
    rows = edit(rows, 1, { reset: true });
    const plan = planEdits(rows, "source");
    expect(plan.offsets).toEqual([
      { partition: { filename: "/tmp/a.txt" }, offset: { position: 0 } },
      { partition: { filename: "/tmp/b.txt" }, offset: null },
    ]);
    expect(plan.preview.map((line) => [line.partition, line.from, line.to])).toEqual([
      ["filename=/tmp/a.txt", "position=30", "position=0"],
      ["filename=/tmp/b.txt", "position=7", "none (reset)"],
    ]);
    expect(planEdits(edit(draftRows(source), 0, { text: '{"position":30}' }), "source").offsets).toEqual([]);
    const twoKeys: ConnectorOffsetsView = { ...source, offsets: [{ partition: { f: "x" }, offset: { line: 3, position: 30 } }] };
    expect(planEdits(edit(draftRows(twoKeys), 0, { text: '{"position": 30, "line": 3}' }), "source").offsets).toEqual([]);
  });

  it("explains what is wrong with a row and leaves it out", () => {
    const sinkRows = edit(draftRows(sink), 0, { text: "-1" });
    expect(planEdits(sinkRows, "sink").errors).toEqual({ [sinkRows[0]!.key]: "Enter a whole number, 0 or more: the offset of the next record to read." });
    for (const text of ["position=0", "[1]", '{"nested":{"a":1}}', "null"]) {
      const rows = edit(draftRows(source), 0, { text });
      const plan = planEdits(rows, "source");
      expect(plan.errors[rows[0]!.key], text).toMatch(/^Enter the offset as a JSON object/);
      expect(plan.offsets).toEqual([]);
    }
  });

  it("previews a full reset as every partition with an offset losing it", () => {
    expect(resetPreview(draftRows(sink))).toEqual([{ key: '{"kafka_topic":"orders","kafka_partition":0}', partition: "orders · partition 0", from: "10", to: "none (reset)" }]);
    expect(resetPreview(draftRows(source)).map((line) => line.from)).toEqual(["position=30", "position=7"]);
  });
});
