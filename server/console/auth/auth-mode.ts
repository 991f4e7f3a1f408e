import { TributaryError } from "@/server/errors/tributary-error";
import { isLoopbackHost } from "@/server/http/request-guard";

/** Whether the console asks who is calling (`on`) or treats every request as an admin (`off`). */
export type AuthMode = "on" | "off";

/**
 * The auth mode from the environment: `TRIBUTARY_AUTH=on|off`; unset, `on` when the console
 * listens beyond loopback (`HOST` set and not `localhost`, 127.x or `::1`), `off` on loopback or
 * when `HOST` is unset (the start script's default is 127.0.0.1). Throws `config.invalid_value`
 * for another value.
 */
export function authModeOf(env: Readonly<Record<string, string | undefined>>): AuthMode {
  const value = env.TRIBUTARY_AUTH?.trim().toLowerCase();
  if (value === "on" || value === "off") return value;
  if (value !== undefined && value !== "") {
    throw new TributaryError("config.invalid_value", `Invalid setting: TRIBUTARY_AUTH must be "on" or "off", got ${JSON.stringify(env.TRIBUTARY_AUTH)}`);
  }
  const host = env.HOST?.trim().toLowerCase().replace(/^\[|\]$/g, "");
  return host === undefined || host === "" || isLoopbackHost(host) ? "off" : "on";
}

/** `TRIBUTARY_SESSION_TTL_HOURS` (default 12) in milliseconds; throws `config.invalid_value` for a non-positive or non-number value. */
export function sessionTtlMs(env: Readonly<Record<string, string | undefined>>): number {
  const raw = env.TRIBUTARY_SESSION_TTL_HOURS?.trim();
  if (raw === undefined || raw === "") return 12 * 3_600_000;
  const hours = Number(raw);
  if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 366) {
    throw new TributaryError("config.invalid_value", `Invalid setting: TRIBUTARY_SESSION_TTL_HOURS must be a number of hours above 0, got ${JSON.stringify(raw)}`);
  }
  return hours * 3_600_000;
}
