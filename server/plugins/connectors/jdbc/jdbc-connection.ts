import { RetriableException } from "@/server/plugins/api/plugin-api";
import { PostgresSession, type PostgresEndpoint } from "@/server/plugins/connectors/postgres-client/postgres-session";

/**
 * Opens a session as Kafka Connect JDBC does: up to `attempts` tries `backoffMs` apart while the
 * failure is retriable (the server unreachable or starting); a wrong password or database fails
 * at once. `stopped()` ends the waiting early (the task is stopping).
 */
export async function openWithRetries(endpoint: PostgresEndpoint, attempts: number, backoffMs: number, stopped: () => boolean = () => false): Promise<PostgresSession> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await PostgresSession.open(endpoint);
    } catch (error) {
      if (!(error instanceof RetriableException) || attempt >= attempts || stopped()) throw error;
      await new Promise((resolve) => setTimeout(resolve, backoffMs));
    }
  }
}
