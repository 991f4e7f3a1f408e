import type { Role } from "@/server/contracts/auth";

/**
 * What a request acts on, for the role check:
 * - `connector`: the connector named in the path;
 * - `body`: the connector named in the request body (a create), checked by its handler;
 * - `all`: everything, or something not tied to one connector (topics, DLQs, the cluster): the
 *   role must be granted on `*`;
 * - `any`: the role granted on any pattern is enough (handlers narrow lists to what the user may see).
 */
export type AccessScope = { kind: "connector"; name: string } | { kind: "body" } | { kind: "all" } | { kind: "any" };

/**
 * The access rule of one endpoint: `public` needs no credentials; otherwise the least role the
 * caller must hold on `scope`. Writes carry the audit log's event name (`connector.pause`).
 */
export interface EndpointAccess {
  role: Role | "public";
  scope: AccessScope;
  event?: string;
}

interface Rule {
  method: string;
  path: string[];
  role: Role | "public";
  /** `:connector` in the path → connector scope; otherwise this one. */
  scope?: "body" | "all" | "any";
  event?: string;
}

const CONNECTOR = ":connector";

/** Kafka Connect's REST API (reference §1.2) plus Tributary's `/tributary/cluster`. */
const connectRules: Rule[] = [
  { method: "GET", path: [], role: "public" },
  { method: "GET", path: ["health"], role: "public" },
  { method: "GET", path: ["connectors"], role: "viewer", scope: "any" },
  { method: "POST", path: ["connectors"], role: "editor", scope: "body", event: "connector.create" },
  { method: "GET", path: ["connectors", CONNECTOR], role: "viewer" },
  { method: "DELETE", path: ["connectors", CONNECTOR], role: "editor", event: "connector.delete" },
  { method: "GET", path: ["connectors", CONNECTOR, "config"], role: "viewer" },
  { method: "PUT", path: ["connectors", CONNECTOR, "config"], role: "editor", event: "connector.config.update" },
  { method: "PATCH", path: ["connectors", CONNECTOR, "config"], role: "editor", event: "connector.config.update" },
  { method: "GET", path: ["connectors", CONNECTOR, "status"], role: "viewer" },
  { method: "PUT", path: ["connectors", CONNECTOR, "pause"], role: "operator", event: "connector.pause" },
  { method: "PUT", path: ["connectors", CONNECTOR, "resume"], role: "operator", event: "connector.resume" },
  { method: "PUT", path: ["connectors", CONNECTOR, "stop"], role: "operator", event: "connector.stop" },
  { method: "POST", path: ["connectors", CONNECTOR, "restart"], role: "operator", event: "connector.restart" },
  { method: "GET", path: ["connectors", CONNECTOR, "tasks"], role: "viewer" },
  // Workers post a connector's generated task configs to the leader (internal to a cluster).
  { method: "POST", path: ["connectors", CONNECTOR, "tasks"], role: "admin", event: "connector.tasks.put" },
  { method: "GET", path: ["connectors", CONNECTOR, "tasks-config"], role: "viewer" },
  { method: "GET", path: ["connectors", CONNECTOR, "tasks", "*", "status"], role: "viewer" },
  { method: "POST", path: ["connectors", CONNECTOR, "tasks", "*", "restart"], role: "operator", event: "task.restart" },
  { method: "GET", path: ["connectors", CONNECTOR, "topics"], role: "viewer" },
  { method: "PUT", path: ["connectors", CONNECTOR, "topics", "reset"], role: "editor", event: "connector.topics.reset" },
  { method: "GET", path: ["connectors", CONNECTOR, "offsets"], role: "viewer" },
  { method: "PATCH", path: ["connectors", CONNECTOR, "offsets"], role: "editor", event: "connector.offsets.alter" },
  { method: "DELETE", path: ["connectors", CONNECTOR, "offsets"], role: "editor", event: "connector.offsets.reset" },
  { method: "GET", path: ["connector-plugins"], role: "viewer", scope: "any" },
  { method: "GET", path: ["connector-plugins", "*", "config"], role: "viewer", scope: "any" },
  { method: "PUT", path: ["connector-plugins", "*", "config", "validate"], role: "viewer", scope: "any" },
  { method: "GET", path: ["admin", "loggers"], role: "viewer", scope: "all" },
  { method: "GET", path: ["admin", "loggers", "*"], role: "viewer", scope: "all" },
  { method: "PUT", path: ["admin", "loggers", "*"], role: "admin", scope: "all", event: "logger.level" },
  { method: "GET", path: ["tributary", "cluster"], role: "viewer", scope: "all" },
];

