import parsePrometheusTextFormat, { type PrometheusFamily } from "parse-prometheus-text-format";
import { afterEach, describe, expect, it } from "vitest";
import { prometheusMetricsResponse, prometheusName } from "@/server/http/prometheus-metrics";
import { Runtime } from "@/server/runtime/runtime";
import { installRuntime, uninstallRuntime } from "@/server/runtime/runtime-slot";
import { MemoryWorkerProcessStore } from "@/server/storage/memory/worker-process-store";

afterEach(() => uninstallRuntime());

async function scrape(): Promise<{ response: Response; families: Map<string, PrometheusFamily> }> {
  const response = await prometheusMetricsResponse();
  const families = new Map(parsePrometheusTextFormat(await response.text()).map((family) => [family.name, family]));
  return { response, families };
}

function startRuntime(): Runtime {
  const { runtime } = installRuntime(
    () => new Runtime({ mode: "standalone", workerId: "w:1", version: "0", restUrl: null, cluster: { bootstrap: "b", describeCluster: async () => ({ clusterId: "c", brokers: 1 }), close: async () => {} }, workers: new MemoryWorkerProcessStore() }),
  );
  return runtime;
}

describe("GET /metrics", () => {
  it("names Kafka Connect's metrics as the JMX exporter's rules do", () => {
    expect(prometheusName("source-task-metrics", "source-record-poll-total")).toBe("kafka_connect_source_task_metrics_source_record_poll_total");
    expect(prometheusName("connect-worker-metrics", "connector-startup-failure-percentage")).toBe("kafka_connect_connect_worker_metrics_connector_startup_failure_percentage");
  });

  it("parses as Prometheus text, with task, error, status, worker and process metrics", async () => {
    const runtime = startRuntime();
    await runtime.start();
    runtime.events.subscribe((event) => runtime.metrics.observe(event));
    const source = runtime.metrics.sourceTask("files", 0);
    source.recordPoll(10_000, 12);
    source.recordWrite(10_000);
    const sink = runtime.metrics.sinkTask("out \"quoted\"", 1);
    sink.recordAssignment([{ topic: "lines", partition: 0 }]);
    sink.recordLag("lines", 0, 120n, 100n);
    sink.errors.recordError();
    runtime.events.publish({ type: "status", connector: "files", task: null, state: "RUNNING", workerId: "w:1", at: 1 });
    runtime.events.publish({ type: "status", connector: "files", task: 0, state: "RUNNING", workerId: "w:1", at: 1 });

    const cpuBefore = process.cpuUsage();
    const { response, families } = await scrape();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const poll = families.get("kafka_connect_source_task_metrics_source_record_poll_total");
    expect(poll).toMatchObject({ type: "COUNTER", metrics: [{ labels: { connector: "files", task: "0" }, value: "10000" }] });
    expect(families.get("kafka_connect_source_task_metrics_source_record_write_total")?.metrics[0]?.value).toBe("10000");
    expect(families.get("kafka_connect_source_task_metrics_poll_batch_max_time_ms")).toMatchObject({ type: "GAUGE", metrics: [{ value: "12" }] });
    expect(families.get("kafka_connect_sink_task_metrics_sink_record_partition_lag")?.metrics).toEqual([{ labels: { connector: 'out "quoted"', task: "1", topic: "lines", partition: "0" }, value: "20" }]);
    expect(families.get("kafka_connect_task_error_metrics_total_record_errors")?.metrics).toContainEqual({ labels: { connector: 'out "quoted"', task: "1" }, value: "1" });
    expect(families.get("kafka_connect_connector_metrics_status")?.metrics).toEqual([{ labels: { connector: "files", status: "running" }, value: "1" }]);
    expect(families.get("kafka_connect_connector_task_metrics_running_ratio")?.metrics[0]?.labels).toEqual({ connector: "files", task: "0" });
    expect(families.get("kafka_connect_connect_worker_metrics_task_count")?.metrics).toEqual([{ value: "1" }]);
    expect(families.get("process_cpu_seconds_total")?.type).toBe("COUNTER");
    expect(Number(families.get("process_cpu_seconds_total")?.metrics[0]?.value)).toBeGreaterThanOrEqual((cpuBefore.user + cpuBefore.system) / 1e6);
    expect(families.has("nodejs_eventloop_lag_seconds")).toBe(true);
    expect(families.get("kafka_connect_sink_task_metrics_put_batch_avg_time_ms")?.metrics).toEqual([]);
  });

  it("answers 503 while no runtime is ready", async () => {
    const response = await prometheusMetricsResponse();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ code: "runtime.not_ready" });
  });
});
