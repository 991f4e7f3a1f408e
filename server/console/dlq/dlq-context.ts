import type { DlqErrorContext } from "@/server/contracts/dlq";
import { DLQ_HEADERS } from "@/server/runtime/errors/error-reporters";
import type { KafkaHeader } from "@/server/runtime/ports";

/** The prefix of Kafka Connect's DLQ context headers (`DeadLetterQueueReporter`). */
const CONNECT_ERRORS_PREFIX = "__connect.errors.";

/** The prefix of every Tributary error header. */
const TRIBUTARY_ERRORS_PREFIX = "__tributary.errors.";

/** The header a replayed record carries: `<dlq-topic>/<partition>/<offset>` of the DLQ record it came from. */
export const REPLAY_OF_HEADER = "__tributary.replay.of";

/** A DLQ record's error context, its stack trace apart (it is large and only the detail view shows it). */
export interface DecodedContext {
  context: DlqErrorContext;
  stacktrace: string | null;
}

const utf8 = new TextDecoder("utf-8");

/** The last value of header `key` as UTF-8 text (Connect appends; the newest is last), or null. */
function lastText(headers: readonly KafkaHeader[], key: string): string | null {
  for (let i = headers.length - 1; i >= 0; i--) {
    const header = headers[i]!;
    if (header.key === key) return header.value === null ? null : utf8.decode(header.value);
  }
  return null;
}

function intOrNull(text: string | null): number | null {
  if (text === null || !/^-?\d+$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return Number.isSafeInteger(n) ? n : null;
}

function offsetOrNull(text: string | null): string | null {
  return text !== null && /^\d{1,19}$/.test(text.trim()) ? text.trim() : null;
}

/**
 * Decodes the context headers of a DLQ record: Kafka Connect's `__connect.errors.*` (a sink's
 * original topic, partition and offset) and Tributary's source extension (the intended topic in
 * `__connect.errors.topic`, the source partition and offset in `__tributary.errors.source.*`).
 * A record without any of them decodes with `hasContextHeaders: false` and every field null.
 * Malformed numbers decode as null rather than failing: a DLQ must open whatever wrote it.
 */
export function decodeContext(headers: readonly KafkaHeader[]): DecodedContext {
  const h = DLQ_HEADERS;
  const hasConnect = headers.some((header) => header.key.startsWith(CONNECT_ERRORS_PREFIX));
  const sourcePartition = lastText(headers, DLQ_HEADERS.sourcePartition);
  const sourceOffset = lastText(headers, DLQ_HEADERS.sourceOffset);
  const isSource = sourcePartition !== null || sourceOffset !== null;
  return {
    context: {
      hasContextHeaders: hasConnect || isSource,
      origin: isSource ? "source" : hasConnect ? "sink" : null,
      original: {
        topic: lastText(headers, h.topic),
        partition: intOrNull(lastText(headers, h.partition)),
        offset: offsetOrNull(lastText(headers, h.offset)),
      },
      sourcePartition,
      sourceOffset,
      connector: lastText(headers, h.connector),
      task: intOrNull(lastText(headers, h.task)),
      stage: lastText(headers, h.stage),
      className: lastText(headers, h.executingClass),
      exceptionClass: lastText(headers, h.exceptionClass),
      exceptionMessage: lastText(headers, h.exceptionMessage),
      failedAt: intOrNull(lastText(headers, h.failedAt)),
    },
    stacktrace: lastText(headers, h.exceptionStacktrace),
  };
}

/**
 * The headers a replayed record carries: the DLQ record's own headers without the error context
 * (`__connect.errors.*`, `__tributary.errors.*`) and without an older replay stamp, then
 * `__tributary.replay.of=<dlqTopic>/<partition>/<offset>`. Order of the kept headers is kept.
 */
export function replayHeaders(headers: readonly KafkaHeader[], dlqTopic: string, partition: number, offset: bigint): KafkaHeader[] {
  const kept = headers.filter(
    (header) => !header.key.startsWith(CONNECT_ERRORS_PREFIX) && !header.key.startsWith(TRIBUTARY_ERRORS_PREFIX) && header.key !== REPLAY_OF_HEADER,
  );
  return [...kept, { key: REPLAY_OF_HEADER, value: Buffer.from(`${dlqTopic}/${partition}/${offset}`, "utf8") }];
}
