import { TributaryError } from "@/server/errors/tributary-error";

/** Failed sign-ins allowed per user name and client address within WINDOW_MS. */
export const MAX_FAILURES = 10;
/**
 * Failed sign-ins allowed per user name from all addresses together within WINDOW_MS. The address
 * comes from `x-forwarded-for`, which a client reaching the server directly can make up; this
 * bound keeps made-up addresses from buying unlimited guesses.
 */
export const MAX_FAILURES_PER_USER = 50;
const WINDOW_MS = 5 * 60_000;
/** Keys kept at most; the oldest go first, so a flood of names cannot grow memory without bound. */
const MAX_KEYS = 10_000;

/**
 * Counts failed sign-ins (password form, Basic auth, set-up codes) per user name and client
 * address, in memory: after MAX_FAILURES failures within 5 minutes, further attempts from that
 * address for that name are refused with 429 `auth.throttled` until the window passes, right
 * password or not; after MAX_FAILURES_PER_USER failures from any addresses, attempts for that name
 * from every address are. One instance per process (it lives in the AuthService).
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly now: () => number = Date.now) {}

  private key(user: string, address: string): string {
    return `${user.toLowerCase()}\u0000${address}`;
  }

  private userKey(user: string): string {
    return `${user.toLowerCase()}\u0001`;
  }

  private recent(key: string): number[] {
    const since = this.now() - WINDOW_MS;
    const times = (this.failures.get(key) ?? []).filter((time) => time > since);
    if (times.length === 0) this.failures.delete(key);
    else this.failures.set(key, times);
    return times;
  }

  /** Throws 429 `auth.throttled` when `user` from `address` has failed too often lately. */
  check(user: string, address: string): void {
    const here = this.recent(this.key(user, address));
    const everywhere = this.recent(this.userKey(user));
    const times = here.length >= MAX_FAILURES ? here : everywhere.length >= MAX_FAILURES_PER_USER ? everywhere : undefined;
    if (!times) return;
    const seconds = Math.max(1, Math.ceil((times[0]! + WINDOW_MS - this.now()) / 1000));
    throw new TributaryError("auth.throttled", `Too many failed sign-ins for '${user.slice(0, 64)}' from this address: try again in ${seconds} s.`, {
      retriable: true,
      suggestion: `Wait ${seconds} seconds; after ${MAX_FAILURES} failures in 5 minutes sign-ins pause.`,
    });
  }

  /** Records a failure. */
  fail(user: string, address: string): void {
    for (const key of [this.key(user, address), this.userKey(user)]) {
      const times = this.recent(key);
      times.push(this.now());
      this.failures.delete(key);
      this.failures.set(key, times);
    }
    while (this.failures.size > MAX_KEYS) this.failures.delete(this.failures.keys().next().value!);
  }

  /** Forgets the failures of `user` from `address` after a success. */
  succeed(user: string, address: string): void {
    this.failures.delete(this.key(user, address));
  }
}
