/**
 * Metric values against known record counts on the real broker, as an operator reads them on
 * /metrics: a FileStreamSource that produced 10,000 records reports 10,000 polled and written,
 * and a FileStreamSink given 100 records its JSON converter cannot read (errors.tolerance=all)
 * reports those 100 as record errors while the other 9,900 arrive.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, tempDir, uniqueName } from "@/scripts/test/integration";
import { startStandaloneHarness, type StandaloneHarness } from "@/scripts/test/standalone-harness";
import { PrometheusExporter } from "@/server/http/prometheus-metrics";
import { EventHub } from "@/server/runtime/events/event-hub";
import { ConnectMetrics } from "@/server/runtime/metrics/connect-metrics";

const RECORDS = 10_000;
const BAD = 100;
const folder = tempDir("metrics");
const metrics = new ConnectMetrics();
const events = new EventHub();
const exporter = new PrometheusExporter(() => metrics.snapshot());
let harness: StandaloneHarness;

beforeAll(async () => {
  events.subscribe((event) => metrics.observe(event));
  harness = await startStandaloneHarness("metrics", {
    metrics,
    onStatus: ({ connector, task, status }) => events.publish({ type: "status", connector, task, state: status.state, workerId: status.workerId, at: Date.now() }),
  });
});

afterAll(async () => {
  await harness.close();
  folder.remove();
});

/** The value of one sample of the /metrics text, by family name and labels. */
async function scraped(name: string, labels: Record<string, string>): Promise<number | undefined> {
  const family = parsePrometheusTextFormat(await exporter.text()).find((f) => f.name === name);
  const sample = family?.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
  return sample?.value === undefined ? undefined : Number(sample.value);
}

const lines = (file: string) => (existsSync(file) ? readFileSync(file, "utf8").split("\n").length - 1 : 0);

describe("metrics on the real broker", () => {
  const topic = uniqueName("metrics");
  const source = uniqueName("metrics-source");
  const sink = uniqueName("metrics-sink");
  const input = path.join(folder.dir, "input.txt");
  const output = path.join(folder.dir, "output.txt");

  it("reports the 10,000 records a FileStreamSource produced in source-record-poll-total and -write-total", async () => {
    // Every 100th line is not a JSON converter envelope: the sink below must fail on exactly those.
    const text = Array.from({ length: RECORDS }, (_, i) => (i % (RECORDS / BAD) === 0 ? `not json ${i}` : JSON.stringify({ schema: { type: "string", optional: false }, payload: `line ${i}` })));
    writeFileSync(input, `${text.join("\n")}\n`);
    await harness.herder.putConnectorConfig(source, { "connector.class": "FileStreamSource", file: input, topic, "value.converter": "org.apache.kafka.connect.storage.StringConverter" }, { allowReplace: false });
    const labels = { connector: source, task: "0" };
    await eventually(async () => ((await scraped("kafka_connect_source_task_metrics_source_record_write_total", labels)) === RECORDS ? true : undefined), 60_000, "10,000 written records on /metrics");
    expect(await scraped("kafka_connect_source_task_metrics_source_record_poll_total", labels)).toBe(RECORDS);
    expect(await scraped("kafka_connect_source_task_metrics_source_record_active_count", labels)).toBe(0);
    expect(await scraped("kafka_connect_connector_metrics_status", { connector: source, status: "running" })).toBe(1);
    expect(await scraped("kafka_connect_connector_metrics_connector_class", { connector: source, connector_class: "org.apache.kafka.connect.file.FileStreamSourceConnector" })).toBe(1);
    expect(await scraped("kafka_connect_connect_worker_metrics_connector_running_task_count", { connector: source })).toBe(1);
  });

  it("reports the 100 records a sink could not convert in total-record-errors (errors.tolerance=all)", async () => {
    await harness.herder.putConnectorConfig(sink, { "connector.class": "FileStreamSink", file: output, topics: topic, "errors.tolerance": "all" }, { allowReplace: false });
    await eventually(() => (lines(output) >= RECORDS - BAD ? true : undefined), 60_000, "9,900 lines in the output file");
    const labels = { connector: sink, task: "0" };
    // The lag is recorded once `put` returned, a moment after the file holds the batch.
    await eventually(async () => ((await scraped("kafka_connect_sink_task_metrics_sink_record_lag_max", labels)) === 0 ? true : undefined), 10_000, "a lag of 0 after the last batch");
    expect(await scraped("kafka_connect_sink_task_metrics_sink_record_read_total", labels)).toBe(RECORDS);
    expect(await scraped("kafka_connect_task_error_metrics_total_record_errors", labels)).toBe(BAD);
    expect(await scraped("kafka_connect_task_error_metrics_total_records_skipped", labels)).toBe(BAD);
    expect(await scraped("kafka_connect_sink_task_metrics_sink_record_send_total", labels)).toBe(RECORDS - BAD);
    expect(await scraped("kafka_connect_sink_task_metrics_partition_count", labels)).toBe(1);
    expect(lines(output)).toBe(RECORDS - BAD);
  });
});
