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

/** A lease's send waiting for its turn. */
interface PendingSend {
  records: OutgoingRecord[];
  resolve(metadata: RecordMetadata[]): void;
  reject(error: unknown): void;
}

/** One producer and the leases on it; `broken` once a send failed fatally. */
interface Generation {
  producer: RecordProducer;
  leases: number;
  broken: TributaryError | null;
  /** Sends made while a request was on the wire; they go together as the next one. */
  queue: PendingSend[];
  sending: boolean;
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
 * Idempotence and acks=all are the underlying producer's (`create`). As Kafka's producer batches
 * what all threads sent while a request was on the wire, sends made meanwhile go together as the
 * next request (the idempotent producer has one request in flight per broker, so one at a time
 * would make a thousand tasks wait in line); if that request is refused for good, each send in it
 * is tried alone, so only the tasks whose records were refused hear of it. Sends go out in call
 * order, so a task's batches stay in order.
 * Called from any task; JavaScript's single thread makes lease counting safe without locks.
 */
export class SharedRecordProducer {
  private current: Generation | null = null;

  /** `create` builds the underlying producer, at the first lease and after a fatal error. */
  constructor(private readonly create: () => RecordProducer) {}

  /** A task's handle on the shared producer: `send` as the producer's, `close` releases only this lease (idempotent). */
  lease(): RecordProducer {
    if (!this.current || this.current.broken) this.current = { producer: this.create(), leases: 0, broken: null, queue: [], sending: false };
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

  private send(generation: Generation, records: OutgoingRecord[]): Promise<RecordMetadata[]> {
    if (generation.broken) return Promise.reject(generation.broken);
    return new Promise((resolve, reject) => {
      generation.queue.push({ records, resolve, reject });
      if (!generation.sending) void this.drain(generation);
    });
  }

  /** Sends what is queued, together, until nothing is; one request at a time. Never rejects. */
  private async drain(generation: Generation): Promise<void> {
    generation.sending = true;
    while (generation.queue.length > 0) await this.sendTogether(generation, generation.queue.splice(0));
    generation.sending = false;
  }

  /** Sends `sends` as one request and gives each its own records' metadata, or its own failure. */
  private async sendTogether(generation: Generation, sends: PendingSend[]): Promise<void> {
    if (generation.broken) return sends.forEach((send) => send.reject(generation.broken));
    try {
      const metadata = await generation.producer.send(sends.length === 1 ? sends[0]!.records : sends.flatMap((send) => send.records));
      let at = 0;
      for (const send of sends) {
        send.resolve(metadata.slice(at, at + send.records.length));
        at += send.records.length;
      }
    } catch (error) {
      if (isFatalProducerError(error)) generation.broken ??= error as TributaryError;
      const retriable = error instanceof TributaryError && error.retriable;
      if (sends.length === 1 || retriable || generation.broken) return sends.forEach((send) => send.reject(error));
      for (const send of sends) await this.sendTogether(generation, [send]);
    }
  }

  private async release(generation: Generation): Promise<void> {
    generation.leases--;
    if (generation.leases > 0) return;
    if (this.current === generation) this.current = null;
    await generation.producer.close();
  }
}
