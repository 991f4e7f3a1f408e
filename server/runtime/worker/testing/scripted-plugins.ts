/**
 * Connector plugins a unit test scripts: a source whose tasks return the batches the test feeds
 * them, a sink whose tasks record what they were given, and connectors that generate as many
 * task configs as asked and can ask for a reconfiguration. Instances register themselves in
 * `ScriptedPlugins`, so a test reaches the objects the Worker built. Behaviour comes from config
 * keys: `fail.start` (connector or task start throws that message), `test.tasks` (how many task
 * configs), `test.version` (copied into every task config). Test-only module.
 */
import { ConfigDef } from "@/server/plugins/api/config-def";
import { SinkConnector, SourceConnector, type TaskClass } from "@/server/plugins/api/connector";
import type { TopicPartition } from "@/server/plugins/api/offsets";
import { SourceRecord, type SinkRecord } from "@/server/plugins/api/records";
import { SinkTask, SourceTask } from "@/server/plugins/api/task";
import { BUILT_IN_PLUGINS } from "@/server/plugins/built-in-plugins";
import { PluginRegistry } from "@/server/runtime/plugins/plugin-registry";

/** Every scripted instance the Worker created since the last `reset()`, in creation order. */
export const ScriptedPlugins = {
  sourceConnectors: [] as ScriptedSourceConnector[],
  sinkConnectors: [] as ScriptedSinkConnector[],
  sourceTasks: [] as ScriptedSourceTask[],
  sinkTasks: [] as ScriptedSinkTask[],
  reset(): void {
    for (const list of [this.sourceConnectors, this.sinkConnectors, this.sourceTasks, this.sinkTasks]) list.splice(0);
  },
};

function generate(props: Record<string, string>, maxTasks: number): Record<string, string>[] {
  const count = Number(props["test.tasks"] ?? maxTasks);
  return Array.from({ length: count }, (_, task) => ({ "task.index": String(task), "test.version": props["test.version"] ?? "1" }));
}

/** A source connector; `reconfigure(version)` changes its task configs and asks the runtime for them. */
export class ScriptedSourceConnector extends SourceConnector {
  static readonly className = "test.ScriptedSourceConnector";
  props: Record<string, string> = {};
  started = 0;
  stopped = 0;

  version() {
    return "1";
  }

  config() {
    return new ConfigDef();
  }

  start(props: Record<string, string>) {
    if (props["fail.start"]) throw new Error(props["fail.start"]);
    this.props = { ...props };
    if (this.started++ === 0) ScriptedPlugins.sourceConnectors.push(this);
  }

  stop() {
    this.stopped++;
  }

  taskClass(): TaskClass<SourceTask> {
    return ScriptedSourceTask;
  }

  taskConfigs(maxTasks: number) {
    return generate(this.props, maxTasks);
  }

  reconfigure(changes: Record<string, string>): void {
    this.props = { ...this.props, ...changes };
    this.context.requestTaskReconfiguration();
  }
}

/** A source task that returns the batches fed to it, one per poll, and waits in `poll` when there is none. */
export class ScriptedSourceTask extends SourceTask {
  static readonly className = "test.ScriptedSourceTask";
  props: Record<string, string> = {};
  commits = 0;
  /** How many polls returned a batch. */
  polledBatches = 0;
  /** How many polls returned nothing. */
  emptyPolls = 0;
  stopped = false;
  readonly committedRecords: Array<{ value: unknown; acknowledged: boolean }> = [];
  private readonly batches: SourceRecord[][] = [];
  private failure: Error | null = null;
  private wake: (() => void) | null = null;

  version() {
    return "1";
  }

  start(props: Record<string, string>) {
    if (props["fail.start"]) throw new Error(props["fail.start"]);
    this.props = { ...props };
    ScriptedPlugins.sourceTasks.push(this);
  }

  /** Queues one batch for the next poll. */
  feed(...records: SourceRecord[]): void {
    this.batches.push(records);
    this.wake?.();
  }

