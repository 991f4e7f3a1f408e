import { z } from "zod";

/** Observed states of a connector or task, as Kafka Connect reports them. */
export const connectStateSchema = z.enum(["UNASSIGNED", "RUNNING", "PAUSED", "STOPPED", "FAILED", "RESTARTING"]);

const instanceStateSchema = z.object({ state: connectStateSchema, worker_id: z.string(), trace: z.string().optional() });

/** Kafka Connect's ConnectorStateInfo (`/connectors/{c}/status`). */
export const connectorStateInfoSchema = z.object({
  name: z.string(),
  connector: instanceStateSchema,
  tasks: z.array(instanceStateSchema.extend({ id: z.number() })),
  type: z.enum(["source", "sink", "unknown"]),
});

/** Kafka Connect's ConnectorInfo (`/connectors/{c}`). */
export const connectorInfoSchema = z.object({
  name: z.string(),
  config: z.record(z.string(), z.string()),
  tasks: z.array(z.object({ connector: z.string(), task: z.number() })),
  type: z.enum(["source", "sink", "unknown"]),
});

/** `GET /connectors?expand=status&expand=info`. */
export const expandedConnectorsSchema = z.record(
  z.string(),
  z.object({ status: connectorStateInfoSchema.optional(), info: connectorInfoSchema.optional() }),
);

/** `GET /connectors/{c}/config`: the connector's config as submitted, every value a string. */
export const connectorConfigSchema = z.record(z.string(), z.string());

/** `GET /connectors/{c}/topics`: `{"<c>": {"topics": [...]}}`, the topics the connector has used since its last reset. */
export const connectorTopicsSchema = z.record(z.string(), z.object({ topics: z.array(z.string()) }));

/** The body of every Kafka Connect REST error: `{"error_code": <HTTP status>, "message": "..."}`. */
export const connectErrorSchema = z.object({ error_code: z.number(), message: z.string() });

export type ConnectorStateInfo = z.infer<typeof connectorStateInfoSchema>;
export type ConnectorInfo = z.infer<typeof connectorInfoSchema>;
export type ExpandedConnectors = z.infer<typeof expandedConnectorsSchema>;
export type ConnectorConfig = z.infer<typeof connectorConfigSchema>;
