import type { KafkaHeader } from "@/server/runtime/ports";

/** A failure as Apache Kafka Connect's DeadLetterQueueReporter describes it. */
export interface ConnectFailure {
  topic: string;
  partition: number;
  offset: bigint | number;
  connector: string;
  task: number;
  stage?: string;
  className?: string;
  exceptionClass?: string;
  /** Null: the exception had no message (Connect then writes the header with a null value). */
  message?: string | null;
  stacktrace?: string;
}

const text = (value: string) => Buffer.from(value, "utf8");

/**
 * The context headers Apache Kafka Connect adds to a DLQ record when
 * `errors.deadletterqueue.context.headers.enable=true`, in its order, as UTF-8 strings; the
 * defaults describe a JsonConverter failing on a value that is not JSON. For tests.
 */
export function connectContextHeaders(failure: ConnectFailure): KafkaHeader[] {
  const exceptionClass = failure.exceptionClass ?? "org.apache.kafka.connect.errors.DataException";
  const message = failure.message === undefined ? "Converting byte[] to Kafka Connect data failed due to serialization error: " : failure.message;
  return [
    { key: "__connect.errors.topic", value: text(failure.topic) },
    { key: "__connect.errors.partition", value: text(String(failure.partition)) },
    { key: "__connect.errors.offset", value: text(String(failure.offset)) },
    { key: "__connect.errors.connector.name", value: text(failure.connector) },
    { key: "__connect.errors.task.id", value: text(String(failure.task)) },
    { key: "__connect.errors.stage", value: text(failure.stage ?? "VALUE_CONVERTER") },
    { key: "__connect.errors.class.name", value: text(failure.className ?? "org.apache.kafka.connect.json.JsonConverter") },
    { key: "__connect.errors.exception.class.name", value: text(exceptionClass) },
    { key: "__connect.errors.exception.message", value: message === null ? null : text(message) },
    {
      key: "__connect.errors.exception.stacktrace",
      value: text(
        failure.stacktrace ??
          `${exceptionClass}: ${message ?? ""}\n\tat org.apache.kafka.connect.json.JsonConverter.toConnectData(JsonConverter.java:333)\n\tat org.apache.kafka.connect.runtime.WorkerSinkTask.convertValue(WorkerSinkTask.java:546)\n`,
      ),
    },
  ];
}
