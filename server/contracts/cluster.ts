import { z } from "zod";

/**
 * Body of `GET /api/console/cluster`: the workers of the console's cluster in distributed mode,
 * each with the connectors and tasks the leader assigned it, and the leader's rebalance timeline
 * (`members` null outside distributed mode, or with `unavailable` saying why the leader could not
 * tell, e.g. during a rebalance).
 */
export const clusterSchema = z.object({
  members: z
    .array(
      z.object({
        memberId: z.string(),
        /** The root of the worker's Connect REST API. */
        url: z.string(),
        leader: z.boolean(),
        connectors: z.array(z.string()),
        tasks: z.array(z.object({ connector: z.string(), task: z.number() })),
      }),
    )
    .nullable(),
  /** The leader's recent generations that changed who runs what, newest first (empty after a leader change). */
  rebalances: z.array(
    z.object({
      generation: z.number(),
      at: z.number(),
      workers: z.number(),
      moves: z.array(
        z.object({
          connector: z.string(),
          task: z.number().optional(),
          from: z.string().nullable(),
          to: z.string().nullable(),
          unassignedMs: z.number().optional(),
        }),
      ),
    }),
  ),
  unavailable: z.string().optional(),
});

export type Cluster = z.infer<typeof clusterSchema>;
