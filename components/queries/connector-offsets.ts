"use client";

import { useMutation, useQuery, useQueryClient, type UseMutationResult, type UseQueryResult } from "@tanstack/react-query";
import { connectorQueryKey } from "@/components/queries/connector";
import { connectRequest, connectorPath } from "@/components/queries/connector-api";
import { consoleRequest } from "@/components/queries/console-api";
import { connectorOffsetsViewSchema, offsetsChangeResultSchema, type ConnectorOffset, type ConnectorOffsetsView } from "@/server/contracts/connector-offsets";

/** How often the offsets are re-read while shown: they move with every committed batch. */
const OFFSETS_POLL_MS = 5_000;

/** Key of the connector's offsets view. */
export function connectorOffsetsQueryKey(name: string) {
  return [...connectorQueryKey(name), "offsets"] as const;
}

/**
 * The connector's offsets (`GET /api/console/connectors/{c}/offsets`): source partitions and
 * offsets, or a sink's topic-partitions with committed offset, end offset and lag; re-read every
 * 5 s. Rejects with `ConsoleApiError` (a Kafka failure carries its suggestion).
 */
export function useConnectorOffsets(name: string): UseQueryResult<ConnectorOffsetsView, Error> {
  return useQuery({
    queryKey: connectorOffsetsQueryKey(name),
    queryFn: async ({ signal }) => connectorOffsetsViewSchema.parse(await consoleRequest(`/connectors/${encodeURIComponent(name)}/offsets`, signal)),
    refetchInterval: OFFSETS_POLL_MS,
  });
}

/** A change of offsets: `alter` (PATCH with these entries, a null offset resetting its partition) or `reset` (DELETE, every partition). */
export type OffsetsChange = { kind: "alter"; offsets: ConnectorOffset[] } | { kind: "reset" };

/**
 * Applies an offsets change through Kafka Connect's `PATCH` or `DELETE /connectors/{c}/offsets`
 * and resolves with the API's success message. The API refuses (400) unless the connector is
 * STOPPED; the error carries its message. The offsets are re-read afterwards.
 */
export function useChangeOffsets(name: string): UseMutationResult<string, Error, OffsetsChange> {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (change) => {
      const path = `${connectorPath(name)}/offsets`;
      const body = change.kind === "alter" ? await connectRequest(path, { method: "PATCH", body: { offsets: change.offsets } }) : await connectRequest(path, { method: "DELETE" });
      return offsetsChangeResultSchema.parse(body).message;
    },
    onSettled: () => client.invalidateQueries({ queryKey: connectorOffsetsQueryKey(name) }),
  });
}
