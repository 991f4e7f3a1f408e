import type { ConfigHistory } from "@/server/console/config-history/config-history";
import { TributaryError } from "@/server/errors/tributary-error";
import { getLogger } from "@/server/logging/logger";
import type { EventHub } from "@/server/runtime/events/event-hub";
import type { Herder } from "@/server/runtime/herder/herder";

const log = getLogger("tributary.config-history");

/**
 * The runtime service that records configs applied outside this console's attributed writes
 * (another worker of the cluster, a store changed while the process was down): at start, every
 * connector's current config; then each connector the hub reports created or updated (the hub is
 * fed by the config store's change notifications, so every worker's writes arrive). Each becomes a
 * version by `unknown` when it differs from the connector's latest (see ConfigHistory.observe).
 */
export function configHistoryObserver(history: ConfigHistory, events: EventHub, herder: () => Herder): { start(): void; stop(): Promise<void> } {
  let unsubscribe: (() => void) | undefined;
  const read = (name: string) => async () => {
    try {
      return await herder().connectorConfig(name);
    } catch (error) {
      if (error instanceof TributaryError && error.code === "connector.not_found") return undefined;
      throw error;
    }
  };
  return {
    start() {
      unsubscribe = events.subscribe((event) => {
        if (event.type === "connector" && event.change !== "deleted") void history.observe(event.connector, read(event.connector));
      });
      void herder()
        .connectors()
        .then((names) => Promise.all(names.map((name) => history.observe(name, read(name)))))
        .catch((error: unknown) => log.error({ err: error }, "could not record the connectors' configs at start"));
    },
    async stop() {
      unsubscribe?.();
    },
  };
}
