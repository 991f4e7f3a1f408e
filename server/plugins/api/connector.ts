import type { ConfigDef } from "@/server/plugins/api/config-def";
import type { ConfigValue } from "@/server/plugins/api/config-def";
import type { OffsetMap } from "@/server/plugins/api/offsets";
import type { SinkTask, SourceTask } from "@/server/plugins/api/task";

/** What the runtime offers a connector instance (Kafka Connect's `ConnectorContext`). */
export interface ConnectorContext {
  /** Asks the runtime to call `taskConfigs` again, e.g. when the source's tables changed. */
  requestTaskReconfiguration(): void;
  /** Fails the connector with this error; the status becomes FAILED with its trace. */
  raiseError(error: Error): void;
}

/** What a connector's `testConnection` found: one sentence for the user (what it reached). */
export interface ConnectionCheck {
  message: string;
}

/** A task class, as connectors name it in `taskClass()`. */
export type TaskClass<T> = (new () => T) & { readonly className?: string };

/**
 * The contract every connector plugin implements, as in Kafka Connect: the runtime instantiates
 * it with no arguments, calls `initialize`, then `start` with the raw config (placeholders
 * resolved), then `taskConfigs(tasks.max)`, and `stop` when it is paused, stopped, reconfigured
 * or deleted. Calls on one instance never overlap.
 *
 * A plugin class also declares `static className` (its Java-style fully qualified name, the
 * value users put in `connector.class`) and may declare `static aliases`.
 */
export abstract class Connector {
  protected context!: ConnectorContext;

  initialize(context: ConnectorContext): void {
    this.context = context;
  }

  /** The plugin's version, shown in `/connector-plugins`. */
  abstract version(): string;
  /** Starts with the connector's config. Throwing fails the connector. */
  abstract start(props: Record<string, string>): void | Promise<void>;
  /** At most `maxTasks` task configs; the runtime adds `task.class` to each. */
  abstract taskConfigs(maxTasks: number): Record<string, string>[] | Promise<Record<string, string>[]>;
  abstract stop(): void | Promise<void>;
  /** The connector's own keys; the runtime adds the framework's. */
  abstract config(): ConfigDef;

  /**
   * Validates a candidate config beyond the ConfigDef, given the per-key results of the
   * definition: add messages to `values.get(key).errors`. Default: nothing more.
   */
  validate(_props: Record<string, string>, _values: Map<string, ConfigValue>): void {}

  /**
   * Checks that the external system is reachable with a candidate config (the console's "test
   * connection"; Tributary's addition, Kafka Connect has none), on a fresh instance that is never
   * started. Resolves what was reached; throws with a message saying what failed (a
   * ConfigException for a bad value, a ConnectException for a refused login). The default, null,
   * means the connector offers no such check. Must not change anything in the external system.
   */
  testConnection(_props: Record<string, string>): Promise<ConnectionCheck | null> {
    return Promise.resolve(null);
  }
}

/** A connector that reads from an external system into Kafka. */
export abstract class SourceConnector extends Connector {
  readonly type = "source" as const;
  abstract taskClass(): TaskClass<SourceTask>;

  /**
   * Called when a user alters or resets this connector's offsets (`PATCH`/`DELETE .../offsets`)
   * while it is stopped. Return true if the connector accepts them; throw to refuse with the
   * error's message. Default: accept without checking.
   */
  alterOffsets(_props: Record<string, string>, _offsets: Map<OffsetMap, OffsetMap | null>): boolean {
    return true;
  }
}

/** A connector that writes from Kafka to an external system. */
export abstract class SinkConnector extends Connector {
  readonly type = "sink" as const;
  abstract taskClass(): TaskClass<SinkTask>;

  /** As for SourceConnector, for sink (consumer group) offsets. Default: accept. */
  alterOffsets(_props: Record<string, string>, _offsets: Map<string, bigint | null>): boolean {
    return true;
  }
}
