import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/server/storage/prisma/generated/client";
import { sqliteFile } from "@/server/storage/prisma/migrate";

/** Tributary's Prisma client type, for the stores built on it. */
export type Database = PrismaClient;

/**
 * Opens the SQLite database at `databaseUrl` (a `file:` URL) through the better-sqlite3 driver
 * adapter. The caller owns the client and must `$disconnect()` it; the runtime keeps exactly one
 * per process. Migrations must have been applied first (applyMigrations).
 */
export function openDatabase(databaseUrl: string): Database {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${sqliteFile(databaseUrl)}` }) });
}
