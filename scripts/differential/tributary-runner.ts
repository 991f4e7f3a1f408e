/**
 * Tributary's side of the differential test: each vector through Tributary's own code paths, the
 * ones a running task uses — converters and the transform chain built from the connector config
 * by the runtime (buildConverters, TransformationChain), records serialized for the producer by
 * `toOutgoing` and consumed ones deserialized by `toSinkRecord` under an error operator with
 * `errors.tolerance=none`, the FileStreamSourceTask reading a real file, and Values. Answers in
 * the harness's shape (vector.ts), so the two compare as JSON.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { BUILT_IN_PLUGINS } from "@/server/plugins/built-in-plugins";
import { convertToString, parseString } from "@/server/plugins/api/data/values";
import { Headers } from "@/server/plugins/api/headers";
import { SourceRecord, type ConnectRecord } from "@/server/plugins/api/records";
import { FileStreamSourceTask } from "@/server/plugins/connectors/file/file-stream-source-task";
import { errorHandlingConfig } from "@/server/runtime/errors/error-handling-config";
import { exceptionClassName } from "@/server/runtime/errors/error-reporters";
import { ProcessingContext } from "@/server/runtime/errors/processing-context";
import { RetryWithToleranceOperator } from "@/server/runtime/errors/retry-with-tolerance-operator";
import { PluginRegistry } from "@/server/runtime/plugins/plugin-registry";
import type { IncomingRecord, OutgoingRecord } from "@/server/runtime/ports";
import { TransformationChain } from "@/server/runtime/transforms/transformation-chain";
import { buildConverters } from "@/server/runtime/worker/converter-setup";
import { toOutgoing, toSinkRecord, type TaskConverters } from "@/server/runtime/worker/record-converters";
import { fromHeaders, fromSchema, fromValue, toSchema, toValue } from "./typed-data";
import type { ConnectorConfig, ConsumedSpec, FailureSpec, FileLineSpec, KafkaResult, MessageSpec, RecordSpec, Vector } from "./vector";

const registry = new PluginRegistry();
for (const { kind, plugin } of BUILT_IN_PLUGINS) registry.register(kind, plugin);

const base64 = (bytes: Uint8Array | null) => (bytes === null ? null : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64"));
const buffer = (text: string | null) => (text === null ? null : Buffer.from(text, "base64"));

/** A failure at a pipeline stage; the harness's StageException. */
class StageFailure extends Error {
  constructor(
    readonly stage: string,
    readonly error: unknown,
  ) {
    super(stage);
  }
}

function configure<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw new StageFailure("CONFIGURE", error);
  }
}

/** One record's error handling as a task with `errors.tolerance=none` has it: the first failure throws, naming its stage. */
function operatorFor(): { context: ProcessingContext; operator: RetryWithToleranceOperator } {
  const clock = { now: () => Date.now(), sleep: async () => {}, isStopping: () => false, random: () => 0 };
  return { context: new ProcessingContext(), operator: new RetryWithToleranceOperator(errorHandlingConfig({}), [], clock) };
}

async function guarded<T>(context: ProcessingContext, work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (context.failed) throw new StageFailure(context.stage, context.error);
    throw error;
  }
}

function describe(record: ConnectRecord | null): RecordSpec | null {
  if (record === null) return null;
  return {
    topic: record.topic,
    partition: record.kafkaPartition,
    timestamp: record.timestamp === null ? null : String(record.timestamp),
    keySchema: fromSchema(record.keySchema),
    key: fromValue(record.keySchema, record.key),
    valueSchema: fromSchema(record.valueSchema),
    value: fromValue(record.valueSchema, record.value),
    headers: fromHeaders(record.headers),
  };
}

function message(record: OutgoingRecord): MessageSpec {
  return {
    topic: record.topic,
    partition: record.partition,
    timestamp: record.timestamp === null ? null : String(record.timestamp),
    key: base64(record.key),
    value: base64(record.value),
    headers: record.headers.map((header): [string, string | null] => [header.key, base64(header.value)]),
  };
}

function setUp(config: ConnectorConfig): { converters: TaskConverters; chain: TransformationChain<ConnectRecord> } {
  const converters = configure(() => buildConverters(registry, {}, config));
  const chain = configure(() => TransformationChain.build<ConnectRecord>(registry, config));
  return { converters, chain };
}

