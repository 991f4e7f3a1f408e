import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { TributaryError } from "@/server/errors/tributary-error";
import { sqliteFile } from "@/server/storage/prisma/migrate";

/** The process that owns a standalone store, as the lock records it. */
export interface StoreOwner {
  pid: number;
  host: string;
  /** The runtime mode: `embedded` (the console), `standalone` or `distributed`. */
  mode: string;
  /** Where its REST API answers, if it has one. */
  restUrl: string | null;
  /** When it took the lock, ISO 8601. */
  since: string;
}

const MODES: Record<string, string> = { embedded: "the console (embedded workers)", standalone: "tributary standalone", distributed: "tributary distributed" };
/** How long a contender waits for a lock holder that has just started to write down who it is. */
const OWNER_WAIT_MS = 1_000;
const OWNER_POLL_MS = 50;

/**
 * The exclusive lock of a standalone store: one process, the console's or `tributary
 * standalone`'s, owns a database; a second one refuses to start. The lock is an open write
 * transaction (`BEGIN IMMEDIATE`, never committed) on the side file `<database>.lock`: SQLite
 * holds it with an operating-system file lock, so it disappears with its process however that
 * process ends (`kill -9` included) and a crashed holder never blocks the next start. The holder
 * writes who it is to `<database>.lock.json` for the refusal message; only the holder writes it.
 *
 * Invariant: while a StoreLock is held, no other StoreLock on the same database can be acquired,
 * in another process or in this one; the stores' in-memory state relies on it.
 */
export class StoreLock {
  private constructor(
    private readonly db: Database.Database | null,
    private readonly ownerFile: string | null,
  ) {}

  /**
   * Takes the lock of the database at `databaseUrl` (an in-memory database needs none). Throws
   * `storage.locked`, whose message names the holder (pid, host, mode, REST URL, since when) and
   * whose suggestion says what to do, when another StoreLock holds it. Synchronous: the
   * composition root calls it before it touches the database.
   */
  static acquire(databaseUrl: string, owner: Omit<StoreOwner, "since">): StoreLock {
    const file = sqliteFile(databaseUrl);
    if (file === ":memory:") return new StoreLock(null, null);
    mkdirSync(path.dirname(file), { recursive: true });
    const ownerFile = `${file}.lock.json`;
    const db = new Database(`${file}.lock`, { timeout: 0 });
    try {
      db.pragma("journal_mode = MEMORY");
      db.exec("BEGIN IMMEDIATE");
    } catch (error) {
      db.close();
      if ((error as { code?: string }).code !== "SQLITE_BUSY") throw error;
      throw lockedError(file, awaitOwner(ownerFile));
    }
    const record: StoreOwner = { ...owner, since: new Date().toISOString() };
    writeFileSync(`${ownerFile}.tmp`, `${JSON.stringify(record)}\n`);
    renameSync(`${ownerFile}.tmp`, ownerFile);
    return new StoreLock(db, ownerFile);
  }

  /** Lets the lock go (after the stores closed); idempotent. */
  release(): void {
    if (!this.db?.open) return;
    rmSync(this.ownerFile!, { force: true });
    this.db.close();
  }
}

/** The holder's record, waiting briefly when it is missing or names a process that is gone (the holder is starting). */
function awaitOwner(ownerFile: string): StoreOwner | null {
  const deadline = Date.now() + OWNER_WAIT_MS;
  for (;;) {
    const owner = readOwner(ownerFile);
    if ((owner && isAlive(owner)) || Date.now() >= deadline) return owner && isAlive(owner) ? owner : null;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, OWNER_POLL_MS);
  }
}

function readOwner(ownerFile: string): StoreOwner | null {
  try {
    return JSON.parse(readFileSync(ownerFile, "utf8")) as StoreOwner;
  } catch {
    return null;
  }
}

/** Whether the owner's process still runs; a process on another host is taken to. */
function isAlive(owner: StoreOwner): boolean {
  if (owner.host !== hostname()) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function lockedError(file: string, owner: StoreOwner | null): TributaryError {
  const who = owner
    ? `pid ${owner.pid} on ${owner.host}, ${MODES[owner.mode] ?? owner.mode}${owner.restUrl ? ` at ${owner.restUrl}` : ""}, since ${owner.since}`
    : "a process that did not record who it is";
  return new TributaryError("storage.locked", `The database ${file} is in use by another Tributary process (${who}).`, {
    suggestion: "A standalone database has one owner: stop that process, or give this one its own database with DATABASE_URL; to run several workers on the same connectors, use distributed mode (tributary distributed)",
  });
}
