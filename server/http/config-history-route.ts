import { currentConfigHistory } from "@/server/console/config-history/history-slot";
import type { ConfigHistory } from "@/server/console/config-history/config-history";
import { endpointAccess } from "@/server/console/auth/endpoint-access";
import { callerOf } from "@/server/http/caller";
import type { RouteHandler } from "@/server/http/route-handler";
import { readyRuntime } from "@/server/runtime/runtime-slot";

/** The Connect API's events that apply a connector config: each successful one is a version. */
const CONFIG_EVENTS = new Set(["connector.create", "connector.config.update"]);

/**
 * Wraps the Kafka Connect API's route handler so a connector config created or updated through it
 * (POST /connectors, PUT or PATCH /connectors/{c}/config) becomes the connector's next version,
 * attributed to the caller (ConfigHistory.attribute). The answer is handed back as soon as the
 * handler gives it; the version is recorded after. Other requests pass straight through.
 */
export function withConfigHistory<C>(handler: RouteHandler<C>): RouteHandler<C> {
  return async (request, context) => {
    const access = endpointAccess(request.method, new URL(request.url).pathname);
    const history = currentConfigHistory();
    if (!history || !access.event || !CONFIG_EVENTS.has(access.event)) return handler(request, context);
    const connector = access.scope.kind === "connector" ? access.scope.name : null;
    return attributed(history, connector, callerOf(request).user, () => handler(request, context));
  };
}

async function attributed(history: ConfigHistory, connector: string | null, user: string, handle: () => Promise<Response>): Promise<Response> {
  const { result } = await history.attribute(
    connector,
    { user },
    async () => {
      const response = await handle();
      return { response, copy: response.ok ? response.clone() : undefined };
    },
    async ({ copy }) => {
      if (!copy) return undefined;
      const info = await infoOf(copy);
      const name = connector ?? info?.name;
      if (!name) return undefined;
      return { connector: name, config: info?.config ?? (await (await readyRuntime()).herder.connectorConfig(name)) };
    },
  );
  return result.response;
}

/**
 * The connector name and applied config of a create's or update's answer (Connect's
 * ConnectorInfo, which carries the config as applied). Read from the answer rather than from this
 * worker's config snapshot, which may not have caught up yet with a write another worker of the
 * cluster made on its behalf.
 */
async function infoOf(response: Response): Promise<{ name?: string; config?: Record<string, string> } | undefined> {
  const body: unknown = await response.json().catch(() => undefined);
  if (!body || typeof body !== "object") return undefined;
  const { name, config } = body as { name?: unknown; config?: unknown };
  const strings = config && typeof config === "object" && Object.values(config).every((value) => typeof value === "string");
  return { ...(typeof name === "string" ? { name } : {}), ...(strings ? { config: config as Record<string, string> } : {}) };
}
