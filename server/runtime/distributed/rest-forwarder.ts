import { messageOf, TributaryError } from "@/server/errors/tributary-error";
import { currentForwardAuthorization, currentForwardHop } from "@/server/runtime/distributed/forwarding";
import type { ForwardToLeader, LeaderRequest } from "@/server/runtime/herder/leadership";

/** Kafka Connect's answer when a request keeps landing on the wrong worker (a rebalance is under way). */
export const CONFLICTING_OPERATION = "Cannot complete request because of a conflicting operation (e.g. worker rebalance)";

const FORWARD_TIMEOUT_MS = 90_000;

/** Tributary's own route on the Connect REST API: the cluster's members and rebalances, which only the leader knows. */
export const CLUSTER_PATH = "/tributary/cluster";

interface Call {
  method: string;
  path: string;
  body?: unknown;
}

const unreachableErrors = new WeakSet<Error>();

/** The retriable 409 of a worker at `url` that could not be reached at all; `isUnreachable` recognises it. */
export function unreachableError(url: string, cause: unknown): TributaryError {
  const error = new TributaryError("rebalance.in_progress", `${CONFLICTING_OPERATION}: the worker at ${url} cannot be reached (${messageOf(cause)})`, { retriable: true });
  unreachableErrors.add(error);
  return error;
}

/** Whether `error` came from a worker that could not be reached at all (rather than from its answer). */
export function isUnreachable(error: unknown): boolean {
  return error instanceof Error && unreachableErrors.has(error);
}

const connectorPath = (name: string, rest = "") => `/connectors/${encodeURIComponent(name)}${rest}`;

/** The Connect REST call that carries out `request` on the worker it is sent to. */
function callFor(request: LeaderRequest): Call {
  switch (request.op) {
    case "putConnectorConfig":
      return request.allowReplace
        ? { method: "PUT", path: connectorPath(request.name, "/config"), body: request.config }
        : { method: "POST", path: "/connectors", body: { name: request.name, config: request.config, ...(request.initialState ? { initial_state: request.initialState } : {}) } };
    case "deleteConnector":
      return { method: "DELETE", path: connectorPath(request.name) };
    case "stopConnector":
      return { method: "PUT", path: connectorPath(request.name, "/stop") };
    case "restartConnector":
      return { method: "POST", path: connectorPath(request.name, "/restart") };
    case "restartConnectorAndTasks":
      return { method: "POST", path: connectorPath(request.name, `/restart?includeTasks=${request.request.includeTasks}&onlyFailed=${request.request.onlyFailed}`) };
    case "restartTask":
      return { method: "POST", path: connectorPath(request.name, `/tasks/${request.task}/restart`) };
    case "alterConnectorOffsets":
      return { method: "PATCH", path: connectorPath(request.name, "/offsets"), body: { offsets: request.offsets } };
    case "resetConnectorOffsets":
      return { method: "DELETE", path: connectorPath(request.name, "/offsets") };
    case "putTaskConfigs":
      return { method: "POST", path: connectorPath(request.name, "/tasks"), body: request.taskConfigs };
    case "clusterView":
      return { method: "GET", path: CLUSTER_PATH };
  }
}

function parseBody(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** What the worker's answer means for `request`. */
function resultOf(request: LeaderRequest, status: number, body: unknown): unknown {
  if (request.op === "putConnectorConfig") return { created: status === 201, info: body };
  if (request.op === "clusterView" || request.op === "restartConnectorAndTasks" || request.op === "alterConnectorOffsets" || request.op === "resetConnectorOffsets") return body;
  return undefined;
}

/**
 * Sends leader-only requests to the worker at `url` (the root of its Connect REST API) as Kafka
 * Connect forwards them: `forward=true` on a request that came from a client, `forward=false` on
 * one that was already forwarded here once; a request forwarded twice is refused with 409
 * instead (two hops at most, so a rebalance cannot make requests circle). The other worker's
 * status and message come back unchanged (`forwarded.<status>`); a worker that cannot be reached
 * is a retriable `rebalance.in_progress` (409), as Kafka Connect answers while it has no leader.
 * The caller's `Authorization` header goes along, so a leader that asks for Basic credentials
 * accepts a request its follower accepted.
 */
export function restForwarder(url: string): ForwardToLeader {
  return (async (request: LeaderRequest) => {
    const hop = currentForwardHop();
    if (hop === "last") throw new TributaryError("rebalance.in_progress", CONFLICTING_OPERATION, { retriable: true });
    const call = callFor(request);
    const authorization = currentForwardAuthorization();
    const headers: Record<string, string> = {
      ...(call.body === undefined ? {} : { "content-type": "application/json" }),
      ...(authorization ? { authorization } : {}),
    };
    const target = new URL(`${url.replace(/\/$/, "")}${call.path}`);
    target.searchParams.set("forward", hop === "client" ? "true" : "false");
    let response: Response;
    try {
      response = await fetch(target, {
        method: call.method,
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal: AbortSignal.timeout(FORWARD_TIMEOUT_MS),
      });
    } catch (error) {
      throw unreachableError(url, error);
    }
    const text = await response.text();
    const body = parseBody(text);
    if (!response.ok) {
      const message = typeof body === "object" && body !== null && "message" in body ? String((body as { message: unknown }).message) : text;
      throw new TributaryError(`forwarded.${response.status}`, message);
    }
    return resultOf(request, response.status, body);
  }) as ForwardToLeader;
}
