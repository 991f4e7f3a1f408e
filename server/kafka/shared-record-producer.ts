import { TributaryError } from "@/server/errors/tributary-error";
import type { OutgoingRecord, RecordMetadata, RecordProducer } from "@/server/runtime/ports";

/**
 * Errors after which Kafka's producer is unusable for every later send (its sequence numbers or
 * identity are lost, or the broker will not let it in): Java's KafkaProducer enters its fatal
 * error state on these, and a producer shared by tasks then fails each task's next send.
 */
const FATAL_CODES = new Set([
  "kafka.authentication",
  "kafka.cluster_authorization_failed",
  "kafka.transactional_id_authorization_failed",
  "kafka.out_of_order_sequence_number",
  "kafka.invalid_producer_epoch",
  "kafka.producer_fenced",
  "kafka.invalid_producer_id_mapping",
  "kafka.unsupported_version",
  "kafka.unsupported_for_message_format",
]);

/** Whether `error` leaves the producer that raised it unusable for every later send. */
export function isFatalProducerError(error: unknown): boolean {
  return error instanceof TributaryError && FATAL_CODES.has(error.code);
}

/** One producer and the leases on it; `broken` once a send failed fatally. */
interface Generation {
  producer: RecordProducer;
  leases: number;
  broken: TributaryError | null;
}

/**
 * The worker's producer, shared by the source tasks (and dead letter queue reporters) whose
 * connector sets no `producer.override.*`, so a thousand connectors hold one producer and one
 * connection per broker instead of a thousand. Kafka Connect gives every task a producer of its
 * own; what a task relies on is kept per `send` call:
 * - a task's records, their acknowledgement and their metadata come back from its own `send`
 *   (the producer resolves each call with its own records' metadata, in input order), so offsets
 *   are committed and `commitRecord` is called per task exactly as with a producer of its own;
 * - a send refused for its records (a topic the task may not write, a record too large) rejects
 *   that task's call only, and its error tolerance decides, as before;
 * - a fatal producer error (isFatalProducerError) breaks the producer for everyone, as it would
 *   in Kafka's Java client: the call that met it rejects with it and so does the next send of
 *   every other lease on that producer, so those tasks fail (or tolerate) as with a shared
 *   KafkaProducer; a lease taken afterwards (a restarted task) gets a new producer;
 * - closing a lease never closes the producer under other leases; the last lease to close
 *   closes it, so an idle worker holds no producer connections.
 * Idempotence and acks=all are the underlying producer's (`create`). Each task keeps at most
 * one batch in flight, so its batches stay in order on the shared producer.
 * Called from any task; JavaScript's single thread makes lease counting safe without locks.
 */
export class SharedRecordProducer {
  private current: Generation | null = null;

  /** `create` builds the underlying producer, at the first lease and after a fatal error. */
  constructor(private readonly create: () => RecordProducer) {}

  /** A task's handle on the shared producer: `send` as the producer's, `close` releases only this lease (idempotent). */
  lease(): RecordProducer {
    if (!this.current || this.current.broken) this.current = { producer: this.create(), leases: 0, broken: null };
    const generation = this.current;
    generation.leases++;
    let closed = false;
    return {
      send: (records: OutgoingRecord[]) => this.send(generation, records),
      close: async () => {
        if (closed) return;
        closed = true;
        await this.release(generation);
      },
    };
  }

  private async send(generation: Generation, records: OutgoingRecord[]): Promise<RecordMetadata[]> {
    if (generation.broken) throw generation.broken;
    try {
      return await generation.producer.send(records);
    } catch (error) {
      if (isFatalProducerError(error)) generation.broken ??= error as TributaryError;
      throw error;
    }
  }

  private async release(generation: Generation): Promise<void> {
    generation.leases--;
    if (generation.leases > 0) return;
    if (this.current === generation) this.current = null;
    await generation.producer.close();
  }
}
