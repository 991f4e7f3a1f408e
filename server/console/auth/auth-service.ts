import type { Grant, Principal } from "@/server/contracts/auth";
import { TributaryError } from "@/server/errors/tributary-error";
import type { Database } from "@/server/storage/prisma/database";
import type { AuthMode } from "@/server/console/auth/auth-mode";
import { parseAuthorization, VerifiedPasswords } from "@/server/console/auth/basic-credentials";
import { LoginThrottle } from "@/server/console/auth/login-throttle";
import { passwordProblem, UNUSABLE_HASH, verifyPassword } from "@/server/console/auth/password";
import { randomSecret, safeEqual } from "@/server/console/auth/secrets";
import { SessionStore, type NewSession } from "@/server/console/auth/session-store";
import { looksLikeToken, TokenStore } from "@/server/console/auth/token-store";
import { UserAdmin } from "@/server/console/auth/user-admin";
import { UserStore, type UserRecord } from "@/server/console/auth/user-store";
import { hashPassword } from "@/server/console/auth/password";

/** Everyone, when login is off. */
export const ANONYMOUS_GRANTS: Grant[] = [{ role: "admin", connectors: "*" }];

/** What a request presents: the session cookie's secret, the `Authorization` header, the client address. */
export interface PresentedCredentials {
  sessionSecret?: string;
  authorization: string | null;
  address: string;
}

/** A request's authenticated caller, and the session's CSRF token when it came with a session cookie. */
export interface Authenticated {
  principal: Principal;
  csrfToken?: string;
}

/** A successful sign-in: the user and the new session (its secret goes into the cookie only). */
export interface SignedIn {
  user: { name: string; grants: Grant[] };
  session: NewSession;
}

function invalid(message = "The user name or password is wrong."): TributaryError {
  return new TributaryError("auth.invalid_credentials", message, { suggestion: "Check the user name and password, or ask an admin to reset the password." });
}

/**
 * The console's authentication: who a request is (session cookie, bearer token, Basic), sign-in
 * and sign-out, and the first admin's set-up. One per process, on globalThis (auth-slot.ts), so
 * the proxy and the route handlers share its stores, throttle and caches. Never logs or returns
 * a password, hash or secret, except a new session's secret for its cookie.
 */
