import type { Converter } from "@/server/plugins/api/converter";
import type { Schema } from "@/server/plugins/api/data/schema";
import { Headers } from "@/server/plugins/api/headers";
import { SinkRecord, SourceRecord, type ConnectRecord } from "@/server/plugins/api/records";
import { exceptionClassName } from "@/server/runtime/errors/error-reporters";
import type { Stage } from "@/server/runtime/errors/processing-context";
import type { PluginRegistry } from "@/server/runtime/plugins/plugin-registry";
import { TransformationChain } from "@/server/runtime/transforms/transformation-chain";
import { buildConverters } from "@/server/runtime/worker/converter-setup";
import type { TaskConverters } from "@/server/runtime/worker/record-converters";

/** A sample record as it is (or would be) stored in Kafka: key, value and headers as UTF-8 text. */
export interface PreviewSample {
  topic?: string;
  partition?: number;
  offset?: string;
  key: string | null;
  value: string | null;
  headers?: Array<{ key: string; value: string | null }>;
  timestamp?: number | null;
}

/** A Connect record as the playground shows it: data rendered as JSON text, schemas by type and name. */
export interface RecordView {
  topic: string;
  partition: number | null;
  key: string | null;
  keySchema: string | null;
  value: string | null;
  valueSchema: string | null;
  headers: Array<{ key: string; value: string | null }>;
  timestamp: number | null;
}

/** One stage of one sample's trip: what ran, whether it applied, and what came out. */
export interface PreviewStep {
  stage: Stage;
  className: string;
  /** The transform's alias (TRANSFORMATION steps). */
  alias?: string;
  /** The predicate's decision, when the transform has one: it applies when `matched !== negate`. */
  predicate?: { alias: string; className: string; matched: boolean; negate: boolean };
  applied: boolean;
  /** The record after this step (unset when it dropped or failed the record). */
  output?: RecordView;
  /** Bytes written to Kafka (a source's converter steps), as text. */
  bytes?: string | null;
  dropped?: boolean;
  error?: { exceptionClass: string; message: string };
}

/** A sample's whole trip: each step, and how it ended. */
export interface PreviewResult {
  steps: PreviewStep[];
  outcome: "delivered" | "dropped" | "failed";
  final?: RecordView;
}

/** The connector config a preview runs with, and the worker's converter settings it falls back to. */
export interface PreviewSetup {
  registry: PluginRegistry;
  workerConfig: Readonly<Record<string, string>>;
  connectorConfig: Readonly<Record<string, string>>;
  kind: "source" | "sink";
}

const text = (bytes: Uint8Array | null) => (bytes === null ? null : Buffer.from(bytes).toString("utf8"));
const utf8 = (value: string | null) => (value === null ? null : Buffer.from(value, "utf8"));
const schemaName = (schema: Schema | null) => (schema ? `${schema.type}${schema.name ? ` (${schema.name})` : ""}${schema.optional ? ", optional" : ""}` : null);

class Renderer {
  private readonly json: Converter | null;
  constructor(registry: PluginRegistry) {
    const plugin = registry.find(["converter"], "org.apache.kafka.connect.json.JsonConverter");
    this.json = plugin ? (new plugin.plugin() as Converter) : null;
    this.json?.configure({ "schemas.enable": "false" }, false);
  }
  /** Text read as schemaless JSON the way the JsonConverter reads it (integers as bigint), else the text itself. */
  schemaless(topic: string, value: string): unknown {
    try {
      if (this.json) return this.json.toConnectData(topic, null, utf8(value)).value;
    } catch {
      // not JSON: the text is the value
    }
    return value;
  }
  data(topic: string, schema: Schema | null, value: unknown): string | null {
    if (value === null || value === undefined) return null;
    try {
      if (this.json) return text(this.json.fromConnectData(topic, null, schema, value));
    } catch {
      // not JSON-representable: fall back to its text
    }
    return String(value);
  }
  view(record: ConnectRecord): RecordView {
    return {
      topic: record.topic,
      partition: record.kafkaPartition,
      key: this.data(record.topic, record.keySchema, record.key),
      keySchema: schemaName(record.keySchema),
      value: this.data(record.topic, record.valueSchema, record.value),
      valueSchema: schemaName(record.valueSchema),
      headers: [...record.headers].map((h) => ({ key: h.key, value: this.data(record.topic, h.schema, h.value) })),
      timestamp: record.timestamp,
    };
  }
}

const failure = (error: unknown) => ({ exceptionClass: exceptionClassName(error), message: error instanceof Error ? error.message : String(error) });

/**
 * Runs samples through a connector's converters and transforms without running the connector
 * (the console's transform playground), reporting every stage. A sink's samples are records
 * read from Kafka: key, value and headers converter, then each transform. A source's samples are
 * what its task would produce, given as Kafka text and decoded with its converters (or read as
 * schemaless JSON when they don't decode): each transform, then the converters back to bytes.
 * Errors are shown per stage, never thrown, except ConfigException for an unusable config.
 */
