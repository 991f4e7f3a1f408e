import { z } from "zod";
import { CommandError } from "@/server/cli/connectors/command-errors";

/** Kafka Connect's `GET /connectors/{c}/offsets` body; partitions and offsets are free-form maps. */
export const offsetsSchema = z.object({
  offsets: z.array(z.object({ partition: z.record(z.string(), z.unknown()), offset: z.record(z.string(), z.unknown()).nullable() })),
});

/** Kafka Connect's `GET /connector-plugins` body (PluginInfo items; `version` may be left out). */
export const pluginsSchema = z.array(z.object({ class: z.string(), type: z.string(), version: z.string().optional() }));

export type Offsets = z.infer<typeof offsetsSchema>;
export type PluginInfo = z.infer<typeof pluginsSchema>[number];

/**
 * Checks an API body against the entity the table formatter reads, so a worker answering
 * something else fails with one line (CommandError naming `what`) instead of a crash mid-table.
 * Only the table output calls it: `--output json` prints whatever the API answered.
 */
export function expectBody<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const at = issue.path.length > 0 ? ` at ${issue.path.join(".")}` : "";
  throw new CommandError(`unexpected answer to ${what}${at}: ${issue.message}`);
}
