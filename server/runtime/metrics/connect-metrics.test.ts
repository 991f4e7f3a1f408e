import { beforeEach, describe, expect, it } from "vitest";
import { ConnectMetrics } from "@/server/runtime/metrics/connect-metrics";
import type { MetricSample } from "@/server/runtime/metrics/metric-definitions";

let clock = 0;
let metrics: ConnectMetrics;

beforeEach(() => {
  clock = 1_000_000;
  metrics = new ConnectMetrics({ now: () => clock });
});

function value(group: MetricSample["group"], name: string, tags: Record<string, string> = {}): MetricSample["value"] | undefined {
  return metrics.snapshot().find((s) => s.group === group && s.name === name && Object.entries(tags).every(([k, v]) => s.tags[k] === v))?.value;
}

const status = (connector: string, task: number | null, state: string) => metrics.observe({ type: "status", connector, task, state, workerId: "w:1", at: clock });

describe("ConnectMetrics", () => {
  it("counts a source task's polled and written records, its poll times and the records in flight", () => {
    const source = metrics.sourceTask("files", 0);
    source.recordPoll(100, 4);
    source.recordPoll(50, 10);
    expect(value("source-task-metrics", "source-record-active-count", { connector: "files", task: "0" })).toBe(150);
    source.recordWrite(150, 10);
    clock += 15_000;
    const tags = { connector: "files", task: "0" };
    expect(value("source-task-metrics", "source-record-poll-total", tags)).toBe(150);
    expect(value("source-task-metrics", "source-record-write-total", tags)).toBe(140);
    expect(value("source-task-metrics", "source-record-poll-rate", tags)).toBe(5);
    expect(value("source-task-metrics", "poll-batch-avg-time-ms", tags)).toBe(7);
    expect(value("source-task-metrics", "poll-batch-max-time-ms", tags)).toBe(10);
    expect(value("source-task-metrics", "source-record-active-count", tags)).toBe(0);
    expect(value("source-task-metrics", "source-record-active-count-max", tags)).toBe(150);
    expect(value("source-task-metrics", "source-record-newest-age-ms", tags)).toBe(15_000);
    expect(value("connector-task-metrics", "batch-size-max", tags)).toBe(100);
    expect(value("connector-task-metrics", "batch-size-avg", tags)).toBe(75);
  });

  it("counts a sink task's read and sent records, put times, partitions and lag per partition", () => {
    const sink = metrics.sinkTask("out", 1);
    const tags = { connector: "out", task: "1" };
    sink.recordAssignment([{ topic: "t", partition: 0 }, { topic: "t", partition: 1 }]);
    sink.recordRead(500);
    sink.recordSend(480);
    sink.recordPut(20);
    sink.recordLag("t", 0, 1_000n, 500n);
    sink.recordLag("t", 1, 90n, 90n);
    expect(value("sink-task-metrics", "sink-record-read-total", tags)).toBe(500);
    expect(value("sink-task-metrics", "sink-record-send-total", tags)).toBe(480);
    expect(value("sink-task-metrics", "put-batch-max-time-ms", tags)).toBe(20);
    expect(value("sink-task-metrics", "partition-count", tags)).toBe(2);
    expect(value("sink-task-metrics", "sink-record-lag-max", tags)).toBe(500);
    expect(value("sink-task-metrics", "sink-record-partition-lag", { ...tags, topic: "t", partition: "0" })).toBe(500);
    expect(metrics.taskTotals()).toEqual([expect.objectContaining({ connector: "out", task: 1, type: "sink", recordsIn: 500, recordsOut: 480, lag: 500, batches: 1, batchTimeMs: 20 })]);
    sink.recordAssignment([{ topic: "t", partition: 1 }]);
    expect(value("sink-task-metrics", "sink-record-lag-max", tags)).toBe(0);
  });

  it("reports offset commit times and outcomes, and the task's error totals", () => {
    const sink = metrics.sinkTask("out", 0);
    const tags = { connector: "out", task: "0" };
    sink.recordCommit(true, 10);
    sink.recordCommit(true, 30);
    sink.recordCommit(false, 50);
    sink.recordCommit(true, 10);
    expect(value("connector-task-metrics", "offset-commit-avg-time-ms", tags)).toBe(25);
    expect(value("connector-task-metrics", "offset-commit-max-time-ms", tags)).toBe(50);
    expect(value("connector-task-metrics", "offset-commit-success-percentage", tags)).toBe(0.75);
    expect(value("connector-task-metrics", "offset-commit-failure-percentage", tags)).toBe(0.25);
    expect(value("sink-task-metrics", "offset-commit-completion-total", tags)).toBe(3);
    clock += 5;
    sink.errors.recordFailure();
    sink.errors.recordRetry();
    sink.errors.recordFailure();
    sink.errors.recordError();
    sink.errors.recordSkipped();
    sink.errors.recordErrorLogged();
    sink.errors.recordDeadLetterQueueProduceRequest();
    expect(value("task-error-metrics", "total-record-failures", tags)).toBe(2);
    expect(value("task-error-metrics", "total-record-errors", tags)).toBe(1);
    expect(value("task-error-metrics", "total-records-skipped", tags)).toBe(1);
    expect(value("task-error-metrics", "total-retries", tags)).toBe(1);
    expect(value("task-error-metrics", "total-errors-logged", tags)).toBe(1);
    expect(value("task-error-metrics", "deadletterqueue-produce-requests", tags)).toBe(1);
    expect(value("task-error-metrics", "deadletterqueue-produce-failures", tags)).toBe(0);
    expect(value("task-error-metrics", "last-error-timestamp", tags)).toBe(clock);
  });

  it("derives statuses, running and pause ratios and task counts from status events", () => {
    status("files", null, "RUNNING");
    status("files", 0, "RUNNING");
    status("files", 1, "RUNNING");
    clock += 6_000;
    status("files", 0, "PAUSED");
    clock += 2_000;
    status("files", 1, "FAILED");
    clock += 2_000;
    expect(value("connector-metrics", "status", { connector: "files" })).toBe("running");
    expect(value("connector-task-metrics", "status", { connector: "files", task: "0" })).toBe("paused");
    expect(value("connector-task-metrics", "running-ratio", { connector: "files", task: "0" })).toBeCloseTo(0.6);
    expect(value("connector-task-metrics", "pause-ratio", { connector: "files", task: "0" })).toBeCloseTo(0.4);
    expect(value("connect-worker-metrics", "connector-count")).toBe(1);
    expect(value("connect-worker-metrics", "task-count")).toBe(2);
    expect(value("connect-worker-metrics", "connector-total-task-count", { connector: "files" })).toBe(2);
    expect(value("connect-worker-metrics", "connector-paused-task-count", { connector: "files" })).toBe(1);
    expect(value("connect-worker-metrics", "connector-failed-task-count", { connector: "files" })).toBe(1);
    expect(value("connect-worker-metrics", "connector-running-task-count", { connector: "files" })).toBe(0);
    expect(metrics.connectorViews()).toEqual([{ name: "files", state: "RUNNING", type: "unknown", className: null, tasks: [{ task: 0, state: "PAUSED" }, { task: 1, state: "FAILED" }] }]);
  });

  it("counts startups and their outcomes, and describes connectors", () => {
    metrics.recordConnectorStartup(true);
    metrics.recordTaskStartup(true);
    metrics.recordTaskStartup(true);
    metrics.recordTaskStartup(false);
    metrics.describeConnector("files", { type: "source", className: "org.apache.kafka.connect.file.FileStreamSourceConnector", version: "1.0.0" });
    expect(value("connect-worker-metrics", "connector-startup-success-percentage")).toBe(1);
    expect(value("connect-worker-metrics", "task-startup-attempts-total")).toBe(3);
    expect(value("connect-worker-metrics", "task-startup-failure-total")).toBe(1);
    expect(value("connect-worker-metrics", "task-startup-failure-percentage")).toBeCloseTo(1 / 3);
    expect(value("connector-metrics", "connector-class", { connector: "files" })).toBe("org.apache.kafka.connect.file.FileStreamSourceConnector");
    expect(value("connector-metrics", "connector-type", { connector: "files" })).toBe("source");
    expect(value("connector-metrics", "connector-version", { connector: "files" })).toBe("1.0.0");
  });

  it("starts a new run of a task from zero, stops reporting a removed task and forgets a deleted connector", () => {
    metrics.sourceTask("files", 0).recordPoll(7, 1);
    metrics.sourceTask("files", 0).recordPoll(5, 1);
    expect(value("source-task-metrics", "source-record-poll-total", { connector: "files", task: "0" })).toBe(5);
    metrics.removeTask("files", 0);
    expect(value("source-task-metrics", "source-record-poll-total", { connector: "files", task: "0" })).toBeUndefined();
    status("files", 0, "RUNNING");
    metrics.observe({ type: "connector", connector: "files", change: "deleted", at: clock });
    expect(metrics.snapshot().filter((s) => s.tags.connector === "files")).toEqual([]);
  });
});
