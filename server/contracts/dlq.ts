import { z } from "zod";

/**
 * Bodies and query parameters of the DLQ inbox API (`/api/console/dlq/**`), shared by the route
 * handlers and the console. Offsets travel as decimal strings (they are 64-bit); times are epoch
 * milliseconds.
 */

/** A decimal Kafka offset. */
export const offsetSchema = z.string().regex(/^\d{1,19}$/, { error: "expected an offset: a decimal number" });

/** A Kafka topic name as Kafka accepts it. */
export const topicNameSchema = z
  .string()
  .min(1, { error: "expected a topic name" })
  .max(249, { error: "a topic name has at most 249 characters" })
  .regex(/^[a-zA-Z0-9._-]+$/, { error: "a topic name uses only letters, digits, '.', '_' and '-'" })
  .refine((name) => name !== "." && name !== "..", { error: "'.' and '..' are not topic names" });

/** A connector that sends its failures to a DLQ topic, and how it is configured to. */
export const dlqConnectorSchema = z.object({
  name: z.string(),
  /** `errors.tolerance`: with `none` the task fails on the first error and nothing reaches the DLQ. */
  tolerance: z.string(),
  /** `errors.deadletterqueue.context.headers.enable`: without it the records carry no `__connect.errors.*` headers. */
  contextHeaders: z.boolean(),
});

/** One DLQ topic: a topic some connector names (or once named) in `errors.deadletterqueue.topic.name`, or one opened by name. */
export const dlqTopicSchema = z.object({
  topic: z.string(),
  connectors: z.array(dlqConnectorSchema),
  /** False until the first failure creates it. */
  exists: z.boolean(),
  /** Records in the topic now: the sum over its partitions of high − low watermark. */
  records: z.number(),
  partitions: z.array(z.object({ partition: z.number(), low: offsetSchema, high: offsetSchema })),
  /** True when no connector names it any more but one once did (deleted, or pointed elsewhere). */
  orphaned: z.boolean(),
  /** For an orphaned topic: the connectors that last named it. */
  formerConnectors: z.array(z.string()),
});

/** `GET /api/console/dlq/topics`: every DLQ topic named by a connector config, by name. */
export const dlqTopicsSchema = z.object({ topics: z.array(dlqTopicSchema) });

/** How a key or value is shown: pretty JSON, UTF-8 text, or hex when it is neither. */
export const payloadViewSchema = z.object({
  format: z.enum(["json", "text", "hex", "null"]),
  text: z.string(),
  /** Size of the original bytes. */
  bytes: z.number(),
  /** Whether `text` was cut (a preview, or a very large payload). */
  truncated: z.boolean(),
});

/** What the `__connect.errors.*` headers (and Tributary's source-connector headers) of a DLQ record say. */
export const dlqErrorContextSchema = z.object({
  /** False for a record without any `__connect.errors.*` header (context headers disabled). */
  hasContextHeaders: z.boolean(),
  /** "source" for Tributary's source-connector DLQ records, "sink" for Kafka Connect's, null without headers. */
  origin: z.enum(["sink", "source"]).nullable(),
  /** Where the record came from (a sink's input) or was meant to go (a source's topic). */
  original: z.object({ topic: z.string().nullable(), partition: z.number().nullable(), offset: offsetSchema.nullable() }),
  /** A source record's partition and offset as JSON text (source DLQ records only). */
  sourcePartition: z.string().nullable(),
  sourceOffset: z.string().nullable(),
  connector: z.string().nullable(),
  task: z.number().nullable(),
  /** Kafka Connect's stage, e.g. `VALUE_CONVERTER`. */
  stage: z.string().nullable(),
  /** The class that was running (the converter, transformation or task class). */
  className: z.string().nullable(),
  exceptionClass: z.string().nullable(),
  exceptionMessage: z.string().nullable(),
  /** When it failed (epoch ms), from Tributary's `__tributary.errors.timestamp`; null in records Apache Kafka Connect wrote. */
  failedAt: z.number().nullable(),
});

/** The mark of a record the console replayed. */
export const replayMarkSchema = z.object({
  at: z.number(),
  targetTopic: z.string(),
  /** -1 when the producer could not tell. */
  targetPartition: z.number(),
  targetOffset: z.string(),
  edited: z.boolean(),
  jobId: z.string(),
});

