/**
 * A throwaway PostgreSQL cluster for one integration test file: started in `beforeAll`, stopped
 * and deleted in `afterAll` (see scripts/postgres/local-postgres.ts for how it runs, as root too).
 */
import { randomBytes } from "node:crypto";
import { jdbcUrl, psql, startPostgres, stopPostgres, type PostgresInstance } from "../postgres/local-postgres";
import type { PostgresEndpoint } from "@/server/plugins/connectors/postgres-client/postgres-session";

/** A running test cluster and what tests need from it. */
export interface TestPostgres {
  instance: PostgresInstance;
  /** The session endpoint of its database (or another one of the cluster). */
  endpoint(database?: string): PostgresEndpoint;
  /** `jdbc:postgresql://…` of its database, optionally with the credentials as parameters. */
  jdbcUrl(options?: { credentials?: boolean; database?: string }): string;
  /** Runs SQL through psql; resolves the unaligned output. */
  sql(statement: string, database?: string): string;
  /** Creates a fresh database and resolves its name. */
  createDatabase(prefix: string): string;
  stop(): Promise<void>;
}

/** Starts a cluster named `<prefix>-<random>` on a free port of the range local-postgres uses. */
export async function startTestPostgres(prefix: string): Promise<TestPostgres> {
  const name = `${prefix}-${randomBytes(4).toString("hex")}`;
  const instance = await startPostgres({ name, port: "auto" });
  return {
    instance,
    endpoint: (database = instance.database) => ({ host: instance.host, port: instance.port, database, user: instance.user, password: instance.password }),
    jdbcUrl: (options) => jdbcUrl(instance, options),
    sql: (statement, database) => psql(instance, statement, database),
    createDatabase: (dbPrefix) => {
      const database = `${dbPrefix}_${randomBytes(4).toString("hex")}`;
      psql(instance, `CREATE DATABASE ${database}`, "postgres");
      return database;
    },
    stop: async () => void (await stopPostgres(name, { remove: true })),
  };
}
