import type { TaskId } from "@/server/runtime/worker/worker-task";

/**
 * The connectors and tasks this worker is to run, from one generation of the group's
 * assignment (Kafka Connect's ConnectorsAndTasks with the generation it came with). Statuses
 * this worker writes carry `generation`.
 */
export interface Assignment {
  readonly generation: number;
  ownsConnector(name: string): boolean;
  ownsTask(id: TaskId): boolean;
}

/**
 * Where the reconciler learns this worker's assignment: the current one, and a call whenever it
 * changes (a rebalance). Listeners are called synchronously and only schedule work.
 */
export interface AssignmentSource {
  current(): Assignment;
  subscribe(listener: () => void): () => void;
}

/**
 * Standalone mode's assignment: every connector and task is this worker's, in one generation per
 * process start (one more than any generation a previous process of the store reported, so its
 * statuses read as older). `begin` sets it once, before the reconciler starts; it never changes
 * afterwards, so subscribers are never called.
 */
export class WholeAssignment implements AssignmentSource {
  private assignment: Assignment = WholeAssignment.of(0);

  begin(generation: number): void {
    this.assignment = WholeAssignment.of(generation);
  }

  current(): Assignment {
    return this.assignment;
  }

  subscribe(): () => void {
    return () => undefined;
  }

  private static of(generation: number): Assignment {
    return { generation, ownsConnector: () => true, ownsTask: () => true };
  }
}
