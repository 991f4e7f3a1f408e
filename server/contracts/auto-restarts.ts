import { z } from "zod";

/** What became of an automatic restart (see server/runtime/herder/auto-restart.ts). */
export const autoRestartOutcomeSchema = z.enum(["scheduled", "restarting", "running", "failed", "cancelled", "error", "gave_up"]);

/** One automatic restart (or a give-up, `outcome: "gave_up"`, whose `attempt` is how many were made). */
export const autoRestartAttemptSchema = z.object({
  /** When the failure was seen, epoch ms. */
  at: z.number(),
  /** The task, or null for the connector instance. */
  task: z.number().int().nullable(),
  attempt: z.number().int(),
  delayMs: z.number(),
  /** When the restart is (or was) due, epoch ms. */
  dueAt: z.number(),
  /** The first line of the FAILED status's trace. */
  error: z.string(),
  /** The trace's first lines. */
  trace: z.string(),
  outcome: autoRestartOutcomeSchema,
  detail: z.string().optional(),
});

/**
 * `GET /api/console/connectors/{name}/restarts`: the connector's auto-restart policy (from its
 * config), the restarts pending on this worker and its last attempts, newest first. Kept in
 * memory by the worker that made them (the last 50 per connector), so the list starts empty
 * after a restart, and in a cluster it shows what the answering worker did.
 */
export const autoRestartsSchema = z.object({
  connector: z.string(),
  policy: z.object({
    enabled: z.boolean(),
    maxAttempts: z.number().int(),
    backoffInitialMs: z.number(),
    backoffMaxMs: z.number(),
  }),
  pending: z.array(z.object({ task: z.number().int().nullable(), attempt: z.number().int(), dueAt: z.number() })),
  attempts: z.array(autoRestartAttemptSchema),
});

export type AutoRestarts = z.infer<typeof autoRestartsSchema>;
export type AutoRestartAttemptView = z.infer<typeof autoRestartAttemptSchema>;
