import { connectorVersionsResponse } from "@/server/http/console-versions";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return connectorVersionsResponse(request);
}
