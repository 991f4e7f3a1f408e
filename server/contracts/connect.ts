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

export type ConnectorStateInfo = z.infer<typeof connectorStateInfoSchema>;
export type ConnectorInfo = z.infer<typeof connectorInfoSchema>;
export type ExpandedConnectors = z.infer<typeof expandedConnectorsSchema>;
