import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { TributaryError } from "@/server/errors/tributary-error";

/**
 * Applies `prisma/migrations/<name>/migration.sql` files that the database has not seen, in name
 * order, each in its own transaction, and records them in `_prisma_migrations` exactly as
 * `prisma migrate deploy` does (same table, sha256 checksum of the file), so the Prisma CLI and
 * this function agree on what is applied. Runs at every process start; a no-op when up to date.
 *
 * `created` says whether the database file did not exist before this call.
 *
 * Why not spawn `prisma migrate deploy`: it costs a second of start-up and needs the CLI at run
 * time. Refuses to start (throws `storage.migration_failed`) when an applied migration's file
 * changed or a previous attempt failed half-way.
 */
export function applyMigrations(databaseUrl: string, migrationsDir: string): { applied: string[]; created: boolean } {
  const file = sqliteFile(databaseUrl);
  if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
  const created = file === ":memory:" || !existsSync(file);
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
    db.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`);
    const done = new Map<string, { checksum: string; finished_at: string | null }>();
    for (const row of db
      .prepare(`SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`)
      .all() as { migration_name: string; checksum: string; finished_at: string | null }[]) {
      done.set(row.migration_name, row);
    }
    const applied: string[] = [];
    for (const name of migrationNames(migrationsDir)) {
      const sql = readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      const previous = done.get(name);
      if (previous) {
        if (previous.finished_at === null) {
          throw new TributaryError("storage.migration_failed", `Migration ${name} failed earlier and was not rolled back (${file}).`, {
            suggestion: "Restore the database from a backup or resolve it with `npx prisma migrate resolve`.",
          });
        }
        if (previous.checksum !== checksum) {
          throw new TributaryError("storage.migration_failed", `Migration ${name} was changed after it was applied to ${file}.`, {
            suggestion: "Never edit an applied migration: restore its file and add a new migration instead.",
          });
        }
        continue;
      }
      const startedAt = new Date().toISOString();
      db.transaction(() => {
        db.exec(sql);
        db.prepare(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
           VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)`,
        ).run(randomUUID(), checksum, new Date().toISOString(), name, startedAt);
      })();
      applied.push(name);
    }
    return { applied, created };
  } finally {
    db.close();
  }
}

/** The path of a `file:` SQLite URL, relative paths resolved against the working directory. */
export function sqliteFile(databaseUrl: string): string {
  if (!databaseUrl.startsWith("file:")) {
    throw new TributaryError("config.invalid_value", `Database URL must start with "file:", got ${databaseUrl}`);
  }
  const rest = databaseUrl.slice("file:".length).split("?")[0]!;
  return rest === ":memory:" ? rest : path.resolve(rest);
}

function migrationNames(dir: string): string[] {
  if (!existsSync(dir)) {
    throw new TributaryError("storage.migration_failed", `No migrations folder at ${dir}.`, {
      suggestion: "Run Tributary from its project folder or set TRIBUTARY_HOME to it.",
    });
  }
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}
