import { connectorRestartsResponse } from "@/server/http/console-connectors";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return connectorRestartsResponse(request);
}
