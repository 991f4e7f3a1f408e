import { z } from "zod";
import { connectStateSchema } from "@/server/contracts/connect";
import { livePointSchema } from "@/server/contracts/metrics";

/** A `status` event of `GET /api/console/events`: a connector (task null) or task changed state. */
export const statusEventSchema = z.object({
  type: z.literal("status"),
  connector: z.string(),
  task: z.number().nullable(),
  state: connectStateSchema,
  workerId: z.string(),
  trace: z.string().optional(),
  at: z.number(),
});

export type StatusEvent = z.infer<typeof statusEventSchema>;

/** A `connector` event: a connector was created, updated or deleted; lists should reload. */
export const connectorEventSchema = z.object({
  type: z.literal("connector"),
  connector: z.string(),
  change: z.enum(["created", "updated", "deleted"]),
  at: z.number(),
});

export type ConnectorEvent = z.infer<typeof connectorEventSchema>;

/** A `metrics` event, once a second: the latest value of every metric series (see contracts/metrics.ts). */
export const metricsEventSchema = z.object({ type: z.literal("metrics"), at: z.number(), points: z.array(livePointSchema) });

export type MetricsEvent = z.infer<typeof metricsEventSchema>;
