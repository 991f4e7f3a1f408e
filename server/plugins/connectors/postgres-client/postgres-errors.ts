import { ConnectException, RetriableException } from "@/server/plugins/api/plugin-api";

/** Where a failed operation was talking to, for messages: `tributary@127.0.0.1:5432/mydb`. */
export interface ErrorTarget {
  host: string;
  port: number;
  database: string;
  user: string | null;
}

/** SQLSTATE codes after which the same statement may pass on a new attempt (55006: a replication slot still held by a dying connection). */
const RETRIABLE_STATES = new Set(["55006", "40001", "40P01", "55P03", "57P01", "57P02", "57P03", "53300", "08000", "08003", "08006", "08001", "08004"]);
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EPIPE", "EAI_AGAIN"]);

/** The fields the PostgreSQL driver puts on its errors that the messages below use. */
interface DriverError {
  message?: string;
  code?: string;
  detail?: string;
  hint?: string;
}

function where(target: ErrorTarget): string {
  return `${target.user ?? "(no user)"}@${target.host}:${target.port}/${target.database}`;
}

/**
 * Turns a PostgreSQL driver or network error into the plugin API's errors, with a message a user
 * can act on: RetriableException for what may pass later (the server is unreachable or
 * restarting, a serialization failure or deadlock, too many connections), ConnectException for
 * the rest (wrong password, unknown database, a bad statement). Errors that already are one of
 * those pass through. `doing` says what was attempted ("connecting", "reading public.orders").
 */
export function postgresError(error: unknown, target: ErrorTarget, doing: string): Error {
  if (error instanceof ConnectException || error instanceof RetriableException) return error;
  const driver = (typeof error === "object" && error !== null ? error : { message: String(error) }) as DriverError;
  const code = driver.code ?? "";
  const text = driver.message || String(error);
  const extra = [driver.detail, driver.hint].filter(Boolean).join(" ");
  const full = `PostgreSQL ${where(target)} failed while ${doing}: ${text}${code && !NETWORK_CODES.has(code) ? ` (SQLSTATE ${code})` : ""}${extra ? `. ${extra}` : ""}`;
  if (NETWORK_CODES.has(code) || /timeout|Connection terminated|not queryable|connection.*(closed|ended)/i.test(text)) {
    return new RetriableException(`Cannot reach PostgreSQL at ${target.host}:${target.port} while ${doing}: ${text}`, { cause: error });
  }
  if (code === "28P01" || code === "28000") {
    return new ConnectException(`PostgreSQL refused the login of ${where(target)}: ${text}. Check the user and password.`, { cause: error });
  }
  if (code === "3D000") return new ConnectException(`PostgreSQL at ${target.host}:${target.port} has no database "${target.database}". Check the database name in the connection settings.`, { cause: error });
  if (code === "ENOTFOUND") return new ConnectException(`PostgreSQL host ${target.host} is unknown: ${text}`, { cause: error });
  if (RETRIABLE_STATES.has(code)) return new RetriableException(full, { cause: error });
  return new ConnectException(full, { cause: error });
}
