"use client";

import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import { consoleRequest } from "@/components/queries/console-api";
import { clusterSchema, type Cluster } from "@/server/contracts/cluster";

/** The cluster's members and their work (`GET /api/console/cluster`), re-read every 5 s. */
export function useCluster(): UseQueryResult<Cluster, Error> {
  return useQuery({
    queryKey: ["console", "cluster"],
    queryFn: async ({ signal }) => clusterSchema.parse(await consoleRequest("/cluster", signal)),
    refetchInterval: 5_000,
  });
}
