/**
 * A Worker on the fake Kafka ports, the scripted plugins, the in-memory offset store's contract
 * and a status log, for the unit tests of the Worker and the task loops. Test-only module.
 */
import type { OffsetStore } from "@/server/storage/contracts/offset-store";
import type { ConnectState } from "@/server/storage/contracts/status-store";
import { Worker } from "@/server/runtime/worker/worker";
import { FakeKafkaClients } from "@/server/runtime/worker/testing/fake-kafka";
import { ScriptedPlugins, scriptedRegistry, STRING_CONVERTERS } from "@/server/runtime/worker/testing/scripted-plugins";

/** One reported state: `connector` or `connector-task`, the state, and the trace of a failure. */
export interface Report {
  instance: string;
  state: ConnectState;
  trace?: string;
}

/** A Worker and what it talks to. */
export interface WorkerFixture {
  worker: Worker;
  clients: FakeKafkaClients;
  offsets: OffsetStore;
  /** Every state reported, in order. */
  reports: Report[];
  /** The states `instance` reported, in order. */
  statesOf(instance: string): ConnectState[];
  /** Topics the tasks said they used, as `connector:topic`. */
  topicsUsed: string[];
}

/** Builds a Worker with `offset.flush.interval.ms` = `flushMs`; resets the scripted plugins' registry of instances. */
export function workerFixture(offsets: OffsetStore, flushMs = 1000): WorkerFixture {
  ScriptedPlugins.reset();
  const clients = new FakeKafkaClients();
  const reports: Report[] = [];
  const topicsUsed: string[] = [];
  const report = (instance: string, state: ConnectState, trace?: string) => reports.push({ instance, state, ...(trace ? { trace } : {}) });
  const worker = new Worker({
    workerConfig: STRING_CONVERTERS,
    registry: scriptedRegistry(),
    clients,
    offsets,
    offsetFlushIntervalMs: flushMs,
    onConnectorStatus: (name, state, trace) => report(name, state, trace),
    onTaskStatus: (id, state, trace) => report(`${id.connector}-${id.task}`, state, trace),
    onTopicUsed: (id, topic) => topicsUsed.push(`${id.connector}:${topic}`),
  });
  return { worker, clients, offsets, reports, topicsUsed, statesOf: (instance) => reports.filter((r) => r.instance === instance).map((r) => r.state) };
}
