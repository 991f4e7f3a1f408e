import { z } from "zod";
import { offsetSchema, payloadViewSchema } from "@/server/contracts/dlq";

/**
 * The topic browser's API (`/api/console/topics/**`), shared by the route handlers and the
 * console: any topic's records, newest first or from an offset or a time, decoded, searched.
 * Offsets travel as decimal strings (64-bit); times are epoch milliseconds.
 */

/** One topic of the cluster, as the topics list shows it. */
export const topicSummarySchema = z.object({
  name: z.string(),
  partitions: z.number(),
  /** Records in the topic now: the sum over its partitions of high − low watermark. */
  records: z.number(),
  /** Kafka's own (`__consumer_offsets`, `__transaction_state`, …): names starting with `__`. */
  internal: z.boolean(),
});

/** `GET /api/console/topics`: every topic of the cluster, by name. */
export const topicListSchema = z.object({ topics: z.array(topicSummarySchema) });

/** Where reading starts: the newest records (read backwards), the oldest, an offset, or a time. */
export const browseStarts = ["newest", "oldest", "offset", "time"] as const;

/** How keys, values and headers are shown: detected (JSON, text, else hex), or forced. */
export const payloadFormats = ["auto", "json", "text", "hex"] as const;

/** A position per partition to carry on from: `<partition>:<offset>` pairs, comma-separated. */
export const cursorSchema = z.string().regex(/^\d{1,9}:\d{1,19}(,\d{1,9}:\d{1,19})*$/, { error: "expected cursor as <partition>:<offset>, comma-separated" });

const wholeNumber = (what: string, max: number) =>
  z.coerce.number({ error: `expected ${what} as a number` }).int({ error: `expected ${what} as a whole number` }).min(0, { error: `${what} cannot be negative` }).max(max, { error: `${what} is at most ${max}` });

/**
 * The query of `GET /api/console/topics/{topic}/records`: `start` (default newest), `partition`
 * (default all), `offset` (with `start=offset`), `time` (epoch ms, with `start=time`), `q` (words
 * that must all appear in the key, value or a header, case-insensitive), `format`, `limit`
 * (1–200, default 50) and `cursor` (the previous page's `next`). Unknown parameters are refused.
 */
export const topicRecordQuerySchema = z
  .strictObject({
    start: z.enum(browseStarts, { error: `start must be one of ${browseStarts.join(", ")}` }).default("newest"),
    partition: wholeNumber("partition", 1_000_000).optional(),
    offset: offsetSchema.optional(),
    time: wholeNumber("time", 8_640_000_000_000_000).optional(),
    q: z.string().max(200, { error: "q is at most 200 characters" }).optional(),
    format: z.enum(payloadFormats, { error: `format must be one of ${payloadFormats.join(", ")}` }).default("auto"),
    limit: wholeNumber("limit", 200).min(1, { error: "limit is at least 1" }).default(50),
    cursor: cursorSchema.optional(),
  })
  .superRefine((query, ctx) => {
    if (query.start === "offset" && query.offset === undefined) ctx.addIssue({ code: "custom", path: ["offset"], message: "start=offset needs offset=<n>" });
    if (query.start === "time" && query.time === undefined) ctx.addIssue({ code: "custom", path: ["time"], message: "start=time needs time=<epoch ms>" });
  });

/** A validated records query. */
export type TopicRecordQuery = z.output<typeof topicRecordQuerySchema>;

/** One header of a record, decoded. */
export const browsedHeaderSchema = z.object({ key: z.string(), value: payloadViewSchema });

/** One record of a topic, decoded. */
export const browsedRecordSchema = z.object({
  partition: z.number(),
  offset: offsetSchema,
  timestamp: z.number(),
  timestampType: z.enum(["CreateTime", "LogAppendTime", "NoTimestampType"]),
  key: payloadViewSchema,
  value: payloadViewSchema,
  headers: z.array(browsedHeaderSchema),
});

/**
 * `GET /api/console/topics/{topic}/records`: a page of records (newest first for `start=newest`,
 * else oldest first from the start point), the partitions' watermarks, how many records were
 * read to find them, and `next`, the cursor of the following page (null when there is no more).
 */
export const topicRecordPageSchema = z.object({
  topic: z.string(),
  partitions: z.array(z.object({ partition: z.number(), low: offsetSchema, high: offsetSchema })),
  records: z.array(browsedRecordSchema),
  /** Records read to answer (more than returned when a search skips some). */
  scanned: z.number(),
  /** True when a search stopped at the read limit before filling the page: `next` carries on. */
  scanLimited: z.boolean(),
  next: cursorSchema.nullable(),
});

export type TopicSummary = z.infer<typeof topicSummarySchema>;
export type TopicList = z.infer<typeof topicListSchema>;
export type BrowsedRecord = z.infer<typeof browsedRecordSchema>;
export type TopicRecordPage = z.infer<typeof topicRecordPageSchema>;
export type PayloadFormat = (typeof payloadFormats)[number];
export type BrowseStart = (typeof browseStarts)[number];
