import { z } from "zod";

/**
 * The transform playground (`POST /api/console/playground`): a connector config and sample
 * records in; each sample's trip through converters, transforms and predicates out. Samples are
 * given as Kafka text (key, value, headers), or taken from the newest records of a topic.
 */

const sampleSchema = z
  .object({
    topic: z.string().min(1).max(249).optional(),
    partition: z.number().int().min(0).optional(),
    offset: z.string().regex(/^\d+$/, { error: "offset is a decimal number" }).optional(),
    key: z.string().nullable().default(null),
    value: z.string().nullable().default(null),
    headers: z.array(z.object({ key: z.string(), value: z.string().nullable() }).strict()).max(100).optional(),
    timestamp: z.number().int().nullable().optional(),
  })
  .strict();

/** The request: `samples` (1 to 50), or `latest` records of `topic` (1 to 50), not both. */
export const playgroundRequestSchema = z
  .object({
    config: z.record(z.string(), z.string()).refine((config) => typeof config["connector.class"] === "string" && config["connector.class"] !== "", { error: "config must name its connector.class" }),
    samples: z.array(sampleSchema).min(1, { error: "give at least one sample" }).max(50, { error: "at most 50 samples" }).optional(),
    latest: z.object({ topic: z.string().min(1), count: z.number().int().min(1).max(50) }).strict().optional(),
  })
  .strict()
  .refine((body) => (body.samples === undefined) !== (body.latest === undefined), { error: "give either samples or latest, exactly one of them" });

const recordViewSchema = z.object({
  topic: z.string(),
  partition: z.number().nullable(),
  key: z.string().nullable(),
  keySchema: z.string().nullable(),
  value: z.string().nullable(),
  valueSchema: z.string().nullable(),
  headers: z.array(z.object({ key: z.string(), value: z.string().nullable() })),
  timestamp: z.number().nullable(),
});

const stepSchema = z.object({
  stage: z.string(),
  className: z.string(),
  alias: z.string().optional(),
  predicate: z.object({ alias: z.string(), className: z.string(), matched: z.boolean(), negate: z.boolean() }).optional(),
  applied: z.boolean(),
  output: recordViewSchema.optional(),
  bytes: z.string().nullable().optional(),
  dropped: z.boolean().optional(),
  error: z.object({ exceptionClass: z.string(), message: z.string() }).optional(),
});

/** The answer: the samples that were run, each with its steps and outcome. */
export const playgroundResponseSchema = z.object({
  kind: z.enum(["source", "sink"]),
  results: z.array(
    z.object({
      sample: sampleSchema,
      steps: z.array(stepSchema),
      outcome: z.enum(["delivered", "dropped", "failed"]),
      final: recordViewSchema.optional(),
    }),
  ),
});

export type PlaygroundRequest = z.input<typeof playgroundRequestSchema>;
export type PlaygroundSample = z.output<typeof sampleSchema>;
export type PlaygroundResponse = z.infer<typeof playgroundResponseSchema>;
export type PlaygroundStep = z.infer<typeof stepSchema>;
