/**
 * The metrics a worker reports, by Kafka Connect's group and metric names (reference §9,
 * `ConnectMetricsRegistry`), plus the few Tributary adds for operators (marked as such).
 * Prometheus names, help texts and types are derived from this table.
 */

/** Kafka Connect's metric groups that Tributary reports. */
export type MetricGroup = "connector-metrics" | "connector-task-metrics" | "source-task-metrics" | "sink-task-metrics" | "task-error-metrics" | "connect-worker-metrics" | "connect-worker-rebalance-metrics";

/** `counter` only grows (until its task restarts); `gauge` goes up and down; `info` is a string value. */
export type MetricKind = "counter" | "gauge" | "info";

/** One metric of a group: its tag names (besides the group's) and what it means. */
export interface MetricDefinition {
  kind: MetricKind;
  help: string;
  tags: readonly string[];
}

const CONNECTOR = ["connector"] as const;
const TASK = ["connector", "task"] as const;

const def = (kind: MetricKind, help: string, tags: readonly string[] = TASK): MetricDefinition => ({ kind, help, tags });

const startup = (what: "connector" | "task") => ({
  [`${what}-startup-attempts-total`]: def("counter", `${what === "connector" ? "Connector" : "Task"} starts this worker attempted.`, []),
  [`${what}-startup-success-total`]: def("counter", `${what === "connector" ? "Connector" : "Task"} starts that succeeded.`, []),
  [`${what}-startup-success-percentage`]: def("gauge", `Share (0 to 1) of ${what} starts that succeeded.`, []),
  [`${what}-startup-failure-total`]: def("counter", `${what === "connector" ? "Connector" : "Task"} starts that failed.`, []),
  [`${what}-startup-failure-percentage`]: def("gauge", `Share (0 to 1) of ${what} starts that failed.`, []),
});

