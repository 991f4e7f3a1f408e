/** A worker process as recorded in the store. */
export interface WorkerProcessRecord {
  id: string;
  mode: string;
  version: string;
  restUrl: string | null;
  pid: number;
  host: string;
  startedAt: Date;
  lastSeenAt: Date;
  stoppedAt: Date | null;
}

/** Where worker processes record their life: one record per runtime instance. */
export interface WorkerProcessStore {
  /** Records a start; `id` is the runtime instance id. */
  started(record: Omit<WorkerProcessRecord, "startedAt" | "lastSeenAt" | "stoppedAt">): Promise<void>;
  /** Marks the instance alive now. */
  seen(id: string): Promise<void>;
  /** Marks a clean stop. */
  stopped(id: string): Promise<void>;
  /** Most recent starts first. */
  recent(limit: number): Promise<WorkerProcessRecord[]>;
  /** Releases the store's resources; idempotent. */
  close(): Promise<void>;
}