  /** Makes the next poll throw `error`. */
  failPoll(error: Error): void {
    this.failure = error;
    this.wake?.();
  }

  /** Waits for a batch, or with the task config `poll.blocks=false` returns null at once when none is queued. */
  async poll(): Promise<SourceRecord[] | null> {
    const blocks = this.props["poll.blocks"] !== "false";
    while (blocks && this.batches.length === 0 && !this.stopped && !this.failure) await new Promise<void>((resolve) => (this.wake = resolve));
    if (this.failure) throw this.failure;
    const batch = this.batches.shift() ?? null;
    if (batch) this.polledBatches++;
    else this.emptyPolls++;
    return batch;
  }

  stop() {
    this.stopped = true;
    this.wake?.();
  }

  commit() {
    this.commits++;
  }

  commitRecord(record: SourceRecord, metadata: unknown) {
    this.committedRecords.push({ value: record.value, acknowledged: metadata !== null });
  }
}

/** A source record of `value` from partition `{file}` at `{position}`. */
export function sourceRecord(topic: string, value: string, position: number, file = "in.txt"): SourceRecord {
  return new SourceRecord({ topic, value, sourcePartition: { file }, sourceOffset: { position } });
}

/** A sink connector whose tasks are ScriptedSinkTasks. */
export class ScriptedSinkConnector extends SinkConnector {
  static readonly className = "test.ScriptedSinkConnector";
  props: Record<string, string> = {};
  private started = false;

  version() {
    return "1";
  }

  config() {
    return new ConfigDef();
  }

  start(props: Record<string, string>) {
    this.props = { ...props };
    if (!this.started) ScriptedPlugins.sinkConnectors.push(this);
    this.started = true;
  }

  stop() {}

  taskClass(): TaskClass<SinkTask> {
    return ScriptedSinkTask;
  }

  taskConfigs(maxTasks: number) {
    return generate(this.props, maxTasks);
  }
}

/**
 * A sink task that records each call in `calls` (`open`, `put:<values>`, `flush`, `close`,
 * `stop`), so a test can check their order; `failPuts` makes the next puts throw.
 */
export class ScriptedSinkTask extends SinkTask {
  static readonly className = "test.ScriptedSinkTask";
  readonly calls: string[] = [];
  readonly failPuts: Error[] = [];

  version() {
    return "1";
  }

  start() {
    ScriptedPlugins.sinkTasks.push(this);
  }

  async put(records: SinkRecord[]): Promise<void> {
    const failure = this.failPuts.shift();
    if (failure) throw failure;
    this.calls.push(`put:${records.map((record) => String(record.value)).join(",")}`);
  }

  flush(offsets: Map<TopicPartition, bigint>) {
    this.calls.push(`flush:${[...offsets.values()].join(",")}`);
  }

  open(partitions: TopicPartition[]) {
    this.calls.push(`open:${partitions.map((tp) => `${tp.topic}-${tp.partition}`).join(",")}`);
  }

  close(partitions: TopicPartition[]) {
    this.calls.push(`close:${partitions.map((tp) => `${tp.topic}-${tp.partition}`).join(",")}`);
  }

  stop() {
    this.calls.push("stop");
  }
}

/** The built-in plugins plus the scripted ones. */
export function scriptedRegistry(): PluginRegistry {
  const registry = new PluginRegistry();
  for (const { kind, plugin } of BUILT_IN_PLUGINS) registry.register(kind, plugin, "test");
  registry.register("source", ScriptedSourceConnector, "1");
  registry.register("sink", ScriptedSinkConnector, "1");
  return registry;
}

/** Worker settings with plain-text converters, so the fakes see the values as written. */
export const STRING_CONVERTERS: Readonly<Record<string, string>> = {
  "key.converter": "org.apache.kafka.connect.storage.StringConverter",
  "value.converter": "org.apache.kafka.connect.storage.StringConverter",
  "header.converter": "org.apache.kafka.connect.storage.SimpleHeaderConverter",
};
