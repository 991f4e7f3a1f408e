"use client";

import { useMutation, useQuery, useQueryClient, type UseMutationResult, type UseQueryResult } from "@tanstack/react-query";
import { connectorQueryKey } from "@/components/queries/connector";
import { consoleRequest } from "@/components/queries/console-api";
import {
  connectorVersionSchema,
  connectorVersionsSchema,
  rollbackResultSchema,
  type ConnectorVersion,
  type ConnectorVersionSummary,
  type RollbackResult,
} from "@/server/contracts/audit";

/** Key of the connector's config versions; below the connector's key, so its reloads include them. */
export function connectorVersionsQueryKey(name: string) {
  return [...connectorQueryKey(name), "versions"] as const;
}

const versionsPath = (name: string) => `/connectors/${encodeURIComponent(name)}/versions`;

/** The connector's config versions, newest first (`GET /api/console/connectors/{c}/versions`); re-read every 30 s. */
export function useConnectorVersions(name: string): UseQueryResult<ConnectorVersionSummary[], Error> {
  return useQuery({
    queryKey: connectorVersionsQueryKey(name),
    queryFn: async ({ signal }) => connectorVersionsSchema.parse(await consoleRequest(versionsPath(name), signal)).versions,
    refetchInterval: 30_000,
  });
}

/**
 * Version `version` with its masked config, secrets that differ from version `against` (when
 * given) marked `[hidden] (changed)`; disabled while `version` is null. Versions never change, so
 * it is never re-read.
 */
export function useConnectorVersion(name: string, version: number | null, against?: number): UseQueryResult<ConnectorVersion, Error> {
  return useQuery({
    queryKey: [...connectorVersionsQueryKey(name), version, against ?? null],
    queryFn: async ({ signal }) =>
      connectorVersionSchema.parse(await consoleRequest(`${versionsPath(name)}/${version}${against !== undefined ? `?against=${against}` : ""}`, signal)),
    enabled: version !== null,
    staleTime: Infinity,
  });
}

/**
 * Rolls the connector back to a version (`POST …/versions/{v}/rollback`), which applies that
 * version's config as a new version; on success everything about the connector is re-read.
 */
export function useRollback(name: string): UseMutationResult<RollbackResult, Error, number> {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (version) => rollbackResultSchema.parse(await consoleRequest(`${versionsPath(name)}/${version}/rollback`, undefined, {})),
    onSuccess: () => client.invalidateQueries({ queryKey: connectorQueryKey(name) }),
  });
}
