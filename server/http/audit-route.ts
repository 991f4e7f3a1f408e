import { currentAuditLog } from "@/server/console/audit/audit-slot";
import { maskChange, sameConfig, secretTestFor } from "@/server/console/config-secrets";
import { endpointAccess } from "@/server/console/auth/endpoint-access";
import { readLimitedText } from "@/server/http/body-limit";
import { callerOf } from "@/server/http/caller";
import type { RouteHandler } from "@/server/http/route-handler";
import type { Herder } from "@/server/runtime/herder/herder";
import { currentRuntime } from "@/server/runtime/runtime-slot";

type Config = Record<string, string>;

/** Path segments whose next segment names what the request acts on (`/dlq/topics/{t}/replay`). */
const COLLECTIONS = new Set(["topics", "replays", "loggers", "users", "tokens", "connectors"]);

/**
 * Wraps a route handler so each request that asks for a change (its endpoint has an audit `event`
 * in endpoint-access.ts) is recorded in the audit log: who, when, from where, the event, its
 * target, the answer's status and, for a refusal or failure, its message; for a connector event
 * that changed the connector's config, the config before and after with secrets masked. Requests
 * without an event, and processes without an audit log, pass straight through.
 *
 * Recording never changes the answer and never makes it wait on the database: the entry is
 * written after the response is handed back, and a failure is logged (AuditLog.record). Only
 * connector events read the config, before and right after the handler (so a later write cannot
 * slip in between), from the herder's in-memory snapshot.
 */
export function withAudit<C>(handler: RouteHandler<C>): RouteHandler<C> {
  return async (request, context) => {
    const access = endpointAccess(request.method, new URL(request.url).pathname);
    const audit = currentAuditLog();
    if (!access.event || !audit) return handler(request, context);
    const at = Date.now();
    const caller = callerOf(request);
    const herder = currentHerder();
    const target = access.scope.kind === "connector" ? access.scope.name : access.scope.kind === "body" ? await nameInBody(request) : targetOf(request) || (await nameInBody(request));
    const connector = access.scope.kind === "connector" || access.scope.kind === "body" ? target : "";
    const before = connector && herder ? await configOf(herder, connector) : null;
    const response = await handler(request, context);
    const answer = response.ok ? undefined : response.clone();
    const after = connector && herder ? await configOf(herder, connector) : null;
    void (async () => {
      const changed = herder !== undefined && (before ?? after) !== null && !(before && after && sameConfig(before, after));
      const configs = changed ? maskChange(before, after, secretTestFor(herder, after ?? before)) : { before: null, after: null };
      audit.record({ at, ...caller, event: access.event!, target, status: response.status, ...configs, detail: answer ? await messageOf(answer) : null });
    })();
    return response;
  };
}

/** The herder of this process's runtime, if one is installed (its snapshot may still be loading). */
function currentHerder(): Herder | undefined {
  try {
    return currentRuntime()?.herder;
  } catch {
    return undefined;
  }
}

async function configOf(herder: Herder, name: string): Promise<Config | null> {
  try {
    return await herder.connectorConfig(name);
  } catch {
    return null;
  }
}

/**
 * The `name` (a connector or user create) or `username` (a sign-in) of a JSON body, read from a
 * copy (the handler reads the original); "" when there is none. Nothing else of the body is kept.
 */
async function nameInBody(request: Request): Promise<string> {
  if (request.method !== "POST") return "";
  try {
    const body: unknown = JSON.parse(await readLimitedText(request.clone()));
    if (!body || typeof body !== "object") return "";
    const { name, username } = body as { name?: unknown; username?: unknown };
    return typeof name === "string" ? name.slice(0, 250) : typeof username === "string" ? username.slice(0, 250) : "";
  } catch {
    return "";
  }
}

/** The DLQ topic, replay job, logger, user or token a path names, percent-decoded; "" when none. */
function targetOf(request: Request): string {
  const segments = new URL(request.url).pathname.split("/").filter(Boolean);
  const index = segments.findIndex((segment, i) => i > 1 && COLLECTIONS.has(segment) && segments[i + 1] !== undefined);
  if (index < 0) return "";
  try {
    return decodeURIComponent(segments[index + 1]!);
  } catch {
    return segments[index + 1]!;
  }
}

async function messageOf(response: Response): Promise<string | null> {
  try {
    const body: unknown = await response.json();
    return body && typeof body === "object" && typeof (body as { message?: unknown }).message === "string" ? (body as { message: string }).message.slice(0, 2_000) : null;
  } catch {
    return null;
  }
}
