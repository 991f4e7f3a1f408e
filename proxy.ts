import { NextResponse } from "next/server";
import { guardResponse } from "@/server/http/request-guard";

/**
 * Every API request (the Kafka Connect REST API, the console's API and `/metrics`) passes the
 * request guard before its route handler runs: malformed percent-encoding, foreign `Host`
 * headers, cross-site writes and oversized declared bodies are refused here, in one place.
 */
export function proxy(request: Request): Response {
  return guardResponse(request, process.env.HOST) ?? NextResponse.next();
}

export const config = { matcher: ["/api/:path*", "/metrics"] };
