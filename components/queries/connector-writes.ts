"use client";

import { useMutation, useQueryClient, type UseMutationResult } from "@tanstack/react-query";
import { connectRequest, connectorPath } from "@/components/queries/connector-api";
import { connectorQueryKey } from "@/components/queries/connector";
import { connectorsQueryKey } from "@/components/queries/connectors";
import { connectorInfoSchema, type ConnectorConfig, type ConnectorInfo } from "@/server/contracts/connect";

/** What a new connector is asked to be once created (`initial_state` of `POST /connectors`). */
export type InitialState = "RUNNING" | "PAUSED" | "STOPPED";

/** The body of `POST /connectors`. */
export interface CreateConnectorRequest {
  name: string;
  config: ConnectorConfig;
  initial_state: InitialState;
}

/**
 * Creates a connector (`POST /connectors`) and resolves with its ConnectorInfo; the connectors
 * list is marked stale. Fails with `ConnectApiError`: 400 invalid config, 409 name taken or a
 * rebalance, 500 the worker failed.
 */
export function useCreateConnector(): UseMutationResult<ConnectorInfo, Error, CreateConnectorRequest> {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (request) => connectorInfoSchema.parse(await connectRequest("/connectors", { method: "POST", body: request })),
    onSuccess: () => client.invalidateQueries({ queryKey: connectorsQueryKey }),
  });
}

/**
 * Replaces connector `name`'s config (`PUT /connectors/{c}/config`) and resolves with its
 * ConnectorInfo; the connector's queries and the list are reloaded. Fails with `ConnectApiError`
 * as `useCreateConnector` does (400 also when `config.name` differs from `name`).
 */
export function useUpdateConnectorConfig(name: string): UseMutationResult<ConnectorInfo, Error, ConnectorConfig> {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (config) => connectorInfoSchema.parse(await connectRequest(`${connectorPath(name)}/config`, { method: "PUT", body: config })),
    onSuccess: () =>
      Promise.all([client.invalidateQueries({ queryKey: connectorQueryKey(name) }), client.invalidateQueries({ queryKey: connectorsQueryKey })]),
  });
}
