import { sha256Hex } from "@/server/console/auth/secrets";

/** `Authorization` header credentials: a bearer token, or Basic's user name and password. */
export type Credentials = { kind: "bearer"; token: string } | { kind: "basic"; user: string; password: string };

/**
 * Reads an `Authorization` header: `Bearer <token>` or `Basic <base64 of user:password>` (scheme
 * case-insensitive). Undefined for a missing header; `invalid` for any other scheme or a
 * malformed value (answered 401 like wrong credentials).
 */
export function parseAuthorization(header: string | null): Credentials | "invalid" | undefined {
  if (header === null || header.trim() === "") return undefined;
  const match = /^\s*(\S+)\s+(\S+)\s*$/.exec(header);
  if (!match) return "invalid";
  const scheme = match[1]!.toLowerCase();
  if (scheme === "bearer") return { kind: "bearer", token: match[2]! };
  if (scheme !== "basic" || !/^[A-Za-z0-9+/]+={0,2}$/.test(match[2]!)) return "invalid";
  const decoded = Buffer.from(match[2]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return "invalid";
  return { kind: "basic", user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

const TTL_MS = 60_000;
const MAX_ENTRIES = 1_000;

/**
 * Successful password checks remembered for a minute, so a tool sending Basic credentials on
 * every request does not pay scrypt's ~100 ms each time. Keys are SHA-256 digests of user,
 * password and the stored hash together: a changed password or a different one misses, and no
 * password is kept in memory in the clear. In memory, one per process.
 */
export class VerifiedPasswords {
  private readonly entries = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  private key(user: string, password: string, passwordHash: string): string {
    return sha256Hex(`${user}\u0000${password}\u0000${passwordHash}`);
  }

  /** Whether this exact user, password and stored hash verified within the last minute. */
  has(user: string, password: string, passwordHash: string): boolean {
    const key = this.key(user, password, passwordHash);
    const until = this.entries.get(key);
    if (until === undefined) return false;
    if (until > this.now()) return true;
    this.entries.delete(key);
    return false;
  }

  /** Remembers a successful verification. */
  add(user: string, password: string, passwordHash: string): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(this.key(user, password, passwordHash), this.now() + TTL_MS);
  }

  /** Forgets everything (a user's password changed or the user went). */
  clear(): void {
    this.entries.clear();
  }
}
