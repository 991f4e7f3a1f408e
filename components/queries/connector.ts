"use client";

import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import { ConnectApiError, connectRequest, connectorPath } from "@/components/queries/connector-api";
import { CONNECTORS_POLL_MS } from "@/components/queries/connectors";
import { connectorConfigSchema, connectorStateInfoSchema, connectorTopicsSchema, type ConnectorConfig, type ConnectorStateInfo } from "@/server/contracts/connect";

/** Prefix of every React Query key about one connector; invalidating it reloads the connector page. */
export function connectorQueryKey(name: string) {
  return ["connect", "connector", name] as const;
}

/** Key of `GET /connectors/{c}/status`; the event stream writes status events into it. */
export function connectorStatusQueryKey(name: string) {
  return [...connectorQueryKey(name), "status"] as const;
}

/** Key of `GET /connectors/{c}/config`. */
export function connectorConfigQueryKey(name: string) {
  return [...connectorQueryKey(name), "config"] as const;
}

/** Key of `GET /connectors/{c}/topics`. */
export function connectorTopicsQueryKey(name: string) {
  return [...connectorQueryKey(name), "topics"] as const;
}

/** Whether `error` is the API saying the connector does not exist (404). */
export function isNotFound(error: unknown): boolean {
  return error instanceof ConnectApiError && error.status === 404;
}

const retryUnlessNotFound = (failures: number, error: Error) => failures < 1 && !isNotFound(error);

/**
 * The connector's status (`GET /connectors/{c}/status`), kept current by the event stream; polls
 * slowly while the stream is `live` and every 2 s while it is not. A 404 (unknown or deleted
 * connector) is not retried and stops the polling; check it with `isNotFound(error)`.
 */
export function useConnectorStatus(name: string, live: boolean): UseQueryResult<ConnectorStateInfo, Error> {
  return useQuery({
    queryKey: connectorStatusQueryKey(name),
    queryFn: async ({ signal }) => connectorStateInfoSchema.parse(await connectRequest(`${connectorPath(name)}/status`, { signal })),
    refetchInterval: (query) => (isNotFound(query.state.error) ? false : live ? CONNECTORS_POLL_MS.live : CONNECTORS_POLL_MS.fallback),
    retry: retryUnlessNotFound,
  });
}

/** The connector's config as submitted (`GET /connectors/{c}/config`); reloaded when the connector changes. */
export function useConnectorConfig(name: string): UseQueryResult<ConnectorConfig, Error> {
  return useQuery({
    queryKey: connectorConfigQueryKey(name),
    queryFn: async ({ signal }) => connectorConfigSchema.parse(await connectRequest(`${connectorPath(name)}/config`, { signal })),
    retry: retryUnlessNotFound,
  });
}

/**
 * The topics the connector has used (`GET /connectors/{c}/topics`), sorted; re-read every 30 s,
 * since a topic comes into use with the first record and no event announces it. Rejects with 403
 * when topic tracking is off.
 */
export function useConnectorTopics(name: string): UseQueryResult<string[], Error> {
  return useQuery({
    queryKey: connectorTopicsQueryKey(name),
    queryFn: async ({ signal }) => {
      const body = connectorTopicsSchema.parse(await connectRequest(`${connectorPath(name)}/topics`, { signal }));
      return [...(body[name]?.topics ?? [])].sort();
    },
    refetchInterval: CONNECTORS_POLL_MS.live,
    retry: retryUnlessNotFound,
  });
}
