import { z } from "zod";

/**
 * `GET /api/console/connectors/notices`: what a connector's status cannot say, by connector
 * (connectors without any are left out). Today: a FileStreamSource whose file does not exist yet
 * runs and looks healthy while it waits for the file.
 */
export const connectorNoticesSchema = z.object({
  notices: z.record(z.string(), z.array(z.object({ code: z.enum(["file.missing"]), message: z.string() }))),
});

export type ConnectorNotices = z.infer<typeof connectorNoticesSchema>;
