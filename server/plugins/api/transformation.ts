import type { ConfigDef } from "@/server/plugins/api/config-def";
import type { ConnectRecord } from "@/server/plugins/api/records";

/**
 * A single message transform (Kafka Connect's `Transformation`). The worker creates one instance
 * per task and per alias in `transforms`, calls `configure` once with that alias's settings
 * (`transforms.<alias>.` removed, `type`, `predicate` and `negate` left out), then `apply` from
 * the task's loop only, never concurrently, and `close` when the task stops.
 *
 * `apply` returns a new record (built with `record.newRecord(…)`, so a source record keeps its
 * source partition and offset and a sink record its Kafka coordinates) or null to drop it. It
 * must not change the record it was given. A thrown error is a TRANSFORMATION stage failure,
 * which `errors.tolerance=all` tolerates.
 *
 * The class declares `static className` (e.g. `org.apache.kafka.connect.transforms.Cast$Value`).
 */
export interface Transformation<R extends ConnectRecord = ConnectRecord> {
  configure(configs: Readonly<Record<string, string>>): void;
  apply(record: R): R | null;
  /** The transform's own keys, for validation and the console's forms. */
  config(): ConfigDef;
  close?(): void;
}

/**
 * A condition that decides whether a transform runs (Kafka Connect's `Predicate`). Same life
 * cycle as Transformation, configured with `predicates.<alias>.` removed (and `type` left out).
 * `test` must not change the record.
 */
export interface Predicate<R extends ConnectRecord = ConnectRecord> {
  configure(configs: Readonly<Record<string, string>>): void;
  test(record: R): boolean;
  config(): ConfigDef;
  close?(): void;
}

/** A transformation or predicate class as the plugin registry sees it. */
export interface TransformationClass<T = Transformation | Predicate> {
  readonly className: string;
  readonly aliases?: readonly string[];
  readonly description?: string;
  new (): T;
}
