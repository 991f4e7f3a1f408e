"use client";

import { useMutation } from "@tanstack/react-query";
import { consoleRequest } from "@/components/queries/console-api";
import { connectionTestResponseSchema, type ConnectionTestResult } from "@/server/contracts/connection-test";

/**
 * The wizard's "test connection": POSTs the config being edited to `/api/console/connection-test`.
 * Resolves `{supported, ok, message}`; rejects with ConsoleApiError for a config the server
 * cannot test at all (no connector class).
 */
export function useConnectionTest() {
  return useMutation({
    mutationFn: async (config: Record<string, string>): Promise<ConnectionTestResult> => connectionTestResponseSchema.parse(await consoleRequest("/connection-test", undefined, { config })),
  });
}
