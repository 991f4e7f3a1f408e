import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from "node:crypto";

/** The least length of a password, in characters. */
export const PASSWORD_MIN_LENGTH = 12;

/** The longest password accepted (scrypt reads all of it; this bounds the work a request can ask for). */
export const PASSWORD_MAX_LENGTH = 1024;

/** Today's scrypt cost: N = 2^15, r = 8, p = 1 (32 MiB, about 50–100 ms on one core). */
const COST = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;

function options(params: { N: number; r: number; p: number }): ScryptOptions {
  // scrypt needs 128·N·r bytes; Node's default maxmem (32 MiB) is just short of N = 2^15.
  return { ...params, maxmem: 128 * params.N * params.r * 2 };
}

function scryptAsync(password: string, salt: Buffer, length: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password, salt, length, opts, (error, key) => (error ? reject(error) : resolve(key))));
}

function encode(salt: Buffer, key: Buffer): string {
  return `scrypt$${COST.N}$${COST.r}$${COST.p}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

/**
 * Hashes `password` with scrypt and a random 16-byte salt. The result carries its parameters
 * (`scrypt$N$r$p$salt$key`, base64url), so the cost can rise later and old hashes still verify.
 * Runs on libuv's thread pool, not the event loop.
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return encode(salt, await scryptAsync(password, salt, KEY_LENGTH, options(COST)));
}

/** hashPassword, synchronously: for start-up only (creating the first admin). */
export function hashPasswordSync(password: string): string {
  const salt = randomBytes(16);
  return encode(salt, scryptSync(password, salt, KEY_LENGTH, options(COST)));
}

interface Decoded {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

function decode(encoded: string): Decoded | undefined {
  const parts = encoded.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return undefined;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  // Bounds keep a tampered row from asking for gigabytes.
  if (![N, r, p].every(Number.isSafeInteger) || N < 2 || N > 2 ** 20 || (N & (N - 1)) !== 0 || r < 1 || r > 32 || p < 1 || p > 16) return undefined;
  const salt = Buffer.from(parts[4]!, "base64url");
  const key = Buffer.from(parts[5]!, "base64url");
  if (salt.length < 8 || key.length < 16) return undefined;
  return { N, r, p, salt, key };
}

/**
 * Whether `password` matches `encoded` (from hashPassword, with whatever parameters it names),
 * compared in constant time. False, never a throw, for a malformed or unknown encoding.
 */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const decoded = decode(encoded);
  if (!decoded || password.length > PASSWORD_MAX_LENGTH) return false;
  try {
    const key = await scryptAsync(password, decoded.salt, decoded.key.length, options(decoded));
    return timingSafeEqual(key, decoded.key);
  } catch {
    return false;
  }
}

/** A hash that matches no password, verified against when a user does not exist so that answers take as long. */
export const UNUSABLE_HASH = encode(Buffer.alloc(16), Buffer.alloc(KEY_LENGTH));

/** The problem with `password` as a new password, in a sentence, or undefined when it is acceptable. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) return `A password must have at least ${PASSWORD_MIN_LENGTH} characters; this one has ${password.length}.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `A password may have at most ${PASSWORD_MAX_LENGTH} characters.`;
  return undefined;
}