/** A DLQ record as the inbox table lists it: coordinates, error, previews. */
export const dlqRecordRowSchema = z.object({
  partition: z.number(),
  offset: offsetSchema,
  timestamp: z.number(),
  /** The id of its error group (see dlqGroupSchema). */
  signature: z.string(),
  /** The error; `exceptionMessage` cut to a few hundred characters. */
  context: dlqErrorContextSchema,
  key: payloadViewSchema,
  value: payloadViewSchema,
  replayed: replayMarkSchema.nullable(),
});

/** Which part of a DLQ topic the inbox has read: all of it unless it holds more than the inbox indexes. */
export const dlqCoverageSchema = z.object({
  /** Records in the topic (high − low watermarks). */
  total: z.number(),
  /** Records the inbox has read (the newest, when the topic is larger than it reads). */
  indexed: z.number(),
  /** Records of the index that match the filter. */
  matched: z.number(),
});

/** `GET …/topics/{topic}/records`: one page, newest first. */
export const dlqRecordPageSchema = dlqCoverageSchema.extend({
  topic: z.string(),
  exists: z.boolean(),
  records: z.array(dlqRecordRowSchema),
  /** Pass as `before` for the next (older) page; null on the last page. */
  next: offsetSchema.nullable(),
});

/** A header of a record, decoded. */
export const dlqHeaderSchema = z.object({ key: z.string(), value: payloadViewSchema });

/** `GET …/topics/{topic}/records/{partition}/{offset}`: one record in full. */
export const dlqRecordDetailSchema = dlqRecordRowSchema.extend({
  timestampType: z.enum(["CreateTime", "LogAppendTime", "NoTimestampType"]),
  /** `__connect.errors.exception.stacktrace`, when present. */
  stacktrace: z.string().nullable(),
  headers: z.array(dlqHeaderSchema),
  /** Key and value as UTF-8 text, for editing before a replay; null when they are not text. */
  keyText: z.string().nullable(),
  valueText: z.string().nullable(),
});

/** One error signature: exception class + stage + message with numbers, ids and quoted values taken out. */
export const dlqGroupSchema = z.object({
  signature: z.string(),
  exceptionClass: z.string().nullable(),
  stage: z.string().nullable(),
  /** The normalized message, e.g. `Unexpected token <s> at position <n>`. */
  template: z.string().nullable(),
  /** One real message of the group. */
  example: z.string().nullable(),
  count: z.number(),
  replayed: z.number(),
  firstTimestamp: z.number(),
  lastTimestamp: z.number(),
  /** The newest failure time of the group's records that carry one (`context.failedAt`); null when none does. */
  lastFailedAt: z.number().nullable(),
  connectors: z.array(z.string()),
});

/** `GET …/topics/{topic}/groups`: the failures grouped by signature, largest group first. */
export const dlqGroupsSchema = dlqCoverageSchema.extend({ topic: z.string(), groups: z.array(dlqGroupSchema) });

const intParam = (what: string) => z.coerce.number({ error: `expected ${what} as a number` }).int({ error: `expected ${what} as a whole number` }).min(0, { error: `${what} cannot be negative` });

/** Which records of a DLQ topic: every field narrows, none means all of them. */
export const dlqFilterSchema = z
  .object({
    errorClass: z.string().min(1).optional(),
    stage: z.string().min(1).optional(),
    signature: z.string().min(1).optional(),
    partition: intParam("partition").optional(),
    /** Record timestamps from (inclusive) and to (exclusive), epoch ms. */
    from: intParam("from").optional(),
    to: intParam("to").optional(),
    /** true: only records already replayed; false: only the others. */
    replayed: z.enum(["true", "false"], { error: "replayed is true or false" }).transform((v) => v === "true").optional(),
  })
  .strict();

/** Query of the records endpoint: a filter, then paging (`before` an offset, `limit` rows). */
export const dlqRecordQuerySchema = dlqFilterSchema.extend({
  before: offsetSchema.optional(),
  limit: z.coerce.number().int().min(1, { error: "limit is at least 1" }).max(500, { error: "limit is at most 500" }).default(50),
});

