"use client";

import { useMutation, useQueryClient, type UseMutationResult } from "@tanstack/react-query";
import { actionRequest } from "@/components/queries/connector-actions";
import { connectRequest, connectorPath } from "@/components/queries/connector-api";
import { connectorQueryKey } from "@/components/queries/connector";
import { connectorsQueryKey } from "@/components/queries/connectors";

/** What can be done to many connectors at once; "restart" restarts each connector and all its tasks. */
export type BulkActionKind = "pause" | "resume" | "restart" | "delete";

/** A bulk request: one action over a list of connectors. */
export interface BulkRequest {
  kind: BulkActionKind;
  names: string[];
}

/** The outcome for one connector: ok, or the API's message (and the error, for advice). */
export type BulkResult = { name: string; ok: true } | { name: string; ok: false; error: Error };

/** The Connect REST call of one bulk action on one connector. */
function requestOf(kind: BulkActionKind, name: string): { method: "PUT" | "POST" | "DELETE"; path: string } {
  if (kind === "delete") return { method: "DELETE", path: connectorPath(name) };
  return actionRequest(name, kind === "restart" ? { kind: "restart-all-tasks" } : { kind });
}

/**
 * Runs one action on several connectors concurrently, one Connect REST call each, and resolves
 * with a result per connector in the order given: a refusal of one does not stop the others, and
 * the mutation itself never rejects for an API error. The list and the connectors' queries are
 * refetched afterwards (a deleted connector's own queries are left to expire).
 */
export function useBulkConnectorAction(): UseMutationResult<BulkResult[], Error, BulkRequest> {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ kind, names }) => {
      const settled = await Promise.allSettled(
        names.map((name) => {
          const { method, path } = requestOf(kind, name);
          return connectRequest(path, { method });
        }),
      );
      return settled.map((outcome, index): BulkResult => {
        const name = names[index]!;
        if (outcome.status === "fulfilled") return { name, ok: true };
        return { name, ok: false, error: outcome.reason instanceof Error ? outcome.reason : new Error(String(outcome.reason)) };
      });
    },
    onSuccess: (_, { kind, names }) =>
      Promise.all([
        client.invalidateQueries({ queryKey: connectorsQueryKey }),
        ...(kind === "delete" ? [] : names.map((name) => client.invalidateQueries({ queryKey: connectorQueryKey(name) }))),
      ]),
  });
}
