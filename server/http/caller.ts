import { principalOf } from "@/server/console/auth/principal";

/** Who made a request, as the audit log and config history record it. */
export interface Caller {
  user: string;
  via: string;
  address: string;
}

/**
 * The caller of `request`: the principal the proxy established, or `anonymous` via `none` when
 * there is none (login off, no proxy). The address is the principal's, else the first
 * `x-forwarded-for` entry, else `x-real-ip`, else "".
 */
export function callerOf(request: Request): Caller {
  const principal = principalOf(request);
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const address = principal?.address || forwarded || request.headers.get("x-real-ip")?.trim() || "";
  return { user: principal?.user ?? "anonymous", via: principal?.via ?? "none", address };
}