/** A record by its DLQ coordinates. */
export const dlqCoordinatesSchema = z.object({ partition: z.number().int().min(0), offset: offsetSchema }).strict();

/** `POST …/topics/{topic}/replay`: the records (a list, or a filter), where to, how fast, and an optional edit. */
export const replayRequestSchema = z
  .object({
    records: z.array(dlqCoordinatesSchema).min(1, { error: "name at least one record" }).max(10_000, { error: "at most 10,000 records per list; use a filter for more" }).optional(),
    filter: dlqFilterSchema.optional(),
    /** Default: each record's original topic (`__connect.errors.topic`). */
    targetTopic: topicNameSchema.optional(),
    recordsPerSecond: z.number().int().min(1, { error: "recordsPerSecond is at least 1" }).max(100_000, { error: "recordsPerSecond is at most 100,000" }).default(500),
    /** Replaces the key and/or value (UTF-8 text; null for none) of a single record before it is sent. */
    edit: z.object({ key: z.string().nullable().optional(), value: z.string().nullable().optional() }).strict().optional(),
  })
  .strict()
  .refine((body) => (body.records === undefined) !== (body.filter === undefined), { error: "give either records or filter" })
  .refine((body) => !body.edit || body.records?.length === 1, { error: "edit applies to exactly one record" });

/** A record a replay did not deliver, and why. */
export const undeliveredSchema = z.object({ partition: z.number(), offset: offsetSchema, reason: z.string() });

/** A replay job: what it was asked, how far it got. Jobs live in the console's memory. */
export const replayJobSchema = z.object({
  id: z.string(),
  topic: z.string(),
  /** The target topic override, or null for each record's original topic. */
  targetTopic: z.string().nullable(),
  state: z.enum(["running", "succeeded", "failed", "cancelled"]),
  recordsPerSecond: z.number(),
  total: z.number(),
  replayed: z.number(),
  /** Already replayed before, so not sent again. */
  skipped: z.number(),
  /** Not delivered: failed, missing from the topic, or never attempted after a failure. */
  failed: z.number(),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  /** One sentence for people: what happened. */
  message: z.string(),
  /** The records that did not go, with the reason (the first 1,000). */
  undelivered: z.array(undeliveredSchema),
});

/** `GET /api/console/dlq/replays`: recent replay jobs, newest first. */
export const replayJobsSchema = z.object({ jobs: z.array(replayJobSchema) });

/** `POST …/topics/{topic}/purge`: delete a partition's records before an offset; `confirm` repeats the topic name. */
export const purgeRequestSchema = z
  .object({ partition: z.number().int().min(0), before: offsetSchema, confirm: z.string() })
  .strict();

/** The answer to a purge: the partition's new log start and how many records went. */
export const purgeResultSchema = z.object({ topic: z.string(), partition: z.number(), low: offsetSchema, deleted: z.number() });

export type DlqTopic = z.infer<typeof dlqTopicSchema>;
export type DlqTopics = z.infer<typeof dlqTopicsSchema>;
export type DlqConnector = z.infer<typeof dlqConnectorSchema>;
export type PayloadView = z.infer<typeof payloadViewSchema>;
export type DlqErrorContext = z.infer<typeof dlqErrorContextSchema>;
export type ReplayMark = z.infer<typeof replayMarkSchema>;
export type DlqRecordRow = z.infer<typeof dlqRecordRowSchema>;
export type DlqRecordPage = z.infer<typeof dlqRecordPageSchema>;
export type DlqRecordDetail = z.infer<typeof dlqRecordDetailSchema>;
export type DlqGroup = z.infer<typeof dlqGroupSchema>;
export type DlqGroups = z.infer<typeof dlqGroupsSchema>;
export type DlqFilter = z.output<typeof dlqFilterSchema>;
export type DlqRecordQuery = z.output<typeof dlqRecordQuerySchema>;
export type DlqCoordinates = z.infer<typeof dlqCoordinatesSchema>;
export type ReplayRequest = z.output<typeof replayRequestSchema>;
export type ReplayJob = z.infer<typeof replayJobSchema>;
export type ReplayJobs = z.infer<typeof replayJobsSchema>;
export type PurgeRequest = z.infer<typeof purgeRequestSchema>;
export type PurgeResult = z.infer<typeof purgeResultSchema>;
