import { z } from "zod";
import { grantSchema } from "@/server/contracts/auth";

/**
 * Bodies and answers of the console's auth endpoints (`/api/console/session`, `setup`, `users`,
 * `tokens`), shared by the route handlers (which validate with them) and the UI.
 * Passwords: at least 12 characters (the handlers say so in their 400s).
 */

/** A user name: 1 to 64 letters, digits, dots, underscores, @ or hyphens. */
export const userNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9._@-]{1,64}$/, "a user name has 1 to 64 letters, digits, dots, underscores, @ or hyphens");

const password = z.string().max(1024, "a password has at most 1024 characters");

/** `POST /api/console/session`. */
export const loginRequestSchema = z.strictObject({ username: z.string().max(64), password });

/** `POST /api/console/setup`: the first admin, with the set-up code the server logged. */
export const setupRequestSchema = z.strictObject({ username: userNameSchema, password, setupCode: z.string().max(200) });

/** A user's grants: at least one, at most 50. */
export const grantsSchema = z.array(grantSchema).min(1, "give the user at least one grant").max(50);

/** `POST /api/console/users`. */
export const createUserRequestSchema = z.strictObject({ name: userNameSchema, password, grants: grantsSchema });

/** `PUT /api/console/users/{name}`: any of a new password, new grants, disabled. */
export const updateUserRequestSchema = z.strictObject({ name: userNameSchema.optional(), password: password.optional(), grants: grantsSchema.optional(), disabled: z.boolean().optional() });

/** A user as `GET /api/console/users` lists it (and POST/PUT answer it). */
export const userViewSchema = z.object({
  name: z.string(),
  grants: z.array(grantSchema),
  disabled: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export type UserViewDto = z.infer<typeof userViewSchema>;

/** `GET /api/console/users` (admins only). */
export const userListSchema = z.object({ users: z.array(userViewSchema) });

/** `POST /api/console/tokens`. */
export const createTokenRequestSchema = z.strictObject({
  name: z.string().trim().min(1, "name the token").max(100),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});

/** `POST /api/console/tokens`' answer (201): the only time `token` is shown. */
export const newTokenSchema = z.object({ id: z.string(), name: z.string(), token: z.string(), expiresAt: z.string().nullable() });
export type NewTokenDto = z.infer<typeof newTokenSchema>;

/** A token as `GET /api/console/tokens` lists it: never its secret. */
export const tokenViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  user: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
});
export type TokenViewDto = z.infer<typeof tokenViewSchema>;

/** `GET /api/console/tokens`: the caller's tokens, every user's for an admin. */
export const tokenListSchema = z.object({ tokens: z.array(tokenViewSchema) });

/** `POST /api/console/session` and `POST /api/console/setup` answers: who is signed in now. */
export const signedInSchema = z.object({ user: z.object({ name: z.string(), grants: z.array(grantSchema) }) });
