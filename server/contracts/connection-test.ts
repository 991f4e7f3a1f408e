import { z } from "zod";

/**
 * The console's "test connection" (`POST /api/console/connection-test`): a candidate connector
 * config in; whether the connector could reach its external system out, in one sentence.
 */
export const connectionTestRequestSchema = z
  .object({
    config: z.record(z.string(), z.string()).refine((config) => typeof config["connector.class"] === "string" && config["connector.class"] !== "", { error: "config must name its connector.class" }),
  })
  .strict();

/** `supported` false: the connector offers no connection test (then `ok` is false too). */
export const connectionTestResponseSchema = z.object({ supported: z.boolean(), ok: z.boolean(), message: z.string() });

/** The request body. */
export type ConnectionTestRequest = z.infer<typeof connectionTestRequestSchema>;
/** The answer. */
export type ConnectionTestResult = z.infer<typeof connectionTestResponseSchema>;
