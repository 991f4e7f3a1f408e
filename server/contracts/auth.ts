import { z } from "zod";

/**
 * Roles, cumulative: an operator may do what a viewer may, an editor what an operator may, an
 * admin what an editor may and also manage users and everyone's API tokens.
 * - viewer: read connectors, statuses, configs (secrets masked), offsets, metrics, topics, DLQs
 * - operator: pause, resume, restart, stop
 * - editor: create, update, delete, alter and reset offsets, reset topics, DLQ replay and purge
 * - admin: users, tokens, loggers, the audit log
 */
export const ROLES = ["viewer", "operator", "editor", "admin"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/**
 * A role granted on connectors: `*` (all connectors, and everything not tied to one connector:
 * topics, DLQs, the cluster) or a name pattern where `*` matches any run of characters
 * (`orders-*`). A user holds a list of grants; the strongest grant that covers a connector wins.
 */
export const grantSchema = z.object({
  role: roleSchema,
  connectors: z.string().min(1).max(200),
});
export type Grant = z.infer<typeof grantSchema>;

/** How a request proved who it is; `none` when authentication is off (then every request is an admin). */
export const AUTH_METHODS = ["session", "token", "basic", "none"] as const;
export type AuthMethod = (typeof AUTH_METHODS)[number];

/** Who is making a request, as the proxy established it and route handlers read it (principalOf). */
export const principalSchema = z.object({
  /** The user name; `anonymous` when authentication is off. */
  user: z.string(),
  via: z.enum(AUTH_METHODS),
  grants: z.array(grantSchema),
  /** The client's address as the server saw it (`x-forwarded-for`'s first entry behind a proxy), or "" when unknown. */
  address: z.string(),
});
export type Principal = z.infer<typeof principalSchema>;

/**
 * `GET /api/console/session` (no credentials needed): whether login is on, who is signed in,
 * whether the first admin still has to be created, and the CSRF token the console sends back in
 * the `x-csrf-token` header of every POST, PUT, PATCH and DELETE it makes with its session cookie.
 */
export const sessionInfoSchema = z.object({
  auth: z.enum(["on", "off"]),
  user: z.object({ name: z.string(), grants: z.array(grantSchema) }).nullable(),
  setupRequired: z.boolean(),
  csrfToken: z.string().optional(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

/** The request header that carries a session's CSRF token; it must equal the `tributary_csrf` cookie's value. */
export const CSRF_HEADER = "x-csrf-token";