/** The console's own API below `/api/console`. */
const consoleRules: Rule[] = [
  { method: "GET", path: ["session"], role: "public" },
  { method: "POST", path: ["session"], role: "public", event: "session.login" },
  { method: "DELETE", path: ["session"], role: "public", event: "session.logout" },
  { method: "POST", path: ["setup"], role: "public", event: "user.setup" },
  { method: "GET", path: ["health"], role: "viewer", scope: "any" },
  { method: "GET", path: ["events"], role: "viewer", scope: "any" },
  { method: "GET", path: ["metrics"], role: "viewer", scope: "any" },
  { method: "GET", path: ["metrics", "overview"], role: "viewer", scope: "any" },
  { method: "GET", path: ["cluster"], role: "viewer", scope: "all" },
  { method: "POST", path: ["playground"], role: "viewer", scope: "any" },
  { method: "POST", path: ["connection-test"], role: "editor", scope: "any" },
  { method: "GET", path: ["connectors", "notices"], role: "viewer", scope: "any" },
  { method: "GET", path: ["connectors", CONNECTOR, "changes"], role: "viewer" },
  { method: "GET", path: ["connectors", CONNECTOR, "offsets"], role: "viewer" },
  { method: "GET", path: ["connectors", CONNECTOR, "restarts"], role: "viewer" },
  { method: "GET", path: ["connectors", CONNECTOR, "versions"], role: "viewer" },
  { method: "GET", path: ["connectors", CONNECTOR, "versions", "*"], role: "viewer" },
  { method: "POST", path: ["connectors", CONNECTOR, "versions", "*", "rollback"], role: "editor", event: "connector.rollback" },
  { method: "GET", path: ["topics"], role: "viewer", scope: "all" },
  { method: "GET", path: ["topics", "*", "records"], role: "viewer", scope: "all" },
  { method: "GET", path: ["dlq", "topics"], role: "viewer", scope: "all" },
  { method: "GET", path: ["dlq", "topics", "*"], role: "viewer", scope: "all" },
  { method: "GET", path: ["dlq", "topics", "*", "records"], role: "viewer", scope: "all" },
  { method: "GET", path: ["dlq", "topics", "*", "records", "*", "*"], role: "viewer", scope: "all" },
  { method: "GET", path: ["dlq", "topics", "*", "groups"], role: "viewer", scope: "all" },
  { method: "GET", path: ["dlq", "topics", "*", "export"], role: "viewer", scope: "all" },
  { method: "POST", path: ["dlq", "topics", "*", "replay"], role: "editor", scope: "all", event: "dlq.replay" },
  { method: "POST", path: ["dlq", "topics", "*", "purge"], role: "editor", scope: "all", event: "dlq.purge" },
  { method: "GET", path: ["dlq", "replays"], role: "viewer", scope: "all" },
  { method: "GET", path: ["dlq", "replays", "*"], role: "viewer", scope: "all" },
  { method: "POST", path: ["dlq", "replays", "*", "cancel"], role: "editor", scope: "all", event: "dlq.replay.cancel" },
  { method: "GET", path: ["users"], role: "admin", scope: "all" },
  { method: "POST", path: ["users"], role: "admin", scope: "all", event: "user.create" },
  { method: "PUT", path: ["users", "*"], role: "admin", scope: "all", event: "user.update" },
  { method: "DELETE", path: ["users", "*"], role: "admin", scope: "all", event: "user.delete" },
  // Any signed-in user manages their own tokens; the handler lets only admins touch others'.
  { method: "GET", path: ["tokens"], role: "viewer", scope: "any" },
  { method: "POST", path: ["tokens"], role: "viewer", scope: "any", event: "token.create" },
  { method: "DELETE", path: ["tokens", "*"], role: "viewer", scope: "any", event: "token.delete" },
  { method: "GET", path: ["audit"], role: "admin", scope: "all" },
  { method: "GET", path: ["audit", "export"], role: "admin", scope: "all" },
];

