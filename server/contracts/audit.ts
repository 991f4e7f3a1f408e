import { z } from "zod";
import { connectorConfigSchema } from "@/server/contracts/connect";

/**
 * The audit log and config history API (`/api/console/audit`, `/api/console/connectors/{name}/versions`),
 * shared by the route handlers and the console. Times are epoch milliseconds; configs are masked
 * (every secret value is `[hidden]`).
 */

/** What a secret value shows instead of itself in every answer, as Kafka's Password prints it. */
export const HIDDEN = "[hidden]";

/** How an audited request ended: 2xx ok, 4xx refused (bad input, not allowed, conflict), 5xx failed. */
export const AUDIT_OUTCOMES = ["ok", "refused", "failed"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** One audited request that asked for a change. */
export const auditEntrySchema = z.object({
  id: z.number(),
  at: z.number(),
  /** The user name; `anonymous` when login is off. */
  user: z.string(),
  /** How the caller proved who it is (`session`, `token`, `basic`), `none` without login. */
  via: z.string(),
  /** The client's address, "" when unknown. */
  address: z.string(),
  /** The endpoint's event name (`connector.pause`, `dlq.replay`). */
  event: z.string(),
  /** The connector, topic, user or replay job acted on; "" when none. */
  target: z.string(),
  status: z.number(),
  outcome: z.enum(AUDIT_OUTCOMES),
  /** For connector events that changed its config: the config before and after (null where none existed). */
  before: connectorConfigSchema.nullable(),
  after: connectorConfigSchema.nullable(),
  /** The refusal's or failure's message, when the answer had one. */
  detail: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

const timeParam = (what: string) =>
  z
    .string()
    .refine((text) => Number.isFinite(parseTime(text)), { error: `${what} must be epoch milliseconds or an ISO-8601 time` })
    .transform((text) => parseTime(text));

function parseTime(text: string): number {
  return /^\d+$/.test(text) ? Number(text) : Date.parse(text);
}

/** Filters of the audit log: exact user, event, target; `since` inclusive, `until` exclusive. */
export const auditFilterSchema = z
  .object({
    user: z.string().min(1).max(200).optional(),
    event: z.string().min(1).max(100).optional(),
    target: z.string().min(1).max(300).optional(),
    since: timeParam("since").optional(),
    until: timeParam("until").optional(),
  })
  .strict();
export type AuditFilter = z.output<typeof auditFilterSchema>;

/** `GET /api/console/audit`: a filter, then paging (newest first; `before` an entry id). */
export const auditQuerySchema = auditFilterSchema.extend({
  limit: z.coerce.number({ error: "limit must be a number" }).int({ error: "limit must be a whole number" }).min(1, { error: "limit is at least 1" }).max(500, { error: "limit is at most 500" }).default(50),
  before: z.coerce.number({ error: "before must be an entry id" }).int({ error: "before must be an entry id" }).min(1, { error: "before must be an entry id" }).optional(),
});
export type AuditQuery = z.output<typeof auditQuerySchema>;

/** One page of the audit log, newest first. */
export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  /** Pass as `before` for the next (older) page; null on the last page. */
  next: z.number().nullable(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

/** One version of a connector's config, as the versions list shows it. */
export const connectorVersionSummarySchema = z.object({
  version: z.number(),
  /** Who applied it; `unknown` for a config applied outside this console (another worker, the store). */
  user: z.string(),
  at: z.number(),
  /** `rolled back to v2`, or null. */
  note: z.string().nullable(),
  /** Keys added, removed or changed since the previous version (all keys for version 1). */
  changedKeys: z.number(),
});
export type ConnectorVersionSummary = z.infer<typeof connectorVersionSummarySchema>;

/** `GET /api/console/connectors/{name}/versions`: every version, newest first. */
export const connectorVersionsSchema = z.object({
  connector: z.string(),
  versions: z.array(connectorVersionSummarySchema),
});
export type ConnectorVersions = z.infer<typeof connectorVersionsSchema>;

/**
 * Query of `GET …/versions/{v}`: `against`, another version, marks each secret whose value differs
 * from that version's as `[hidden] (changed)`, so a comparison shows it changed without either value.
 */
export const connectorVersionQuerySchema = z
  .object({ against: z.string().regex(/^[1-9]\d{0,8}$/, { error: "against must be a version number" }).transform(Number).optional() })
  .strict();

/** `GET /api/console/connectors/{name}/versions/{v}`: one version with its masked config. */
export const connectorVersionSchema = connectorVersionSummarySchema.extend({
  connector: z.string(),
  config: connectorConfigSchema,
});
export type ConnectorVersion = z.infer<typeof connectorVersionSchema>;

/**
 * `POST /api/console/connectors/{name}/versions/{v}/rollback`: the version the rollback made
 * (`created` false when the connector's config already equalled version v, so none was made).
 */
export const rollbackResultSchema = z.object({
  connector: z.string(),
  version: z.number(),
  created: z.boolean(),
});
export type RollbackResult = z.infer<typeof rollbackResultSchema>;
