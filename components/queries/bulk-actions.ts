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
 * How many of a bulk action's requests are in flight at once. A browser opens at most six
 * connections to one origin and the event stream holds one; a thousand requests issued at once
 * queued the console's own health and list reads behind them for seconds (the top bar read
 * "Console API unreachable" during a bulk pause of 1,000), so one connection stays free.
 */
const BULK_LANES = 4;

/** `run` over `items` with at most `lanes` running at once; results in the order of `items`, never rejects. */
export async function settledInLanes<T, R>(items: readonly T[], lanes: number, run: (item: T) => Promise<R>): Promise<PromiseSettledResult<R>[]> {
  const results: PromiseSettledResult<R>[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      try {
        results[index] = { status: "fulfilled", value: await run(items[index]!) };
      } catch (reason) {
        results[index] = { status: "rejected", reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(lanes, items.length) }, lane));
  return results;
}

/**
 * Runs one action on several connectors, BULK_LANES at a time, one Connect REST call each, and resolves
 * with a result per connector in the order given: a refusal of one does not stop the others, and
 * the mutation itself never rejects for an API error. The list and the connectors' queries are
 * refetched afterwards (a deleted connector's own queries are left to expire).
 */
export function useBulkConnectorAction(): UseMutationResult<BulkResult[], Error, BulkRequest> {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ kind, names }) => {
      const settled = await settledInLanes(names, BULK_LANES, (name) => {
        const { method, path } = requestOf(kind, name);
        return connectRequest(path, { method });
      });
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
