"use client";

import { useEffect, useMemo, useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { connectRequest } from "@/components/queries/connector-api";

/** Kafka Connect's ConfigKeyInfo: one key of a plugin's ConfigDef (`order` is the order in its group). */
export const configKeyInfoSchema = z.object({
  name: z.string(),
  type: z.string(),
  required: z.boolean(),
  default_value: z.string().nullable(),
  importance: z.string(),
  documentation: z.string().nullable(),
  group: z.string().nullable(),
  order: z.number(),
  width: z.string(),
  display_name: z.string().nullable(),
  dependents: z.array(z.string()),
});

/** Kafka Connect's ConfigValueInfo: one validated value; PASSWORD values come back as `[hidden]`. */
export const configValueInfoSchema = z.object({
  name: z.string(),
  value: z.string().nullable(),
  recommended_values: z.array(z.string()),
  errors: z.array(z.string()),
  visible: z.boolean(),
});

/** Kafka Connect's ConfigInfos: the body of `PUT /connector-plugins/{p}/config/validate` (200 even with errors). */
export const configInfosSchema = z.object({
  name: z.string(),
  error_count: z.number(),
  groups: z.array(z.string()),
  configs: z.array(z.object({ definition: configKeyInfoSchema.nullable(), value: configValueInfoSchema })),
});

export type ConfigKeyInfo = z.infer<typeof configKeyInfoSchema>;
export type ConfigValueInfo = z.infer<typeof configValueInfoSchema>;
export type ConfigInfos = z.infer<typeof configInfosSchema>;

/** How long the config must stay unchanged before it is sent for validation. */
export const VALIDATE_DEBOUNCE_MS = 300;

/**
 * Validates `config` with `PUT /connector-plugins/{connector.class}/config/validate`. The path
 * names the plugin exactly as the config does, so the API's cross-check always passes. Rejects
 * with the API's message when the config names no class or an unknown one (400).
 */
export async function validateConnectorConfig(config: Readonly<Record<string, string>>, signal?: AbortSignal): Promise<ConfigInfos> {
  const plugin = encodeURIComponent(config["connector.class"] ?? "");
  return configInfosSchema.parse(await connectRequest(`/connector-plugins/${plugin}/config/validate`, { method: "PUT", body: config, signal }));
}

/** What `useConfigValidation` knows about the config being edited. */
export interface ConfigValidation {
  /** The latest answer for this connector class; while a newer config is being checked it still describes an earlier one. */
  infos: ConfigInfos | undefined;
  /** True when `infos` describes exactly the config passed in, so its errors can gate an action. */
  current: boolean;
  /** True while the config is waiting out the debounce or being validated. */
  checking: boolean;
  /** Why the latest check failed (an unknown connector class, the API unreachable), else null. */
  error: Error | null;
}

/**
 * Server-side validation while the user types: `config` is sent once it has stayed unchanged for
 * `VALIDATE_DEBOUNCE_MS` and names a `connector.class`. Each config is its own query, so an
 * answer to an older config never replaces the current one's; until the current answer arrives
 * the previous one stays shown (`current` false), unless it was for another connector class.
 */
export function useConfigValidation(config: Readonly<Record<string, string>>): ConfigValidation {
  const serialized = JSON.stringify(config);
  const [settled, setSettled] = useState(serialized);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(serialized), VALIDATE_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [serialized]);
  const checked = useMemo(() => JSON.parse(settled) as Record<string, string>, [settled]);
  const query = useQuery({
    queryKey: ["connect", "validate", settled],
    queryFn: ({ signal }) => validateConnectorConfig(checked, signal),
    enabled: Boolean(checked["connector.class"]),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    retry: false,
  });
  const settledNow = settled === serialized;
  const samePlugin = query.data !== undefined && query.data.name === config["connector.class"];
  return {
    infos: samePlugin ? query.data : undefined,
    current: settledNow && query.isSuccess && !query.isPlaceholderData,
    checking: Boolean(config["connector.class"]) && (!settledNow || query.isFetching),
    error: settledNow ? query.error : null,
  };
}
