import { z } from "zod";
import { statusEventSchema } from "@/server/contracts/events";

/**
 * `GET /api/console/connectors/{name}/changes`: the connector's recent status changes (its own and
 * its tasks'), oldest first, as the event stream carried them. Kept in memory by the worker that
 * answers (the last 50), so the list starts empty after a restart.
 */
export const connectorChangesSchema = z.object({
  connector: z.string(),
  changes: z.array(statusEventSchema),
});

export type ConnectorChanges = z.infer<typeof connectorChangesSchema>;