async function source(config: ConnectorConfig, spec: RecordSpec): Promise<unknown> {
  const { converters, chain } = setUp(config);
  const headers = new Headers();
  for (const header of spec.headers) {
    const schema = toSchema(header.schema);
    headers.add(header.key, toValue(schema, header.value), schema);
  }
  const keySchema = toSchema(spec.keySchema);
  const valueSchema = toSchema(spec.valueSchema);
  const input = new SourceRecord({
    topic: spec.topic,
    kafkaPartition: spec.partition,
    keySchema,
    key: toValue(keySchema, spec.key),
    valueSchema,
    value: toValue(valueSchema, spec.value),
    timestamp: spec.timestamp === null ? null : Number(spec.timestamp),
    headers,
    sourcePartition: null,
    sourceOffset: null,
  });
  const { context, operator } = operatorFor();
  context.reset(null, input);
  const output = (await guarded(context, () => chain.apply(context, operator, input))) as SourceRecord | null;
  if (output === null) return { record: null };
  const outgoing = await guarded(context, () => toOutgoing(context, operator, output, converters));
  return { record: describe(output), bytes: message(outgoing!) };
}

async function sink(config: ConnectorConfig, spec: ConsumedSpec): Promise<unknown> {
  const { converters, chain } = setUp(config);
  const consumed: IncomingRecord = {
    topic: spec.topic,
    partition: spec.partition,
    offset: BigInt(spec.offset),
    key: buffer(spec.key),
    value: buffer(spec.value),
    headers: spec.headers.map(([key, value]) => ({ key, value: buffer(value) })),
    timestamp: Number(spec.timestamp),
    timestampType: "CreateTime",
  };
  const { context, operator } = operatorFor();
  context.reset(consumed, null);
  const record = await guarded(context, () => toSinkRecord(context, operator, consumed, converters));
  const output = await guarded(context, () => chain.apply(context, operator, record!));
  return { record: describe(output) };
}

async function file(config: ConnectorConfig, content: string): Promise<unknown> {
  const { converters } = setUp(config);
  const dir = await mkdtemp(path.join(tmpdir(), "tributary-differential-"));
  const name = path.join(dir, "source.txt");
  await writeFile(name, Buffer.from(content, "base64"));
  const task = new FileStreamSourceTask();
  task.initialize({ configs: () => config, offsetStorageReader: () => ({ offset: async () => null, offsets: async () => new Map() }) });
  const lines: FileLineSpec[] = [];
  try {
    await task.start({ file: name, topic: config.topic ?? "file", "batch.size": config["batch.size"] ?? "2000" });
    for (let batch = await task.poll(); batch !== null; batch = await task.poll()) {
      for (const record of batch) {
        let bytes: Uint8Array | null;
        try {
          bytes = converters.value.fromConnectData(record.topic, record.headers, record.valueSchema, record.value);
        } catch (error) {
          throw new StageFailure("VALUE_CONVERTER", error);
        }
        lines.push({ value: fromValue(record.valueSchema, record.value), position: String(record.sourceOffset!.position), bytes: base64(bytes) });
      }
    }
  } finally {
    await task.stop();
    await rm(dir, { recursive: true, force: true });
  }
  return { lines };
}

async function execute(vector: Vector): Promise<unknown> {
  switch (vector.kind) {
    case "source":
      return source(vector.config, vector.record);
    case "sink":
      return sink(vector.config, vector.message);
    case "file":
      return file(vector.config, vector.content);
    case "parseString": {
      const parsed = parseString(vector.text);
      return { schema: fromSchema(parsed.schema), value: fromValue(parsed.schema, parsed.value) };
    }
    case "convertToString": {
      const schema = toSchema(vector.schema);
      return convertToString(schema, toValue(schema, vector.value));
    }
  }
}

function failure(stage: string, error: unknown): FailureSpec {
  const name = exceptionClassName(error);
  return { stage, class: name.slice(name.lastIndexOf(".") + 1), message: error instanceof Error ? error.message : String(error) };
}

/** Runs one vector through Tributary: its result, or the failure with its stage. */
async function runTributaryVector(vector: Vector): Promise<KafkaResult> {
  try {
    return { result: await execute(vector) };
  } catch (error) {
    if (error instanceof StageFailure) return { error: failure(error.stage, error.error) };
    return { error: { ...failure("HARNESS", error), trace: error instanceof Error ? error.stack : undefined } };
  }
}

/** Runs every vector (file vectors concurrently, the rest in order) and returns the results by id. */
export async function runTributary(vectors: readonly Vector[]): Promise<Map<string, KafkaResult>> {
  const results = new Map<string, KafkaResult>();
  const files = vectors.filter((vector) => vector.kind === "file");
  const fileResults = Promise.all(files.map(async (vector) => [vector.id, await runTributaryVector(vector)] as const));
  for (const vector of vectors) if (vector.kind !== "file") results.set(vector.id, await runTributaryVector(vector));
  for (const [id, result] of await fileResults) results.set(id, result);
  return results;
}
