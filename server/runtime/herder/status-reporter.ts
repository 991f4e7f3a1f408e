import { getLogger } from "@/server/logging/logger";
import type { TaskId } from "@/server/runtime/worker/worker-task";
import type { ConnectState, Status, StatusStore } from "@/server/storage/contracts/status-store";

const log = getLogger("tributary.runtime.herder");

/**
 * Writes the states this worker's connectors and tasks report to the status store, each with
 * the worker's id and its current assignment generation. Reports are written in the order they
 * are made (the store applies puts in call order); a failed write is logged, never thrown,
 * because the task loops that report cannot wait for the store. `drained()` waits for every
 * report made so far, so shutdown can close the store after the last one.
 */
export class StatusReporter {
  private last: Promise<void> = Promise.resolve();

  constructor(
    private readonly statuses: StatusStore,
    private readonly workerId: string,
    private readonly generation: () => number,
  ) {}

  connector(name: string, state: ConnectState, trace?: string): void {
    this.track(this.statuses.putConnector(name, this.status(state, trace)), name, null);
  }

  task(id: TaskId, state: ConnectState, trace?: string): void {
    this.track(this.statuses.putTask(id.connector, id.task, this.status(state, trace)), id.connector, id.task);
  }

  /** Resolves once every report made before this call was written (or failed to be). */
  drained(): Promise<void> {
    return this.last;
  }

  private status(state: ConnectState, trace: string | undefined): Status {
    return { state, workerId: this.workerId, generation: this.generation(), ...(trace ? { trace } : {}) };
  }

  private track(write: Promise<void>, connector: string, task: number | null): void {
    const settled = write.catch((error: unknown) => log.error({ connector, task, err: String(error) }, "could not record status"));
    this.last = Promise.all([this.last, settled]).then(() => undefined);
  }
}
