import { z } from "zod";

/**
 * Body of `GET /api/console/health`, shared by the route handler and the console's status
 * indicator. `status` is derived: "starting" until the runtime is ready, "degraded" when the
 * runtime is ready but Kafka cannot be reached, "ok" otherwise.
 */
export const healthSchema = z.object({
  status: z.enum(["ok", "starting", "degraded"]),
  kafka: z.object({
    reachable: z.boolean(),
    bootstrap: z.string(),
    clusterId: z.string().nullable(),
    /** Why the last probe failed, when it failed; never contains credentials. */
    error: z.string().optional(),
    /** Epoch ms of the last completed probe, or null before the first one. */
    checkedAt: z.number().nullable(),
  }),
  runtime: z.object({
    mode: z.enum(["embedded", "standalone", "distributed"]),
    ready: z.boolean(),
    /** Kafka Connect's worker id: the advertised `host:port` of the REST listener. */
    workerId: z.string(),
    /** Unique per runtime instance; a second start in one process would show a new one. */
    instance: z.string(),
    startedAt: z.number(),
  }),
  version: z.string(),
});

/** The health document as the API returns it and the UI reads it. */
export type Health = z.infer<typeof healthSchema>;
