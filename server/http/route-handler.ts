/** A Next route handler: the request and its route context (dynamic params), answered with a Response. */
export type RouteHandler<C> = (request: Request, context: C) => Promise<Response>;
