import type { Database } from "@/server/storage/prisma/database";
import { randomSecret, sha256Hex } from "@/server/console/auth/secrets";

/** A session as found by its cookie. */
export interface SessionRecord {
  id: string;
  userName: string;
  csrfToken: string;
  expiresAt: Date;
}

/** What signing in hands to the browser: the cookie's secret (only here), its CSRF token and expiry. */
export interface NewSession {
  secret: string;
  csrfToken: string;
  expiresAt: Date;
}

/** lastSeenAt and expiresAt are written at most this often per session, not on every request. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Browser sessions (table `Session`). The cookie holds a random 32-byte secret; the table holds
 * only its SHA-256, so a copy of the database cannot be replayed as cookies. A session expires
 * `ttlMs` after it was last used (sliding), and ends at sign-out or when its user is deleted.
 */
export class SessionStore {
  constructor(
    private readonly db: Database,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Opens a session for `userName` from `address`. */
  async create(userName: string, address: string): Promise<NewSession> {
    const secret = randomSecret();
    const csrfToken = randomSecret();
    const now = this.now();
    const expiresAt = new Date(now + this.ttlMs);
    await this.db.session.create({
      data: { id: sha256Hex(secret), userName, csrfToken, address: address.slice(0, 100), expiresAt, createdAt: new Date(now), lastSeenAt: new Date(now) },
    });
    return { secret, csrfToken, expiresAt };
  }

  /**
   * The live session of cookie secret `secret`, or undefined (unknown, expired: an expired row is
   * deleted). Slides its expiry forward when it was last touched over a minute ago.
   */
  async find(secret: string): Promise<SessionRecord | undefined> {
    if (secret.length === 0 || secret.length > 100) return undefined;
    const id = sha256Hex(secret);
    const row = await this.db.session.findUnique({ where: { id } });
    if (!row) return undefined;
    const now = this.now();
    if (row.expiresAt.getTime() <= now) {
      await this.db.session.deleteMany({ where: { id } });
      return undefined;
    }
    if (now - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
      const expiresAt = new Date(now + this.ttlMs);
      await this.db.session.updateMany({ where: { id }, data: { lastSeenAt: new Date(now), expiresAt } });
      return { id, userName: row.userName, csrfToken: row.csrfToken, expiresAt };
    }
    return { id, userName: row.userName, csrfToken: row.csrfToken, expiresAt: row.expiresAt };
  }

  /** Ends the session of cookie secret `secret`, if any. */
  async revoke(secret: string): Promise<void> {
    await this.db.session.deleteMany({ where: { id: sha256Hex(secret) } });
  }

  /** Ends every session of `userName` (a deleted or disabled user, a changed password). */
  async revokeUser(userName: string): Promise<void> {
    await this.db.session.deleteMany({ where: { userName } });
  }

  /** Deletes expired sessions; called now and then. */
  async prune(): Promise<void> {
    await this.db.session.deleteMany({ where: { expiresAt: { lte: new Date(this.now()) } } });
  }
}
