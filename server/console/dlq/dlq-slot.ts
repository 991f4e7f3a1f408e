import type { WorkerConfig } from "@/server/config/worker-config";
import { TributaryError } from "@/server/errors/tributary-error";
import { DlqInbox, type ConnectorConfigs } from "@/server/console/dlq/dlq-inbox";
import { KnownDlqTopics } from "@/server/console/dlq/known-dlq-topics";
import { ReplayLedger } from "@/server/console/dlq/replay-ledger";
import { dlqClients } from "@/server/kafka/dlq-clients";
import { readyRuntime } from "@/server/runtime/runtime-slot";
import { openDatabase } from "@/server/storage/prisma/database";

/**
 * The console's one DlqInbox, kept on `globalThis` for the same reason as the runtime (see
 * runtime-slot.ts): the composition root installs it from instrumentation's module graph, and
 * route handlers, compiled separately, find it here.
 */
const KEY = Symbol.for("tributary.console.dlq");

type Global = typeof globalThis & { [KEY]?: DlqInbox };

/** A failed replay request is resent this often before the replay reports the records as undelivered. */
const REPLAY_RETRIES = 5;

/**
 * Builds the DLQ inbox of the console's process from the worker config: its own Kafka clients
 * (a topic browser and a replay producer with the worker's connection settings), its own
 * database client on `tributary.database.url` (migrations must have been applied) for the replay
 * ledger and the remembered DLQ topics, and the
 * herder's connector configs. Cheap: nothing connects until the first request.
 */
export function createDlqInbox(config: WorkerConfig, connectors: () => ConnectorConfigs): DlqInbox {
  const db = openDatabase(config.settings["tributary.database.url"]);
  return new DlqInbox({
    ...dlqClients(config, { clientId: "tributary-dlq", replayRetries: REPLAY_RETRIES }),
    ledger: new ReplayLedger(db),
    known: new KnownDlqTopics(db),
    connectors,
  });
}

/** Installs the inbox unless one is installed already (a dev reload keeps the first). */
export function installDlqInbox(create: () => DlqInbox): void {
  const g = globalThis as Global;
  g[KEY] ??= create();
}

/**
 * The inbox for request handlers, once the runtime is ready (503 `runtime.not_ready` before);
 * 503 too in a process that runs no console (the headless worker).
 */
export async function readyDlqInbox(): Promise<DlqInbox> {
  await readyRuntime();
  const inbox = (globalThis as Global)[KEY];
  if (!inbox) throw new TributaryError("runtime.not_ready", "The DLQ inbox is not running in this process.", { retriable: true });
  return inbox;
}

/** Closes and removes the installed inbox, if any; for shutdown. */
export async function closeDlqInbox(): Promise<void> {
  const g = globalThis as Global;
  const inbox = g[KEY];
  delete g[KEY];
  await inbox?.close();
}
