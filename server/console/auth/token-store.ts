import { randomBytes } from "node:crypto";
import { TributaryError } from "@/server/errors/tributary-error";
import type { Database } from "@/server/storage/prisma/database";
import { randomSecret, safeEqual, sha256Hex } from "@/server/console/auth/secrets";

/** An API token as lists show it: never its secret or hash. */
export interface TokenView {
  id: string;
  name: string;
  user: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
}

/** A token just created: the only time `token` (the secret) is shown. */
export interface NewToken {
  id: string;
  name: string;
  token: string;
  expiresAt: string | null;
}

const TOKEN_PATTERN = /^trb_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;
const TOUCH_EVERY_MS = 60_000;

/** Whether `text` is shaped like an API token (`trb_<16 hex>_<43 base64url>`). */
export function looksLikeToken(text: string): boolean {
  return TOKEN_PATTERN.test(text);
}

type Row = { id: string; name: string; userName: string; createdAt: Date; lastUsedAt: Date | null; expiresAt: Date | null };

function view(row: Row): TokenView {
  return {
    id: row.id,
    name: row.name,
    user: row.userName,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
  };
}

const select = { id: true, name: true, userName: true, createdAt: true, lastUsedAt: true, expiresAt: true } as const;

/**
 * API tokens (table `ApiToken`): `trb_<id>_<secret>`, where `id` (16 hex digits) finds the row
 * and the row keeps only the SHA-256 of the whole token. A token acts as its user, with that
 * user's grants at the time of each request; it stops working when it expires, is deleted, or
 * its user is deleted or disabled.
 */
export class TokenStore {
  constructor(
    private readonly db: Database,
    private readonly now: () => number = Date.now,
  ) {}

  /** Creates a token for `userName`, expiring after `expiresInDays` days (never when undefined). */
  async create(userName: string, name: string, expiresInDays?: number): Promise<NewToken> {
    const id = randomBytes(8).toString("hex");
    const token = `trb_${id}_${randomSecret()}`;
    const expiresAt = expiresInDays === undefined ? null : new Date(this.now() + expiresInDays * 86_400_000);
    await this.db.apiToken.create({ data: { id, userName, name, hash: sha256Hex(token), expiresAt, createdAt: new Date(this.now()) } });
    return { id, name, token, expiresAt: expiresAt?.toISOString() ?? null };
  }

  /** The user name a valid, unexpired `token` acts as, or undefined. Records when it was last used. */
  async verify(token: string): Promise<string | undefined> {
    const match = TOKEN_PATTERN.exec(token);
    if (!match) return undefined;
    const row = await this.db.apiToken.findUnique({ where: { id: match[1]! } });
    if (!row || !safeEqual(row.hash, sha256Hex(token))) return undefined;
    const now = this.now();
    if (row.expiresAt && row.expiresAt.getTime() <= now) return undefined;
    if (!row.lastUsedAt || now - row.lastUsedAt.getTime() >= TOUCH_EVERY_MS) {
      await this.db.apiToken.updateMany({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
    }
    return row.userName;
  }

  /** The tokens of `userName`, or everyone's when undefined, newest first. */
  async list(userName?: string): Promise<TokenView[]> {
    const rows = await this.db.apiToken.findMany({ where: userName === undefined ? {} : { userName }, orderBy: { createdAt: "desc" }, select });
    return rows.map(view);
  }

  /** Deletes token `id`; when `userName` is given, only if it is theirs. 404 `token.not_found` otherwise. */
  async delete(id: string, userName?: string): Promise<void> {
    const { count } = await this.db.apiToken.deleteMany({ where: { id, ...(userName === undefined ? {} : { userName }) } });
    if (count === 0) throw new TributaryError("token.not_found", `API token '${id.slice(0, 40)}' does not exist${userName === undefined ? "" : " among yours"}.`);
  }
}