/** One row of the table, as endpointRules() lists it: the API, method, path pattern (`:connector`, `*`), role and scope kind. */
export interface EndpointRule {
  api: "connect" | "console";
  method: string;
  /** Segments below the API's root; `:connector` names a connector, `*` any one segment. */
  path: string[];
  role: Role | "public";
  scope: AccessScope["kind"];
  event?: string;
}

/** Every rule of the table, in order: for tests that walk all endpoints and for documentation. */
export function endpointRules(): EndpointRule[] {
  const rows = (api: EndpointRule["api"], rules: Rule[]) =>
    rules.map((rule) => ({
      api,
      method: rule.method,
      path: [...rule.path],
      role: rule.role,
      scope: rule.path.includes(CONNECTOR) ? ("connector" as const) : (rule.scope ?? "all"),
      ...(rule.event ? { event: rule.event } : {}),
    }));
  return [...rows("connect", connectRules), ...rows("console", consoleRules)];
}

/** Unknown endpoints need a signed-in user; their handler answers 404 or 405. */
const SIGNED_IN: EndpointAccess = { role: "viewer", scope: { kind: "any" } };

function find(rules: Rule[], method: string, segments: string[]): EndpointAccess {
  for (const rule of rules) {
    if (rule.method !== method || rule.path.length !== segments.length) continue;
    let connector: string | undefined;
    const matches = rule.path.every((part, i) => {
      if (part === CONNECTOR) connector = segments[i];
      return part === CONNECTOR || part === "*" || part === segments[i];
    });
    if (!matches) continue;
    const scope: AccessScope = connector !== undefined ? { kind: "connector", name: connector } : { kind: rule.scope ?? "all" };
    return { role: rule.role, scope, ...(rule.event ? { event: rule.event } : {}) };
  }
  return SIGNED_IN;
}

function decoded(segments: string[]): string[] | undefined {
  try {
    return segments.filter((segment) => segment.length > 0).map((segment) => decodeURIComponent(segment));
  } catch {
    return undefined;
  }
}

/**
 * The access rule of a Kafka Connect REST request, from its method and its path segments below
 * the API root (percent-decoded). HEAD is read as GET.
 */
export function connectEndpointAccess(method: string, segments: string[]): EndpointAccess {
  return find(connectRules, method === "HEAD" ? "GET" : method, segments);
}

/**
 * The access rule of any request to the console's server, from its method and raw (percent-encoded)
 * URL path: `/api/connect/**` (Kafka Connect's API), `/api/console/**`, `/metrics`, and pages
 * (`/login` is public; every other page needs a signed-in user). A path that is not valid
 * percent-encoding needs a signed-in user (the request guard refuses it with 400 anyway).
 */
export function endpointAccess(method: string, pathname: string): EndpointAccess {
  const segments = decoded(pathname.split("/"));
  if (!segments) return SIGNED_IN;
  const verb = method === "HEAD" ? "GET" : method;
  if (segments[0] === "api" && segments[1] === "connect") return find(connectRules, verb, segments.slice(2));
  if (segments[0] === "api" && segments[1] === "console") return find(consoleRules, verb, segments.slice(2));
  if (segments.length === 1 && segments[0] === "metrics") return { role: "viewer", scope: { kind: "all" } };
  if (segments.length === 1 && segments[0] === "login") return { role: "public", scope: { kind: "any" } };
  return SIGNED_IN;
}
