import type { Grant } from "@/server/contracts/auth";
import { TributaryError } from "@/server/errors/tributary-error";
import { hashPassword, passwordProblem } from "@/server/console/auth/password";
import type { SessionStore } from "@/server/console/auth/session-store";
import { isFullAdmin, userView, type UserRecord, type UserStore, type UserView } from "@/server/console/auth/user-store";

/** A user to create: name (validated by the caller), password (≥ 12 characters), grants. */
export interface NewUser {
  name: string;
  password: string;
  grants: Grant[];
}

/** A change to a user: any of a new password, new grants, disabled or enabled. */
export interface UserChange {
  password?: string;
  grants?: Grant[];
  disabled?: boolean;
}

function lastAdmin(name: string, action: string): TributaryError {
  return new TributaryError("auth.last_admin", `User '${name}' is the last admin of all connectors and cannot be ${action}.`, {
    suggestion: "Make another user an admin on `*` first.",
  });
}

/**
 * The admin's user management: create, change and delete users, keeping at least one enabled
 * admin on `*` (409 `auth.last_admin`). A changed password, a disabled user and a deleted user
 * lose their sessions (and a deleted user its tokens). Writes are serialized in this process so
 * two requests cannot both remove "the other" last admin.
 */
export class UserAdmin {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly users: UserStore,
    private readonly sessions: SessionStore,
    private readonly passwordsChanged: () => void,
  ) {}

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async adminCount(): Promise<number> {
    return (await this.users.list()).filter(isFullAdmin).length;
  }

  /** Every user, without password hashes. */
  async list(): Promise<UserView[]> {
    return (await this.users.list()).map(userView);
  }

  /** Creates a user: 400 `request.invalid` for a short password, 409 `user.already_exists`. */
  create(user: NewUser): Promise<UserView> {
    return this.serial(async () => {
      const problem = passwordProblem(user.password);
      if (problem) throw new TributaryError("request.invalid", problem);
      return userView(await this.users.create(user.name, await hashPassword(user.password), user.grants));
    });
  }

  /** Changes a user: 404 `user.not_found`, 400 for a short password, 409 `auth.last_admin`. */
  update(name: string, change: UserChange): Promise<UserView> {
    return this.serial(async () => {
      const current = await this.users.get(name);
      if (!current) throw new TributaryError("user.not_found", `User '${name}' does not exist.`);
      const problem = change.password === undefined ? undefined : passwordProblem(change.password);
      if (problem) throw new TributaryError("request.invalid", problem);
      const after: Pick<UserRecord, "grants" | "disabled"> = { grants: change.grants ?? current.grants, disabled: change.disabled ?? current.disabled };
      if (isFullAdmin(current) && !isFullAdmin(after) && (await this.adminCount()) <= 1) {
        throw lastAdmin(name, after.disabled ? "disabled" : "demoted");
      }
      const passwordHash = change.password === undefined ? undefined : await hashPassword(change.password);
      const updated = await this.users.update(name, { grants: change.grants, disabled: change.disabled, passwordHash });
      if (passwordHash !== undefined || after.disabled) {
        await this.sessions.revokeUser(name);
        this.passwordsChanged();
      }
      return userView(updated);
    });
  }

  /** Deletes a user with its sessions and tokens: 404 `user.not_found`, 409 `auth.last_admin`. */
  delete(name: string): Promise<void> {
    return this.serial(async () => {
      const current = await this.users.get(name);
      if (!current) throw new TributaryError("user.not_found", `User '${name}' does not exist.`);
      if (isFullAdmin(current) && (await this.adminCount()) <= 1) throw lastAdmin(name, "deleted");
      await this.users.delete(name);
      this.passwordsChanged();
    });
  }
}
