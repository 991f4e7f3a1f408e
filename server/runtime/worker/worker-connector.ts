import type { Connector, ConnectorContext } from "@/server/plugins/api/connector";
import type { TargetState } from "@/server/storage/contracts/config-store";
import type { ConnectState } from "@/server/storage/contracts/status-store";
import { traceOf } from "@/server/runtime/worker/worker-task";

/** Receives a connector's states; the herder records them. */
export type ConnectorStatusListener = (name: string, state: ConnectState, trace?: string) => void;

/**
 * One connector instance and its lifecycle (Kafka Connect's WorkerConnector): STARTED runs
 * `start`; PAUSED and STOPPED call `stop` but keep the instance, and a later STARTED calls `start`
 * again. An exception in `start` (or `raiseError`) makes it FAILED; a FAILED connector may still
 * go to STOPPED. Transitions are serialized.
 */
export class WorkerConnector {
  private started = false;
  private failed = false;
  private state: TargetState | null = null;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly name: string,
    readonly connector: Connector,
    readonly config: Readonly<Record<string, string>>,
    private readonly onStatus: ConnectorStatusListener,
    onReconfigure: () => void,
  ) {
    const context: ConnectorContext = {
      requestTaskReconfiguration: onReconfigure,
      raiseError: (error) => this.markFailed(error),
    };
    connector.initialize(context);
  }

  /** Moves to `target`; resolves when done. Never rejects: a failure shows as FAILED. */
  transitionTo(target: TargetState): Promise<void> {
    this.queue = this.queue.then(() => this.apply(target));
    return this.queue;
  }

  /** Whether `start` succeeded and the connector has not been stopped or paused since. */
  get isStarted(): boolean {
    return this.started && !this.failed;
  }

  get isFailed(): boolean {
    return this.failed;
  }

  /** Stops the instance for good (deletion, restart, shutdown). */
  shutdown(): Promise<void> {
    this.queue = this.queue.then(() => this.stopInstance());
    return this.queue;
  }

  /** Stops the instance and makes it FAILED with `error`'s trace (its task configs could not be generated). */
  fail(error: unknown): Promise<void> {
    this.queue = this.queue.then(async () => {
      await this.stopInstance();
      this.markFailed(error);
    });
    return this.queue;
  }

  private async apply(target: TargetState): Promise<void> {
    if (this.failed && target !== "STOPPED") return;
    if (target === this.state && !this.failed) return;
    this.state = target;
    if (target === "STARTED") {
      try {
        await this.connector.start({ ...this.config });
        this.started = true;
        this.onStatus(this.name, "RUNNING");
      } catch (error) {
        this.markFailed(error);
      }
      return;
    }
    await this.stopInstance();
    this.failed = false;
    this.onStatus(this.name, target === "PAUSED" ? "PAUSED" : "STOPPED");
  }

  private async stopInstance(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    try {
      await this.connector.stop();
    } catch {
      // A connector that fails to stop is stopped all the same.
    }
  }

  private markFailed(error: unknown): void {
    this.failed = true;
    this.onStatus(this.name, "FAILED", traceOf(error));
  }
}
