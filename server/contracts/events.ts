import { z } from "zod";
import { connectStateSchema } from "@/server/contracts/connect";

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
