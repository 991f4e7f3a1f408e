import { collectDefaultMetrics, Counter, Gauge, Registry } from "prom-client";
import { consoleErrorResponse } from "@/server/http/errors";
import { METRICS, type MetricGroup, type MetricSample } from "@/server/runtime/metrics/metric-definitions";
import type { Runtime } from "@/server/runtime/runtime";
import { readyRuntime } from "@/server/runtime/runtime-slot";

/** `kafka_connect_<group>_<metric>`, dashes as underscores: the name the usual JMX-exporter rules give Kafka Connect's metrics. */
export function prometheusName(group: MetricGroup, metric: string): string {
  return `kafka_connect_${group}_${metric}`.replace(/-/g, "_");
}

const labelName = (tag: string) => tag.replace(/-/g, "_");

/**
 * The worker's metrics in Prometheus' text format, from a prom-client Registry of its own (never
 * the global one): every metric of METRICS under its `prometheusName`, labelled with its tags;
 * string metrics (statuses, connector type, class and version) as a 1 with the string in a label
 * named after the metric (`kafka_connect_connector_metrics_status{connector="c",status="running"} 1`),
 * as the JMX exporter's usual rules turn them; metrics with nothing recorded in the sample
 * windows are left out. Plus prom-client's process and Node.js metrics (CPU counted from the
 * process's start, not from the first scrape).
 */
export class PrometheusExporter {
  private readonly registry = new Registry();
  private current: MetricSample[] = [];

  constructor(private readonly source: () => MetricSample[]) {
    collectDefaultMetrics({ register: this.registry });
    // prom-client counts CPU from registration on; start the counters at what the process used before.
    const { user, system } = process.cpuUsage();
    const cpuSoFar: Array<[string, number]> = [["process_cpu_user_seconds_total", user], ["process_cpu_system_seconds_total", system], ["process_cpu_seconds_total", user + system]];
    for (const [name, micros] of cpuSoFar) (this.registry.getSingleMetric(name) as Counter | undefined)?.inc(micros / 1e6);
    for (const [group, metrics] of Object.entries(METRICS) as Array<[MetricGroup, (typeof METRICS)[MetricGroup]]>) {
      for (const [metric, definition] of Object.entries(metrics)) {
        const name = prometheusName(group, metric);
        const valueLabel = definition.kind === "info" ? labelName(metric) : null;
        const labelNames = [...definition.tags.map(labelName), ...(valueLabel ? [valueLabel] : [])];
        const matching = () => this.current.filter((sample) => sample.group === group && sample.name === metric && sample.value !== null);
        const labels = (sample: MetricSample) => {
          const result: Record<string, string> = {};
          for (const tag of definition.tags) result[labelName(tag)] = sample.tags[tag] ?? "";
          if (valueLabel) result[valueLabel] = String(sample.value);
          return result;
        };
        const value = (sample: MetricSample) => (valueLabel ? 1 : Number(sample.value));
        if (definition.kind === "counter") {
          new Counter({
            name,
            help: definition.help,
            labelNames,
            registers: [this.registry],
            collect() {
              this.reset();
              for (const sample of matching()) this.inc(labels(sample), value(sample));
            },
          });
        } else {
          new Gauge({
            name,
            help: definition.help,
            labelNames,
            registers: [this.registry],
            collect() {
              this.reset();
              for (const sample of matching()) this.set(labels(sample), value(sample));
            },
          });
        }
      }
    }
  }

  /** The `Content-Type` of `text()`. */
  get contentType(): string {
    return this.registry.contentType;
  }

  /** Reads the metrics once and renders every family. */
  async text(): Promise<string> {
    this.current = this.source();
    return this.registry.metrics();
  }
}

const KEY = Symbol.for("tributary.prometheus");
type Global = typeof globalThis & { [KEY]?: { instance: string; exporter: PrometheusExporter } };

/** The exporter of `runtime`, made once per runtime (on globalThis, so a dev reload does not register the process metrics twice). */
function exporterOf(runtime: Runtime): PrometheusExporter {
  const g = globalThis as Global;
  if (g[KEY]?.instance !== runtime.instance) g[KEY] = { instance: runtime.instance, exporter: new PrometheusExporter(() => runtime.metrics.snapshot()) };
  return g[KEY].exporter;
}

/**
 * `GET /metrics` (the console's root and the headless worker's REST listener): the worker's
 * metrics in Prometheus' text format. 503 `runtime.not_ready` while the runtime is starting.
 */
export async function prometheusMetricsResponse(): Promise<Response> {
  try {
    const exporter = exporterOf(await readyRuntime());
    return new Response(await exporter.text(), { headers: { "content-type": exporter.contentType, "cache-control": "no-store" } });
  } catch (error) {
    return consoleErrorResponse(error);
  }
}
