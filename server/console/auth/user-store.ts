import { z } from "zod";
import { grantSchema, type Grant } from "@/server/contracts/auth";
import { TributaryError } from "@/server/errors/tributary-error";
import type { Database } from "@/server/storage/prisma/database";

/** A user as the rest of the auth code sees it. `passwordHash` never leaves server/console/auth. */
export interface UserRecord {
  name: string;
  passwordHash: string;
  grants: Grant[];
  disabled: boolean;
  createdAt: Date;
  lastLoginAt: Date | null;
}

/** A user as the API shows it: no hash. */
export interface UserView {
  name: string;
  grants: Grant[];
  disabled: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

const grantsJson = z.array(grantSchema);

function toRecord(row: { name: string; passwordHash: string; grants: string; disabled: boolean; createdAt: Date; lastLoginAt: Date | null }): UserRecord {
  let grants: Grant[] = [];
  try {
    const parsed = grantsJson.safeParse(JSON.parse(row.grants));
    if (parsed.success) grants = parsed.data;
  } catch {
    grants = [];
  }
  return { ...row, grants };
}

/** The API's view of `user`. */
export function userView(user: UserRecord): UserView {
  return {
    name: user.name,
    grants: user.grants,
    disabled: user.disabled,
    createdAt: user.createdAt.toISOString(),
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
  };
}

/** Whether `user` is an enabled admin of everything: the kind the last of which may not go. */
export function isFullAdmin(user: Pick<UserRecord, "grants" | "disabled">): boolean {
  return !user.disabled && user.grants.some((grant) => grant.role === "admin" && grant.connectors === "*");
}

/**
 * Console users in the database (table `User`). Callers validate names, passwords and grants
 * first; this store only reads and writes. Deleting a user deletes its sessions and tokens.
 */
export class UserStore {
  constructor(private readonly db: Database) {}

  /** Every user, by name. */
  async list(): Promise<UserRecord[]> {
    return (await this.db.user.findMany({ orderBy: { name: "asc" } })).map(toRecord);
  }

  /** The user named `name`, or undefined. */
  async get(name: string): Promise<UserRecord | undefined> {
    const row = await this.db.user.findUnique({ where: { name } });
    return row ? toRecord(row) : undefined;
  }

  /** How many users exist (0 means the first admin is still to be created). */
  count(): Promise<number> {
    return this.db.user.count();
  }

  /** Creates a user; 409 `user.already_exists` when the name is taken. */
  async create(name: string, passwordHash: string, grants: Grant[]): Promise<UserRecord> {
    if (await this.db.user.findUnique({ where: { name } })) throw new TributaryError("user.already_exists", `User '${name}' already exists.`);
    return toRecord(await this.db.user.create({ data: { name, passwordHash, grants: JSON.stringify(grants) } }));
  }

  /** Changes a user's grants, disabled flag and/or password hash; 404 `user.not_found`. */
  async update(name: string, change: { grants?: Grant[]; passwordHash?: string; disabled?: boolean }): Promise<UserRecord> {
    if (!(await this.db.user.findUnique({ where: { name } }))) throw notFound(name);
    const data = {
      ...(change.grants ? { grants: JSON.stringify(change.grants) } : {}),
      ...(change.passwordHash ? { passwordHash: change.passwordHash } : {}),
      ...(change.disabled !== undefined ? { disabled: change.disabled } : {}),
    };
    return toRecord(await this.db.user.update({ where: { name }, data }));
  }

  /** Records a successful sign-in. */
  async touchLogin(name: string, at: Date): Promise<void> {
    await this.db.user.updateMany({ where: { name }, data: { lastLoginAt: at } });
  }

  /** Deletes a user with its sessions and tokens; 404 `user.not_found`. */
  async delete(name: string): Promise<void> {
    await this.db.$transaction([
      this.db.session.deleteMany({ where: { userName: name } }),
      this.db.apiToken.deleteMany({ where: { userName: name } }),
      this.db.user.deleteMany({ where: { name } }),
    ]).then(([, , users]) => {
      if (users.count === 0) throw notFound(name);
    });
  }
}

function notFound(name: string): TributaryError {
  return new TributaryError("user.not_found", `User '${name}' does not exist.`);
}
