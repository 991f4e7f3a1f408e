import { TributaryError } from "@/server/errors/tributary-error";

/**
 * Data that does not fit its Connect schema, or bytes a converter cannot read (Kafka Connect's
 * `DataException`), with code `data.invalid`. Never retriable: the same record fails the same way.
 * The runtime treats it as a record failure of the converter or transformation stage, so
 * `errors.tolerance=all` can skip it to the dead letter queue.
 */
export class DataException extends TributaryError {
  override name = "DataException";

  constructor(message: string, options: { suggestion?: string; cause?: unknown } = {}) {
    super("data.invalid", message, { suggestion: options.suggestion, cause: options.cause });
  }
}
