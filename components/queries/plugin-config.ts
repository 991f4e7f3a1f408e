"use client";

import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import { z } from "zod";
import { connectRequest } from "@/components/queries/connector-api";
import { configKeyInfoSchema, type ConfigKeyInfo } from "@/components/queries/validation";

/**
 * A plugin's config documentation (`GET /connector-plugins/{class}/config`), fetched only while
 * `enabled` (the plugins page asks when a plugin is expanded) and kept for five minutes, since
 * plugins change only with a worker restart. A plugin without a config definition rejects with
 * a 400 `ConnectApiError`; no retry then.
 */
export function usePluginConfig(className: string, enabled: boolean): UseQueryResult<ConfigKeyInfo[], Error> {
  return useQuery({
    queryKey: ["connect", "plugins", "config", className],
    queryFn: async ({ signal }) => z.array(configKeyInfoSchema).parse(await connectRequest(`/connector-plugins/${encodeURIComponent(className)}/config`, { signal })),
    enabled,
    staleTime: 5 * 60_000,
    retry: false,
  });
}