/** Every metric by group, in the order they are exported. */
export const METRICS: Record<MetricGroup, Record<string, MetricDefinition>> = {
  "connector-metrics": {
    status: def("info", "The connector's status: unassigned, running, paused, stopped, failed or restarting.", CONNECTOR),
    "connector-type": def("info", "The connector's type: source or sink.", CONNECTOR),
    "connector-class": def("info", "The connector's class name.", CONNECTOR),
    "connector-version": def("info", "The version of the connector's plugin.", CONNECTOR),
  },
  "connector-task-metrics": {
    status: def("info", "The task's status: unassigned, running, paused, failed or restarting."),
    "running-ratio": def("gauge", "Share (0 to 1) of its time the task has spent running."),
    "pause-ratio": def("gauge", "Share (0 to 1) of its time the task has spent paused."),
    "offset-commit-max-time-ms": def("gauge", "Longest offset commit in the sample windows, in ms."),
    "offset-commit-avg-time-ms": def("gauge", "Mean offset commit time in the sample windows, in ms."),
    "offset-commit-success-percentage": def("gauge", "Share (0 to 1) of offset commits that succeeded in the sample windows."),
    "offset-commit-failure-percentage": def("gauge", "Share (0 to 1) of offset commits that failed in the sample windows."),
    "batch-size-max": def("gauge", "Largest batch of records in the sample windows (a poll for sources, a put for sinks)."),
    "batch-size-avg": def("gauge", "Mean batch size in the sample windows."),
  },
  "source-task-metrics": {
    "source-record-poll-rate": def("gauge", "Records polled per second, before transformations."),
    "source-record-poll-total": def("counter", "Records polled, before transformations."),
    "source-record-write-rate": def("gauge", "Records written to Kafka per second, after transformations."),
    "source-record-write-total": def("counter", "Records written to Kafka, after transformations."),
    "poll-batch-max-time-ms": def("gauge", "Longest poll of one batch, in ms."),
    "poll-batch-avg-time-ms": def("gauge", "Mean poll time of one batch, in ms."),
    "source-record-active-count": def("gauge", "Records polled and not yet acknowledged by Kafka."),
    "source-record-active-count-max": def("gauge", "Most records polled and not yet acknowledged, in the sample windows."),
    "source-record-active-count-avg": def("gauge", "Mean of the records polled and not yet acknowledged, in the sample windows."),
    "source-record-newest-age-ms": def("gauge", "Tributary: age of the newest record polled (its timestamp, or when it was polled), in ms."),
  },
  "sink-task-metrics": {
    "sink-record-read-rate": def("gauge", "Records read from Kafka per second, before transformations."),
    "sink-record-read-total": def("counter", "Records read from Kafka, before transformations."),
    "sink-record-send-rate": def("gauge", "Records given to the task per second, after transformations."),
    "sink-record-send-total": def("counter", "Records given to the task, after transformations."),
    "put-batch-max-time-ms": def("gauge", "Longest put of one batch, in ms."),
    "put-batch-avg-time-ms": def("gauge", "Mean put time of one batch, in ms."),
    "partition-count": def("gauge", "Topic partitions assigned to the task."),
    "sink-record-lag-max": def("gauge", "Largest consumer lag (records) among the task's partitions, as of their last fetch."),
    "offset-commit-completion-total": def("counter", "Offset commits that completed."),
    "sink-record-partition-lag": def("gauge", "Tributary: consumer lag (records) of one partition, as of its last fetch.", ["connector", "task", "topic", "partition"]),
  },
  "task-error-metrics": {
    "total-record-failures": def("counter", "Record processing attempts that failed, retries included."),
    "total-record-errors": def("counter", "Records that failed after retries (tolerated or not)."),
    "total-records-skipped": def("counter", "Records skipped because of errors."),
    "total-retries": def("counter", "Operations retried."),
    "total-errors-logged": def("counter", "Errors written to the log."),
    "deadletterqueue-produce-requests": def("counter", "Records sent to the dead letter queue."),
    "deadletterqueue-produce-failures": def("counter", "Dead letter queue writes that failed."),
    "last-error-timestamp": def("gauge", "Epoch ms of the task's last error; 0 when none."),
  },
  "connect-worker-metrics": {
    "connector-count": def("gauge", "Connectors run in this worker.", []),
    "task-count": def("gauge", "Tasks run in this worker.", []),
    ...startup("connector"),
    ...startup("task"),
    "connector-total-task-count": def("gauge", "The connector's tasks known to this worker.", CONNECTOR),
    "connector-running-task-count": def("gauge", "The connector's running tasks.", CONNECTOR),
    "connector-paused-task-count": def("gauge", "The connector's paused tasks.", CONNECTOR),
    "connector-failed-task-count": def("gauge", "The connector's failed tasks.", CONNECTOR),
    "connector-unassigned-task-count": def("gauge", "The connector's unassigned tasks.", CONNECTOR),
    "connector-destroyed-task-count": def("gauge", "The connector's destroyed tasks.", CONNECTOR),
    "connector-restarting-task-count": def("gauge", "The connector's restarting tasks.", CONNECTOR),
  },
  "connect-worker-rebalance-metrics": {
    "connect-protocol": def("info", "The group protocol of the latest generation (distributed mode).", []),
    "leader-name": def("info", "The member id of the latest generation's leader.", []),
    epoch: def("gauge", "The latest generation this worker joined.", []),
    "completed-rebalances-total": def("counter", "Rebalances this worker completed.", []),
    rebalancing: def("gauge", "1 while this worker takes part in a rebalance, else 0.", []),
    "rebalance-max-time-ms": def("gauge", "The longest rebalance this worker took part in, in ms.", []),
    "rebalance-avg-time-ms": def("gauge", "The average time of this worker's rebalances, in ms.", []),
    "time-since-last-rebalance-ms": def("gauge", "Milliseconds since this worker's last rebalance completed; -1 before the first.", []),
  },
};

/** One reading of one metric: its group, name, tags and value (null when nothing was recorded in the windows). */
export interface MetricSample {
  group: MetricGroup;
  name: string;
  tags: Record<string, string>;
  value: number | string | null;
}