export class AuthService {
  readonly users: UserStore;
  readonly sessions: SessionStore;
  readonly tokens: TokenStore;
  readonly admin: UserAdmin;
  readonly throttle: LoginThrottle;
  private readonly verified: VerifiedPasswords;
  /** The one-time code that lets someone create the first admin, while no user exists (auth on only). */
  private setupCode: string | undefined;
  private setupQueue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly mode: AuthMode,
    db: Database,
    options: { sessionTtlMs: number; now?: () => number },
  ) {
    const now = options.now ?? Date.now;
    this.users = new UserStore(db);
    this.sessions = new SessionStore(db, options.sessionTtlMs, now);
    this.tokens = new TokenStore(db, now);
    this.throttle = new LoginThrottle(now);
    this.verified = new VerifiedPasswords(now);
    this.admin = new UserAdmin(this.users, this.sessions, () => this.verified.clear());
  }

  /**
   * Prepares the first admin when login is on and no user exists: with `adminPassword`, creates
   * user `adminUser` as admin of everything (throws `config.invalid_value` for a password under 12
   * characters); without, makes a one-time set-up code and returns it (the caller logs it).
   */
  async prepareFirstAdmin(adminUser: string, adminPassword: string | undefined): Promise<string | undefined> {
    if (this.mode === "off" || (await this.users.count()) > 0) return undefined;
    if (adminPassword !== undefined && adminPassword !== "") {
      const problem = passwordProblem(adminPassword);
      if (problem) throw new TributaryError("config.invalid_value", `Invalid setting: TRIBUTARY_ADMIN_PASSWORD: ${problem}`);
      await this.admin.create({ name: adminUser, password: adminPassword, grants: ANONYMOUS_GRANTS });
      return undefined;
    }
    this.setupCode = randomSecret(9);
    return this.setupCode;
  }

  /** Whether the first admin is still to be created (login on, no user yet). */
  async setupRequired(): Promise<boolean> {
    return this.mode === "on" && (await this.users.count()) === 0;
  }

  private principal(user: UserRecord, via: Principal["via"], address: string): Principal {
    return { user: user.name, via, grants: user.grants, address };
  }

  private async enabledUser(name: string): Promise<UserRecord | undefined> {
    const user = await this.users.get(name);
    return user && !user.disabled ? user : undefined;
  }

  /**
   * Who presented `credentials`: with login off, always `anonymous` admin; else from the
   * `Authorization` header when there is one (a wrong one throws 401 `auth.invalid_credentials`
   * or 429 `auth.throttled`, never falling back on the cookie), else from the session cookie.
   * Undefined when nothing valid was presented (no header, no cookie, an unknown or expired session).
   */
  async authenticate(credentials: PresentedCredentials): Promise<Authenticated | undefined> {
    const { address } = credentials;
    if (this.mode === "off") return { principal: { user: "anonymous", via: "none", grants: ANONYMOUS_GRANTS, address } };
    const parsed = parseAuthorization(credentials.authorization);
    if (parsed === "invalid") throw invalid("The Authorization header is neither `Bearer <token>` nor `Basic <base64 of user:password>`.");
    if (parsed?.kind === "bearer") {
      const name = await this.tokens.verify(parsed.token);
      const user = name === undefined ? undefined : await this.enabledUser(name);
      if (!user) throw invalid("The API token is unknown, expired or revoked.");
      return { principal: this.principal(user, "token", address) };
    }
    if (parsed?.kind === "basic") return { principal: await this.basic(parsed.user, parsed.password, address) };
    if (!credentials.sessionSecret) return undefined;
    const session = await this.sessions.find(credentials.sessionSecret);
    const user = session && (await this.enabledUser(session.userName));
    if (!session || !user) return undefined;
    return { principal: this.principal(user, "session", address), csrfToken: session.csrfToken };
  }

  /** Basic credentials: a user's password, or one of the user's API tokens in the password's place. */
  private async basic(name: string, password: string, address: string): Promise<Principal> {
    if (looksLikeToken(password)) {
      const owner = await this.tokens.verify(password);
      const user = owner !== undefined && (owner === name || name === "") ? await this.enabledUser(owner) : undefined;
      if (!user) throw invalid("The API token given as the password is unknown, expired, revoked or not this user's.");
      return this.principal(user, "basic", address);
    }
    return this.principal(await this.checkPassword(name, password, address), "basic", address);
  }

  /** The enabled user `name` whose password is `password`; throttled per name and address. */
  private async checkPassword(name: string, password: string, address: string): Promise<UserRecord> {
    this.throttle.check(name, address);
    const user = await this.users.get(name);
    const hash = user?.passwordHash ?? UNUSABLE_HASH;
    const ok = this.verified.has(name, password, hash) || (await verifyPassword(password, hash));
    if (!user || !ok || user.disabled) {
      this.throttle.fail(name, address);
      throw invalid();
    }
    this.verified.add(name, password, hash);
    this.throttle.succeed(name, address);
    return user;
  }

  /** Signs in with a password: 401 `auth.invalid_credentials`, 429 `auth.throttled`; opens a session. */
  async login(name: string, password: string, address: string): Promise<SignedIn> {
    const user = await this.checkPassword(name, password, address);
    await this.users.touchLogin(user.name, new Date());
    return { user: { name: user.name, grants: user.grants }, session: await this.sessions.create(user.name, address) };
  }

  /** Signs out: ends the session of cookie secret `secret` (nothing when there is none). */
  async logout(secret: string | undefined): Promise<void> {
    if (secret) await this.sessions.revoke(secret);
  }

  /**
   * Creates the first admin with the set-up code the server logged, and signs them in:
   * 409 `auth.setup_done` once any user exists (or with login off, `auth.off`), 403
   * `auth.setup_code` for a wrong code (throttled per address), 400 for a short password.
   * Serialized, so two concurrent set-ups cannot both succeed.
   */
  setup(name: string, password: string, code: string, address: string): Promise<SignedIn> {
    const run = this.setupQueue.then(() => this.setupNow(name, password, code, address));
    this.setupQueue = run.catch(() => undefined);
    return run;
  }

  private async setupNow(name: string, password: string, code: string, address: string): Promise<SignedIn> {
    if (this.mode === "off") throw new TributaryError("auth.off", "Login is off (TRIBUTARY_AUTH=off, or the console listens on loopback only): there is no first admin to create.");
    if ((await this.users.count()) > 0) throw new TributaryError("auth.setup_done", "The first admin exists already: sign in instead.", { suggestion: "Ask an admin for an account." });
    this.throttle.check("(setup)", address);
    if (this.setupCode === undefined || !safeEqual(code, this.setupCode)) {
      this.throttle.fail("(setup)", address);
      throw new TributaryError("auth.setup_code", "The set-up code is wrong.", { suggestion: "Copy the set-up code from the line the server logged at start (`set-up code: …`)." });
    }
    const problem = passwordProblem(password);
    if (problem) throw new TributaryError("request.invalid", problem);
    await this.users.create(name, await hashPassword(password), ANONYMOUS_GRANTS);
    this.setupCode = undefined;
    return this.login(name, password, address);
  }
}
