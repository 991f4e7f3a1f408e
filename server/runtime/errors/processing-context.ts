import type { SourceRecord } from "@/server/plugins/api/records";
import type { IncomingRecord } from "@/server/runtime/ports";

/** A pipeline stage, as Kafka Connect's error handling names it (`runtime/errors/Stage.java`). */
export type Stage = "TASK_POLL" | "TASK_PUT" | "TRANSFORMATION" | "KEY_CONVERTER" | "VALUE_CONVERTER" | "HEADER_CONVERTER" | "KAFKA_PRODUCE" | "KAFKA_CONSUME";

/** A record that failed, as the error reporters (log, dead letter queue) receive it. */
export interface RecordFailure {
  stage: Stage;
  /** The class that was running: a converter, transformation, task or producer. */
  executingClass: string;
  error: unknown;
  /** The record as consumed from Kafka (sinks): the DLQ gets these original bytes. */
  consumed: IncomingRecord | null;
  /** The record as the source task returned it (sources). */
  source: SourceRecord | null;
}

/**
 * One record's trip through the converters and transformations (Kafka Connect's
 * ProcessingContext). A task loop keeps one and `reset`s it for each record; once a stage
 * failed, later stages of the same record are skipped. Not shared between tasks.
 */
export class ProcessingContext {
  stage: Stage = "TASK_POLL";
  executingClass = "";
  error: unknown = undefined;
  consumed: IncomingRecord | null = null;
  source: SourceRecord | null = null;

  /** Starts the next record. */
  reset(consumed: IncomingRecord | null, source: SourceRecord | null): this {
    this.consumed = consumed;
    this.source = source;
    this.error = undefined;
    return this;
  }

  get failed(): boolean {
    return this.error !== undefined;
  }

  /** A copy of what the reporters need; the context itself is reused for the next record. */
  failure(): RecordFailure {
    return { stage: this.stage, executingClass: this.executingClass, error: this.error, consumed: this.consumed, source: this.source };
  }
}
