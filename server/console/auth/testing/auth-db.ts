import path from "node:path";
import { tempDir } from "@/scripts/test/integration";
import { openDatabase, type Database } from "@/server/storage/prisma/database";
import { applyMigrations } from "@/server/storage/prisma/migrate";

/** A fresh, migrated SQLite file for one test file, and how to close and remove it. For tests only. */
export function authTestDatabase(): { db: Database; close: () => Promise<void> } {
  const folder = tempDir("auth");
  const url = `file:${path.join(folder.dir, "auth.db")}`;
  applyMigrations(url, path.resolve("prisma", "migrations"));
  const db = openDatabase(url);
  return {
    db,
    close: async () => {
      await db.$disconnect();
      folder.remove();
    },
  };
}