export function previewPipeline(setup: PreviewSetup, samples: readonly PreviewSample[]): PreviewResult[] {
  const converters = buildConverters(setup.registry, setup.workerConfig, setup.connectorConfig);
  const chain = TransformationChain.build<ConnectRecord>(setup.registry, setup.connectorConfig);
  const renderer = new Renderer(setup.registry);
  try {
    return samples.map((sample) => previewOne(setup.kind, sample, converters, chain, renderer));
  } finally {
    chain.close();
  }
}

function previewOne(kind: "source" | "sink", sample: PreviewSample, converters: TaskConverters, chain: TransformationChain<ConnectRecord>, renderer: Renderer): PreviewResult {
  const steps: PreviewStep[] = [];
  const topic = sample.topic ?? "preview";
  let record: ConnectRecord;
  try {
    record = decode(kind, sample, topic, converters, renderer, steps);
  } catch {
    return { steps, outcome: "failed" };
  }
  for (const stage of chain.stages) {
    const step: PreviewStep = { stage: "TRANSFORMATION", className: stage.className, alias: stage.alias, applied: true };
    steps.push(step);
    try {
      if (stage.predicate) {
        const matched = stage.predicate.test(record);
        step.predicate = { alias: stage.predicateAlias ?? "", className: stage.predicateClass ?? "", matched, negate: stage.negate };
        step.applied = matched !== stage.negate;
      }
      const next = step.applied ? stage.transformation.apply(record) : record;
      if (next === null) {
        step.dropped = true;
        return { steps, outcome: "dropped" };
      }
      record = next;
      step.output = renderer.view(record);
    } catch (error) {
      step.error = failure(error);
      return { steps, outcome: "failed" };
    }
  }
  if (kind === "source") {
    for (const [stage, className, encode] of [
      ["KEY_CONVERTER", converters.keyClass, () => converters.key.fromConnectData(record.topic, record.headers, record.keySchema, record.key)],
      ["VALUE_CONVERTER", converters.valueClass, () => converters.value.fromConnectData(record.topic, record.headers, record.valueSchema, record.value)],
    ] as const) {
      try {
        steps.push({ stage, className, applied: true, bytes: text(encode()) });
      } catch (error) {
        steps.push({ stage, className, applied: true, error: failure(error) });
        return { steps, outcome: "failed" };
      }
    }
  }
  return { steps, outcome: "delivered", final: renderer.view(record) };
}

/** The sample as the task sees it (sink) or produced it (source); records the converter steps. Throws after recording a failed step. */
function decode(kind: "source" | "sink", sample: PreviewSample, topic: string, converters: TaskConverters, renderer: Renderer, steps: PreviewStep[]): ConnectRecord {
  const headers = new Headers();
  const run = <T>(stage: Stage, className: string, work: () => T, schemalessFallback?: () => T): T => {
    try {
      return work();
    } catch (error) {
      if (schemalessFallback) return schemalessFallback();
      steps.push({ stage, className, applied: true, error: failure(error) });
      throw error;
    }
  };
  const fallback = (value: string | null) => () => ({ schema: null, value: value === null ? null : renderer.schemaless(topic, value) });
  const source = kind === "source";
  const key = run("KEY_CONVERTER", converters.keyClass, () => converters.key.toConnectData(topic, null, utf8(sample.key)), source ? fallback(sample.key) : undefined);
  const value = run("VALUE_CONVERTER", converters.valueClass, () => converters.value.toConnectData(topic, null, utf8(sample.value)), source ? fallback(sample.value) : undefined);
  run("HEADER_CONVERTER", converters.headerClass, () => {
    for (const header of sample.headers ?? []) {
      const converted = converters.header.toConnectHeader(topic, header.key, utf8(header.value));
      headers.add(header.key, converted.value, converted.schema);
    }
  });
  const fields = { topic, keySchema: key.schema, key: key.value, valueSchema: value.schema, value: value.value, timestamp: sample.timestamp ?? null, headers };
  const record = source
    ? new SourceRecord({ ...fields, kafkaPartition: sample.partition ?? null, sourcePartition: null, sourceOffset: null })
    : new SinkRecord({ ...fields, kafkaPartition: sample.partition ?? 0, kafkaOffset: BigInt(sample.offset ?? "0"), timestampType: "CreateTime" });
  if (!source) {
    const view = renderer.view(record);
    steps.push({ stage: "KEY_CONVERTER", className: converters.keyClass, applied: true, output: view }, { stage: "VALUE_CONVERTER", className: converters.valueClass, applied: true, output: view });
  } else {
    steps.push({ stage: "TASK_POLL", className: "sample", applied: true, output: renderer.view(record) });
  }
  return record;
}
