import * as configDef from "@/server/plugins/api/config-def";
import { SinkConnector, SourceConnector } from "@/server/plugins/api/connector";
import { Schema } from "@/server/plugins/api/data/schema";
import { SchemaBuilder } from "@/server/plugins/api/data/schema-builder";
import { Struct } from "@/server/plugins/api/data/struct";
import { ConnectDate, Decimal, Time, Timestamp } from "@/server/plugins/api/data/logical-types";
import { DataException } from "@/server/plugins/api/data/errors";
import { Headers } from "@/server/plugins/api/headers";
import { SinkRecord, SourceRecord } from "@/server/plugins/api/records";
import { SinkTask, SourceTask } from "@/server/plugins/api/task";
import { TributaryError } from "@/server/errors/tributary-error";

/** Thrown by a plugin for a failure that may pass if retried (Kafka Connect's RetriableException). */
export class RetriableException extends TributaryError {
  override name = "RetriableException";

  constructor(message: string, options: { cause?: unknown } = {}) {
    super("connect.retriable", message, { retriable: true, cause: options.cause });
  }
}

/** Thrown by a plugin for a failure that will not pass by itself (Kafka Connect's ConnectException). */
export class ConnectException extends TributaryError {
  override name = "ConnectException";

  constructor(message: string, options: { cause?: unknown } = {}) {
    super("connect.error", message, { cause: options.cause });
  }
}

/**
 * Everything a plugin loaded from `plugin.path` builds on, handed to the plugin's factory
 * (`export default function (api) { … }`). Plugins are plain JavaScript modules and get the
 * runtime's own classes this way, so they need no build step, no dependency on Tributary's
 * sources, and `instanceof` checks hold. See docs/writing-a-plugin.md.
 */
export const PLUGIN_API = Object.freeze({
  ...configDef,
  SourceConnector,
  SinkConnector,
  SourceTask,
  SinkTask,
  SourceRecord,
  SinkRecord,
  Headers,
  Schema,
  SchemaBuilder,
  Struct,
  Decimal,
  Date: ConnectDate,
  Time,
  Timestamp,
  DataException,
  ConnectException,
  RetriableException,
});

/** The type of PLUGIN_API, for plugins written in TypeScript. */
export type PluginApi = typeof PLUGIN_API;
