import { messageOf, TributaryError } from "@/server/errors/tributary-error";
import { getLogger } from "@/server/logging/logger";

/**
 * HTTP status for each stable error code, the Herder's included (see its doc comment); codes not
 * listed fall back on their family below, and anything else is a 500.
 */
const statusByCode: Record<string, number> = {
  "runtime.not_ready": 503,
  "config.invalid_value": 400,
  "config.invalid": 400,
  "request.invalid": 400,
  "request.unsupported_media_type": 415,
  "request.too_large": 413,
  "request.forbidden_host": 403,
  "request.forbidden_origin": 403,
  "connector.not_found": 404,
  "task.not_found": 404,
  "connector.already_exists": 409,
  "plugin.not_found": 404,
  "plugin.invalid_kind": 400,
  "rebalance.in_progress": 409,
  "replay.in_progress": 409,
  "topic_tracking.disabled": 403,
  "logger.not_found": 404,
  "auth.required": 401,
  "auth.invalid_credentials": 401,
  "auth.forbidden": 403,
  "auth.csrf": 403,
  "auth.setup_code": 403,
  "auth.throttled": 429,
  "auth.setup_done": 409,
  "auth.last_admin": 409,
  "auth.off": 409,
  // Kafka Connect answers an invalid log level with 404 (reference §10).
  "logger.invalid_level": 404,
};

/**
 * The HTTP status an error maps to. Kafka failures are 503 when retriable, else 500. A request
 * another worker answered (`forwarded.<status>`) keeps that worker's status.
 */
export function statusOf(error: unknown): number {
  if (!(error instanceof TributaryError)) return 500;
  const explicit = statusByCode[error.code];
  if (explicit) return explicit;
  const forwarded = /^forwarded\.(\d{3})$/.exec(error.code);
  if (forwarded) return Number(forwarded[1]);
  if (error.code.endsWith(".not_found")) return 404;
  if (error.code.endsWith(".already_exists")) return 409;
  if (error.code.startsWith("kafka.")) return error.retriable ? 503 : 500;
  return 500;
}

const log = getLogger("tributary.http");

/**
 * A console API error response: `{error_code, message, code, suggestion?}` (DESIGN §4).
 * Unexpected errors are logged with their stack and answered with their message only.
 */
export function consoleErrorResponse(error: unknown): Response {
  const status = statusOf(error);
  if (status >= 500 && !(error instanceof TributaryError)) log.error({ err: error }, "unexpected error");
  const body = {
    error_code: status,
    message: messageOf(error),
    code: error instanceof TributaryError ? error.code : "internal",
    ...(error instanceof TributaryError && error.suggestion ? { suggestion: error.suggestion } : {}),
  };
  return Response.json(body, { status });
}

/** A Kafka Connect REST error response: exactly `{error_code, message}` (reference §1.1). */
export function connectErrorResponse(error: unknown): Response {
  const status = statusOf(error);
  if (status >= 500 && !(error instanceof TributaryError)) log.error({ err: error }, "unexpected error");
  return Response.json({ error_code: status, message: messageOf(error) }, { status });
}
