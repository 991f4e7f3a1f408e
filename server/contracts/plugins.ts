import { z } from "zod";

/** Plugin kinds as `GET /connector-plugins?connectorsOnly=false` names them. */
export const pluginTypeSchema = z.enum(["source", "sink", "converter", "header_converter", "transformation", "predicate"]);

/** Kafka Connect's PluginInfo: one item of `GET /connector-plugins`. */
export const pluginInfoSchema = z.object({
  class: z.string(),
  type: pluginTypeSchema,
  version: z.string().optional(),
});

/** Kafka Connect's ConfigKeyInfo: one item of `GET /connector-plugins/{p}/config`. */
export const configKeyInfoSchema = z.object({
  name: z.string(),
  type: z.string(),
  required: z.boolean(),
  default_value: z.string().nullable(),
  importance: z.string(),
  documentation: z.string().nullable(),
  group: z.string().nullable(),
  order: z.number(),
  width: z.string(),
  display_name: z.string(),
  dependents: z.array(z.string()),
});

export type PluginType = z.infer<typeof pluginTypeSchema>;
export type PluginInfo = z.infer<typeof pluginInfoSchema>;
export type ConfigKeyInfo = z.infer<typeof configKeyInfoSchema>;
