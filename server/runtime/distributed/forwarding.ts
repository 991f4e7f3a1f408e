import { AsyncLocalStorage } from "node:async_hooks";

/**
 * How far a REST request has been forwarded between workers, as Kafka Connect counts it in the
 * `forward` query parameter: absent on a request from a client, `true` on the first hop (the
 * receiving worker may forward once more), `false` on the second (it must answer itself, or 409).
 */
export type ForwardHop = "client" | "first" | "last";

const hops = new AsyncLocalStorage<{ hop: ForwardHop; authorization: string | null }>();

/**
 * Runs `handle` with the hop its request came on (`forward` = the query parameter's value, or
 * null) and the request's `Authorization` header, which a forward to another worker carries on
 * (a worker whose listener asks for Basic credentials accepts the caller's). Called by the REST router.
 */
export function withForwardHop<T>(forward: string | null, handle: () => Promise<T>, authorization: string | null = null): Promise<T> {
  const hop: ForwardHop = forward === "true" ? "first" : forward === "false" ? "last" : "client";
  return hops.run({ hop, authorization }, handle);
}

/** The hop of the REST request being handled on this call path; `client` outside one. */
export function currentForwardHop(): ForwardHop {
  return hops.getStore()?.hop ?? "client";
}

/** The `Authorization` header of the REST request being handled on this call path, or null (none, or outside one). */
export function currentForwardAuthorization(): string | null {
  return hops.getStore()?.authorization ?? null;
}
