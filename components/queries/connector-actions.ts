"use client";

import { useMutation, useQueryClient, type UseMutationResult } from "@tanstack/react-query";
import { connectRequest, connectorPath } from "@/components/queries/connector-api";
import { connectorQueryKey } from "@/components/queries/connector";
import { connectorsQueryKey } from "@/components/queries/connectors";

/** What an operator can ask of a running connector from its page; each maps to one Connect REST call. */
export type ConnectorAction =
  | { kind: "pause" }
  | { kind: "resume" }
  | { kind: "stop" }
  | { kind: "restart" }
  | { kind: "restart-all-tasks" }
  | { kind: "restart-failed-tasks" }
  | { kind: "restart-task"; task: number };

/** The Connect REST request (method and path) that performs `action` on connector `name`. */
export function actionRequest(name: string, action: ConnectorAction): { method: "PUT" | "POST"; path: string } {
  const base = connectorPath(name);
  switch (action.kind) {
    case "pause":
    case "resume":
    case "stop":
      return { method: "PUT", path: `${base}/${action.kind}` };
    case "restart":
      return { method: "POST", path: `${base}/restart` };
    case "restart-all-tasks":
      return { method: "POST", path: `${base}/restart?includeTasks=true` };
    case "restart-failed-tasks":
      return { method: "POST", path: `${base}/restart?includeTasks=true&onlyFailed=true` };
    case "restart-task":
      return { method: "POST", path: `${base}/tasks/${action.task}/restart` };
  }
}

/**
 * Runs connector actions (pause, resume, stop, restarts) one REST call per `mutate`. On success
 * the connector's queries and the connectors list are refetched; on failure `error.message` is the
 * API's `message`. `isPending` is true while a call is in flight, so callers can disable buttons.
 */
export function useConnectorAction(name: string): UseMutationResult<void, Error, ConnectorAction> {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (action) => {
      const { method, path } = actionRequest(name, action);
      await connectRequest(path, { method });
    },
    onSuccess: () =>
      Promise.all([client.invalidateQueries({ queryKey: connectorQueryKey(name) }), client.invalidateQueries({ queryKey: connectorsQueryKey })]),
  });
}

/** Key of the marker a delete in progress sets, so live events do not refetch the connector's queries into a 404. */
export function deletingQueryKey(name: string) {
  return ["console", "deleting", name] as const;
}

/**
 * Deletes the connector (`DELETE /connectors/{c}`). While the call runs the connector is marked as
 * being deleted (live events then leave its queries alone); on success `onDeleted` runs (the page
 * navigates away), its queries are cancelled and dropped without a refetch, and the list is
 * marked stale. So no request for the deleted connector answers 404 in the browser. Failures
 * carry the API's `message` and clear the mark.
 */
export function useDeleteConnector(name: string, onDeleted: () => void): UseMutationResult<void, Error, void> {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await connectRequest(connectorPath(name), { method: "DELETE" });
    },
    onMutate: () => {
      client.setQueryData(deletingQueryKey(name), true);
    },
    onSuccess: async () => {
      onDeleted();
      await client.cancelQueries({ queryKey: connectorQueryKey(name) });
      client.removeQueries({ queryKey: connectorQueryKey(name) });
      void client.invalidateQueries({ queryKey: connectorsQueryKey });
    },
    onError: () => client.removeQueries({ queryKey: deletingQueryKey(name) }),
  });
}
