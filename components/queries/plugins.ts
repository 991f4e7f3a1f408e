"use client";

import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import { z } from "zod";
import { connectRequest } from "@/components/queries/connector-api";

/**
 * One item of `GET /connector-plugins` (Kafka Connect's PluginInfo). `type` is one of `source`,
 * `sink`, `converter`, `header_converter`, `transformation`, `predicate`, kept as a string so a
 * worker that lists another kind still parses. `description` is Tributary's own optional field.
 */
export const pluginInfoSchema = z.object({
  class: z.string(),
  type: z.string(),
  version: z.string().optional(),
  description: z.string().optional(),
});

/** A plugin installed on the worker, as listed by `GET /connector-plugins?connectorsOnly=false`. */
export type PluginInfo = z.infer<typeof pluginInfoSchema>;

/** React Query key of every installed plugin, all kinds. */
export const pluginsQueryKey = ["connect", "plugins", "all"] as const;

/**
 * Every installed plugin of every kind (`GET /connector-plugins?connectorsOnly=false`), in
 * Kafka's order (sinks, sources, transformations, predicates, converters, header converters).
 * Plugins only change when a worker restarts, so the answer is kept for five minutes.
 */
export function usePlugins(): UseQueryResult<PluginInfo[], Error> {
  return useQuery({
    queryKey: pluginsQueryKey,
    queryFn: async ({ signal }) => z.array(pluginInfoSchema).parse(await connectRequest("/connector-plugins?connectorsOnly=false", { signal })),
    staleTime: 5 * 60_000,
  });
}
