import type { WorkerConfig } from "@/server/config/worker-config";
import { TributaryError } from "@/server/errors/tributary-error";
import { TopicRecords } from "@/server/console/topics/topic-records";
import { workerTopicBrowser, type KafkajsTopicBrowser } from "@/server/kafka/topic-browser";
import { readyRuntime } from "@/server/runtime/runtime-slot";

/**
 * The console's one topic browser, kept on `globalThis` for the same reason as the runtime (see
 * runtime-slot.ts): installed from instrumentation's module graph, found by route handlers.
 */
const KEY = Symbol.for("tributary.console.topics");

type Global = typeof globalThis & { [KEY]?: { records: TopicRecords; browser: KafkajsTopicBrowser } };

/** Installs the topic browser on the worker's connection settings unless one is installed (a dev reload keeps the first). Cheap: nothing connects yet. */
export function installTopicRecords(config: WorkerConfig): void {
  const g = globalThis as Global;
  if (g[KEY]) return;
  const browser = workerTopicBrowser(config, "tributary-topics");
  g[KEY] = { records: new TopicRecords(browser), browser };
}

/** The topic browser for request handlers once the runtime is ready (503 `runtime.not_ready` before, and in a process without the console). */
export async function readyTopicRecords(): Promise<TopicRecords> {
  await readyRuntime();
  const installed = (globalThis as Global)[KEY];
  if (!installed) throw new TributaryError("runtime.not_ready", "The topic browser is not running in this process.", { retriable: true });
  return installed.records;
}

/** Closes and removes the installed topic browser, if any; for shutdown. */
export async function closeTopicRecords(): Promise<void> {
  const g = globalThis as Global;
  const installed = g[KEY];
  delete g[KEY];
  await installed?.browser.close();
}
