import { connectionTestResponse } from "@/server/http/console-connection-test";

export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return connectionTestResponse(request);
}
